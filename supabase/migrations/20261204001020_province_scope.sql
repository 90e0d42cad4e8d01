-- Issue 21, item 4: one database for many provinces. Step 3 of 3: Lai Châu's rows (everything written
-- before provinces existed) move to province '12'; every unit-level row then names its province, and
-- the scope of an editor is a province, or districts within it. Row Level Security, the import, locked
-- years and the views all follow the province.
--
-- Where the province of a row comes from (one trigger, private.fill_province):
--   unit_assessment ← its unit; district_status ← its district; an observation with a district ← that
--   district; a province-level observation or a locked year ← the column if given, else the writing
--   editor's province, else private.legacy_province() (the owner's and service_role's old inserts).
-- Composite foreign keys keep the copy honest: a row's province is its unit's (or district's).
--
-- Editors: app_metadata.province (private.province_code, the same rule as
-- src/lib/domain/province-code.ts, both tested against src/lib/domain/province-code.cases.json). An
-- editor whose app_metadata has no `province` key keeps meaning Lai Châu ('12', the only province
-- before issue 21): existing accounts keep their rights. A `province` that is present but not a
-- configured province grants nothing.

create function private.legacy_province() returns text language sql immutable set search_path = '' as $$ select '12' $$;
comment on function private.legacy_province() is
  'Lai Châu: the province of rows written before issue 21, and of editors whose app_metadata names no province.';

-- The caller's province while they may write (null: not an editor). Only a signed-in user has one:
-- service_role and the owner may not read the editors registry, and their rows without a province get
-- the legacy one (plpgsql, so the registry is not even opened for them).
create function private.editor_province() returns text
language plpgsql stable
set search_path = ''
as $$
begin
  if current_user is distinct from 'authenticated' then
    return null;
  end if;
  return (select e.province from private.current_editor() e);
end
$$;

------------------------------------------------------------------------------------------------------
-- Backfill, then NOT NULL, foreign keys and keys. Triggers are off for the backfill: it changes no
-- data (a locked year stays locked, the audit log records no change).
------------------------------------------------------------------------------------------------------

alter table public.unit_assessment disable trigger user;
alter table public.district_status disable trigger user;
alter table public.indicator_observation disable trigger user;
alter table public.statistic_observation disable trigger user;
alter table public.closed_year disable trigger user;

update public.district set province = private.legacy_province() where province is null;
update public.admin_unit set province = private.legacy_province() where province is null;
update public.crosswalk set province = private.legacy_province() where province is null;
update public.target set province = private.legacy_province() where province is null;
update public.unit_assessment set province = private.legacy_province() where province is null;
update public.district_status set province = private.legacy_province() where province is null;
update public.indicator_observation set province = private.legacy_province() where province is null;
update public.statistic_observation set province = private.legacy_province() where province is null;
update public.closed_year set province = private.legacy_province() where province is null;
update private.editor set province = private.legacy_province() where province is null;
update private.year_lock set province = private.legacy_province() where province is null;

alter table public.unit_assessment enable trigger user;
alter table public.district_status enable trigger user;
alter table public.indicator_observation enable trigger user;
alter table public.statistic_observation enable trigger user;
alter table public.closed_year enable trigger user;

-- Reference tables.
alter table public.district
  alter column province set not null,
  add constraint district_province_length check (char_length(province) <= 2),
  add constraint district_province_fkey foreign key (province) references public.province (code),
  add constraint district_with_province unique (vintage, code, province);
create index district_province_idx on public.district (province);

alter table public.admin_unit
  alter column province set not null,
  add constraint admin_unit_province_length check (char_length(province) <= 2),
  add constraint admin_unit_province_fkey foreign key (province) references public.province (code),
  add constraint admin_unit_with_province unique (vintage, code, province);
create index admin_unit_province_idx on public.admin_unit (province);
-- A unit with a district is in its district's province.
alter table public.admin_unit add constraint admin_unit_district_province_fkey
  foreign key (vintage, district_code, province) references public.district (vintage, code, province);
create index admin_unit_district_province_idx on public.admin_unit (vintage, district_code, province);

-- Both ends of a crosswalk row are units of its province.
alter table public.crosswalk
  alter column province set not null,
  add constraint crosswalk_province_length check (char_length(province) <= 2),
  add constraint crosswalk_from_province_fkey foreign key (from_vintage, from_code, province)
    references public.admin_unit (vintage, code, province),
  add constraint crosswalk_to_province_fkey foreign key (to_vintage, to_code, province)
    references public.admin_unit (vintage, code, province);
create index crosswalk_from_province_idx on public.crosswalk (from_vintage, from_code, province);
create index crosswalk_to_province_idx on public.crosswalk (to_vintage, to_code, province);

-- Targets are a province's (Lai Châu's are those of its Kết luận 98-KL/TU); ids stay unique.
alter table public.target
  alter column province set not null,
  add constraint target_province_length check (char_length(province) <= 2),
  add constraint target_province_fkey foreign key (province) references public.province (code),
  add constraint target_with_province unique (province, id);

