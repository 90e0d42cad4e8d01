-- Issue 21, item 4: one database for many provinces. Step 1 of 3: the province table, and a province
-- column on every unit-level table (nullable here; 20261204001020 backfills Lai Châu's rows with '12',
-- then makes it NOT NULL with foreign keys). 20261204001010 (generated from provinces/<slug>/) loads
-- the province rows and Điện Biên's units in between.

create table public.province (
  code text primary key check (code ~ '^[0-9]{2}$') check (char_length(code) <= 2),
  slug text not null unique check (slug ~ '^[a-z][a-z-]*$') check (char_length(slug) <= 40),
  name_vi text not null check (char_length(name_vi) <= 100),
  name_en text not null check (char_length(name_en) <= 100)
);
comment on table public.province is
  'Provinces served (issue 21): GSO two-digit code. Every unit-level row names its province; an editor works in one.';

alter table public.province enable row level security;
revoke all on public.province from anon, authenticated, service_role;
grant select on public.province to anon, authenticated, service_role;
create policy "reference data is public" on public.province for select to anon, authenticated using (true);

alter table public.district add column province text;
alter table public.admin_unit add column province text;
alter table public.crosswalk add column province text;
alter table public.target add column province text;
alter table public.unit_assessment add column province text;
alter table public.district_status add column province text;
alter table public.indicator_observation add column province text;
alter table public.statistic_observation add column province text;
alter table public.closed_year add column province text;
alter table private.editor add column province text;
alter table private.year_lock add column province text;
