-- Issue 19: Xã Pa Ủ (Huyện Mường Tè) is written with a capital Ủ, as Vietnamese writes every syllable
-- of a place name and as the map's boundary layer and NQ 1670 write it; the GSO registry's "Pa ủ" was shown
-- in the list beside "Pa Ủ" on the map. data/reference now holds "Xã Pa Ủ" (the reference-data migration is
-- regenerated from it); this migration brings databases created before that change to the same name.
update public.admin_unit set name = 'Xã Pa Ủ' where code = '03442' and name = 'Xã Pa ủ';