-- Assessment data.
alter table public.unit_assessment
  alter column province set not null,
  add constraint unit_assessment_province_length check (char_length(province) <= 2),
  add constraint unit_assessment_unit_province_fkey foreign key (vintage, unit_code, province)
    references public.admin_unit (vintage, code, province);
create index unit_assessment_unit_province_idx on public.unit_assessment (vintage, unit_code, province);

alter table public.district_status
  alter column province set not null,
  add constraint district_status_province_length check (char_length(province) <= 2),
  add constraint district_status_district_province_fkey foreign key (vintage, district_code, province)
    references public.district (vintage, code, province);
create index district_status_district_province_idx on public.district_status (vintage, district_code, province);

-- An indicator is a value of one of its province's targets: a province without targets has none.
alter table public.indicator_observation
  alter column province set not null,
  add constraint indicator_observation_province_length check (char_length(province) <= 2),
  add constraint indicator_observation_target_province_fkey foreign key (province, target_id)
    references public.target (province, id);
-- The key (target_id, year, district_code) stays: a target is one province's, so it is still unique.
create index indicator_observation_target_province_idx on public.indicator_observation (province, target_id);

alter table public.statistic_observation
  alter column province set not null,
  add constraint statistic_observation_province_length check (char_length(province) <= 2),
  add constraint statistic_observation_province_fkey foreign key (province) references public.province (code),
  drop constraint statistic_observation_key,
  add constraint statistic_observation_key unique nulls not distinct (province, series_id, year, district_code);
create index statistic_observation_series_idx on public.statistic_observation (series_id);

-- Locked years: per province and year.
alter table public.closed_year
  alter column province set not null,
  add constraint closed_year_province_length check (char_length(province) <= 2),
  add constraint closed_year_province_fkey foreign key (province) references public.province (code),
  drop constraint closed_year_pkey,
  add primary key (province, year);
-- `insert into closed_year (year)` as before: the year of the editor's own province.
alter table public.closed_year
  alter column province set default coalesce(private.editor_province(), private.legacy_province());

alter table private.editor
  alter column province set not null,
  add constraint editor_province_fkey foreign key (province) references public.province (code);
create index editor_province_idx on private.editor (province);

alter table private.year_lock
  alter column province set not null,
  add constraint year_lock_province_fkey foreign key (province) references public.province (code),
  drop constraint year_lock_pkey,
  add primary key (province, year);

------------------------------------------------------------------------------------------------------
-- A row's province, filled in before the row is checked (trigger names sort after each table's
-- `_check` trigger, which fills the vintage, and before its `_closed_year` trigger, which needs it).
------------------------------------------------------------------------------------------------------


create function private.fill_province() returns trigger
language plpgsql
set search_path = ''
as $$
declare
  v_row jsonb := to_jsonb(new);
  v_found text;
begin
  if tg_table_name = 'unit_assessment' then
    select u.province into v_found from public.admin_unit u
    where u.vintage = new.vintage and u.code = v_row ->> 'unit_code';
  elsif tg_table_name = 'district_status' then
    select d.province into v_found from public.district d
    where d.vintage = new.vintage and d.code = v_row ->> 'district_code';
  elsif v_row ->> 'district_code' is not null then
    -- GSO district codes are national: one province per code, whichever vintage.
    select min(d.province) into v_found from public.district d where d.code = v_row ->> 'district_code';
  end if;
  if v_found is not null and new.province is not null and new.province is distinct from v_found then
    raise exception using errcode = '23514',
      message = format('Dòng thuộc tỉnh %s (theo mã đơn vị hoặc huyện), không phải tỉnh %s / the row belongs to province %s, not %s',
        v_found, new.province, v_found, new.province);
  end if;
  new.province := coalesce(v_found, new.province, private.editor_province(), private.legacy_province());
  return new;
end
$$;
revoke all on function private.fill_province() from public, anon, authenticated, service_role;
grant execute on function private.fill_province() to authenticated, service_role;

create trigger unit_assessment_check_province before insert or update on public.unit_assessment
  for each row execute function private.fill_province();
create trigger district_status_check_province before insert or update on public.district_status
  for each row execute function private.fill_province();
create trigger indicator_observation_check_province before insert or update on public.indicator_observation
  for each row execute function private.fill_province();
create trigger statistic_observation_check_province before insert or update on public.statistic_observation
  for each row execute function private.fill_province();
create trigger closed_year_check_province before insert or update on public.closed_year
  for each row execute function private.fill_province();

------------------------------------------------------------------------------------------------------
-- Locked years per province: private.year_lock has one row per province and year.
------------------------------------------------------------------------------------------------------

insert into private.year_lock (province, year, closed)
select p.code, y, false from public.province p cross join generate_series(2000, 2100) y
on conflict do nothing;

/** A new province gets its year rows (open), so writes to it can take their share lock. */
create function private.add_year_locks() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  insert into private.year_lock (province, year, closed)
  select new.code, y, false from generate_series(2000, 2100) y
  on conflict do nothing;
  return null;
end
$$;
revoke all on function private.add_year_locks() from public, anon, authenticated, service_role;
create trigger province_year_locks after insert on public.province
  for each row execute function private.add_year_locks();

create or replace function private.sync_year_lock() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_key record;
begin
  for v_key in
    select distinct k.province, k.year from (values
      (case when tg_op <> 'INSERT' then old.province end, case when tg_op <> 'INSERT' then old.year end),
      (case when tg_op <> 'DELETE' then new.province end, case when tg_op <> 'DELETE' then new.year end)
    ) k(province, year)
    where k.year is not null
    order by 1, 2 -- always the same order: two locks of several years cannot deadlock
  loop
    update private.year_lock l
    set closed = exists (select from public.closed_year c where c.province = v_key.province and c.year = v_key.year)
    where l.province = v_key.province and l.year = v_key.year;
  end loop;
  return null;
end
$$;

create or replace function private.refuse_closed_year() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_key record;
  v_closed boolean;
begin
  for v_key in
    select distinct k.province, k.year from (values
      (case when tg_op <> 'INSERT' then old.province end, case when tg_op <> 'INSERT' then old.year end),
      (case when tg_op <> 'DELETE' then new.province end, case when tg_op <> 'DELETE' then new.year end)
    ) k(province, year)
    where k.year is not null
    order by 1, 2
  loop
    select l.closed into v_closed from private.year_lock l
    where l.province = v_key.province and l.year = v_key.year for share;
    -- A year outside 2000–2100 has no row: the table's own year check refuses it.
    if v_closed then
      raise exception using errcode = '55000',
        message = format('Năm %s đã khóa sổ: không được thêm, sửa hay xóa số liệu của năm này. '
          'Biên tập viên cấp tỉnh có thể mở khóa / year %s is locked: its data cannot be changed', v_key.year, v_key.year);
    end if;
  end loop;
  return case when tg_op = 'DELETE' then old else new end;
end
$$;
revoke all on function private.refuse_closed_year(), private.sync_year_lock() from public, anon, authenticated, service_role;

------------------------------------------------------------------------------------------------------
-- Editors: their province.
------------------------------------------------------------------------------------------------------

/** app_metadata.province → a two-digit province code, or null (see province-code.cases.json). */
create function private.province_code(p_value jsonb) returns text
language sql immutable
set search_path = ''
as $$
  select c.code from (
    select case jsonb_typeof(p_value)
      when 'string' then btrim(p_value #>> '{}', E' \t\n\r')
      when 'number' then (
        select case when f = trunc(f) and f between 0 and 99 then lpad(f::int::text, 2, '0') end
        from (select case
          when abs((p_value #>> '{}')::numeric) > 100 then null
          when abs((p_value #>> '{}')::numeric) < 1e-300 then 0::float8
          else (p_value #>> '{}')::numeric::float8 end as f) n)
    end as code
  ) c
  where c.code ~ '^[0-9]{2}$'
$$;

/** An editor's province from their whole app_metadata: no `province` key → the legacy province. */
create function private.metadata_province(p_meta jsonb) returns text
language sql immutable
set search_path = ''
as $$
  select case when jsonb_typeof(p_meta) = 'object' and p_meta ? 'province'
    then private.province_code(p_meta -> 'province') else private.legacy_province() end
$$;

create or replace function private.sync_editor() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_meta jsonb := coalesce(new.raw_app_meta_data, '{}'::jsonb);
  v_province text := private.metadata_province(v_meta);
begin
  if v_meta ->> 'role' is distinct from 'editor'
    or not exists (select from public.province p where p.code = v_province) then
    delete from private.editor where user_id = new.id;
  elsif v_meta ->> 'scope' = 'province' then
    insert into private.editor (user_id, scope, districts, banned_until, deleted_at, province)
    values (new.id, 'province', '{}', new.banned_until, new.deleted_at, v_province)
    on conflict (user_id) do update set scope = 'province', districts = '{}', province = excluded.province,
      banned_until = excluded.banned_until, deleted_at = excluded.deleted_at, updated_at = now();
  else
    insert into private.editor (user_id, scope, districts, banned_until, deleted_at, province)
    values (new.id, 'district', private.district_codes(v_meta -> 'districts'), new.banned_until, new.deleted_at,
      v_province)
    on conflict (user_id) do update set scope = 'district', districts = excluded.districts,
      province = excluded.province,
      banned_until = excluded.banned_until, deleted_at = excluded.deleted_at, updated_at = now();
  end if;
  return null;
end
$$;
revoke all on function private.sync_editor() from public, anon, authenticated, service_role;

update auth.users set raw_app_meta_data = raw_app_meta_data where raw_app_meta_data ->> 'role' = 'editor';

/** May the caller write data of this province and district (null: province level)? */
create function private.can_edit_area(p_province text, p_district_code text) returns boolean
language sql stable
set search_path = ''
as $$
  select exists (
    select from private.current_editor() e
    where e.province = p_province
      and (e.scope = 'province' or (p_district_code is not null and p_district_code = any (e.districts)))
  )
$$;

/** Is the caller a province-scope editor of this province? */
create function private.is_province_editor_of(p_province text) returns boolean
language sql stable
set search_path = ''
as $$
  select exists (select from private.current_editor() e where e.province = p_province and e.scope = 'province')
$$;

-- Same name and signature (the unit_assessment policies and the import use it): now in the editor's province.
create or replace function private.can_edit_unit(p_vintage text, p_unit_code text) returns boolean
language sql stable
set search_path = ''
as $$
  select exists (
    select from public.admin_unit u
    join private.current_editor() e on e.province = u.province
    where u.vintage = p_vintage and u.code = p_unit_code
      and (e.scope = 'province' or u.district_code = any (e.districts))
  )
$$;

-- Same name and signature, kept for callers that know only a district: now in the editor's province.
create or replace function private.can_edit_district(p_district_code text) returns boolean
language sql stable
set search_path = ''
as $$
  select case
    when p_district_code is null then private.can_edit_area(private.editor_province(), null)
    else exists (
      select from public.district d
      where d.code = p_district_code and private.can_edit_area(d.province, p_district_code))
  end
$$;

------------------------------------------------------------------------------------------------------
-- Policies: every scope check names the row's province.
------------------------------------------------------------------------------------------------------

drop policy "published rows, and drafts in the editor's scope" on public.district_status;
drop policy "editors insert in scope" on public.district_status;
drop policy "editors update in scope" on public.district_status;
drop policy "editors delete in scope" on public.district_status;
create policy "published rows, and drafts in the editor's scope" on public.district_status
  for select to authenticated using (published or private.can_edit_area(province, district_code));
create policy "editors insert in scope" on public.district_status
  for insert to authenticated with check (private.can_edit_area(province, district_code));
create policy "editors update in scope" on public.district_status
  for update to authenticated
  using (private.can_edit_area(province, district_code))
  with check (private.can_edit_area(province, district_code));
create policy "editors delete in scope" on public.district_status
  for delete to authenticated using (private.can_edit_area(province, district_code));

drop policy "published rows, and drafts in the editor's scope" on public.indicator_observation;
drop policy "province editors insert" on public.indicator_observation;
drop policy "province editors update" on public.indicator_observation;
drop policy "province editors delete" on public.indicator_observation;
create policy "published rows, and drafts in the editor's scope" on public.indicator_observation
  for select to authenticated using (published or private.can_edit_area(province, district_code));
create policy "province editors insert" on public.indicator_observation
  for insert to authenticated with check (private.is_province_editor_of(province));
create policy "province editors update" on public.indicator_observation
  for update to authenticated
  using (private.is_province_editor_of(province))
  with check (private.is_province_editor_of(province));
create policy "province editors delete" on public.indicator_observation
  for delete to authenticated using (private.is_province_editor_of(province));

drop policy "published rows, and drafts in the editor's scope" on public.statistic_observation;
drop policy "editors insert in scope" on public.statistic_observation;
drop policy "editors update in scope" on public.statistic_observation;
drop policy "editors delete in scope" on public.statistic_observation;
create policy "published rows, and drafts in the editor's scope" on public.statistic_observation
  for select to authenticated using (published or private.can_edit_area(province, district_code));
create policy "editors insert in scope" on public.statistic_observation
  for insert to authenticated with check (private.can_edit_area(province, district_code));
create policy "editors update in scope" on public.statistic_observation
  for update to authenticated
  using (private.can_edit_area(province, district_code))
  with check (private.can_edit_area(province, district_code));
create policy "editors delete in scope" on public.statistic_observation
  for delete to authenticated using (private.can_edit_area(province, district_code));

drop policy "province editors lock years" on public.closed_year;
drop policy "province editors reopen years" on public.closed_year;
create policy "province editors lock years" on public.closed_year
  for insert to authenticated with check (private.is_province_editor_of(province));
create policy "province editors reopen years" on public.closed_year
  for delete to authenticated using (private.is_province_editor_of(province));

-- Audit rows: the changed row's province (rows logged before issue 21 carry none: Lai Châu's).
drop policy "editors read audit rows in scope" on public.audit_log;
create policy "editors read audit rows in scope" on public.audit_log
  for select to authenticated
  using (
    coalesce(new_row ->> 'province', old_row ->> 'province', private.legacy_province())
      = (select private.editor_province())
    and (
      (select private.is_province_editor())
      or district_codes && (select private.editor_districts())
    )
  );
