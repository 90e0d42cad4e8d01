-- Issue 13, item 4 (scope) and item 5 (linter): who may write is read from the database at every
-- request, not from the JWT; one permissive policy per role and action; locked years; service_role
-- reads the summaries; primary keys and foreign-key indexes.
--
-- Why a registry table: a JWT lives up to an hour, so an editor removed in Auth kept writing until the
-- token expired. private.editor mirrors auth.users.raw_app_meta_data (kept in step by a trigger), and
-- the policies consult it, so a removal or a change of districts applies at the editor's next request.
-- The JWT's app_metadata is still what the browser shows; it grants nothing by itself.

------------------------------------------------------------------------------------------------------
-- Editors registry
------------------------------------------------------------------------------------------------------

create table private.editor (
  user_id uuid primary key references auth.users (id) on delete cascade,
  scope text not null check (scope in ('province', 'district')),
  districts text[] not null default '{}' check (cardinality(districts) <= 50),
  updated_at timestamptz not null default now()
);
comment on table private.editor is
  'Editors and their scope, mirrored from auth.users.raw_app_meta_data by private.sync_editor(). '
  'Policies read this table, so removing an editor takes effect at their next request.';

-- A signed-in user may read their own row (the scope helpers run with the caller's rights); nobody
-- writes it through the API.
alter table private.editor enable row level security;
revoke all on private.editor from public, anon, authenticated, service_role;
grant select on private.editor to authenticated;
create policy "a user reads their own editor row" on private.editor
  for select to authenticated using (user_id = (select auth.uid()));

/** Keeps private.editor equal to what app_metadata says: {"role":"editor","scope":"province"} or {"role":"editor","districts":[...]}. */
create function private.sync_editor() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_meta jsonb := coalesce(new.raw_app_meta_data, '{}'::jsonb);
begin
  if v_meta ->> 'role' is distinct from 'editor' then
    delete from private.editor where user_id = new.id;
  elsif v_meta ->> 'scope' = 'province' then
    insert into private.editor (user_id, scope, districts) values (new.id, 'province', '{}')
    on conflict (user_id) do update set scope = 'province', districts = '{}', updated_at = now();
  else
    insert into private.editor (user_id, scope, districts)
    values (new.id, 'district', case when jsonb_typeof(v_meta -> 'districts') = 'array'
      then array(select jsonb_array_elements_text(v_meta -> 'districts')) else '{}' end)
    on conflict (user_id) do update set scope = 'district', districts = excluded.districts, updated_at = now();
  end if;
  return null;
end
$$;
revoke all on function private.sync_editor() from public, anon, authenticated, service_role;

create trigger sync_editor
  after insert or update of raw_app_meta_data on auth.users
  for each row execute function private.sync_editor();

-- Editors that exist already (the trigger fires on their next change, so copy them once now).
update auth.users set raw_app_meta_data = raw_app_meta_data where raw_app_meta_data ->> 'role' = 'editor';

-- The scope helpers keep their names and signatures (policies, the import function and the audit-log
-- policy use them) but now read the registry for auth.uid().
create or replace function private.is_editor() returns boolean
language sql stable
set search_path = ''
as $$
  select exists (select from private.editor e where e.user_id = auth.uid())
$$;

create or replace function private.is_province_editor() returns boolean
language sql stable
set search_path = ''
as $$
  select exists (select from private.editor e where e.user_id = auth.uid() and e.scope = 'province')
$$;

create or replace function private.editor_districts() returns text[]
language sql stable
set search_path = ''
as $$
  select coalesce(
    (select e.districts from private.editor e where e.user_id = auth.uid() and e.scope = 'district'),
    '{}'::text[])
$$;

------------------------------------------------------------------------------------------------------
-- Policies: one permissive policy per role and action (splinter 0006). Reads: anon, published rows
-- (as cheap as before: no scope lookup); signed-in users, published rows or rows of the editor's scope. Target figures (indicator_observation), district rows included, are the
-- province's: only province editors write them.
------------------------------------------------------------------------------------------------------

drop policy "published assessments are public" on public.unit_assessment;
drop policy "editors read drafts in scope" on public.unit_assessment;
create policy "published rows" on public.unit_assessment for select to anon using (published);
create policy "published rows, and drafts in the editor's scope" on public.unit_assessment
  for select to authenticated using (published or private.can_edit_unit(vintage, unit_code));

drop policy "published district status is public" on public.district_status;
drop policy "editors read drafts in scope" on public.district_status;
create policy "published rows" on public.district_status for select to anon using (published);
create policy "published rows, and drafts in the editor's scope" on public.district_status
  for select to authenticated using (published or private.can_edit_district(district_code));

drop policy "published indicators are public" on public.indicator_observation;
drop policy "editors read drafts in scope" on public.indicator_observation;
create policy "published rows" on public.indicator_observation for select to anon using (published);
create policy "published rows, and drafts in the editor's scope" on public.indicator_observation
  for select to authenticated using (published or private.can_edit_district(district_code));
drop policy "editors insert in scope" on public.indicator_observation;
drop policy "editors update in scope" on public.indicator_observation;
drop policy "editors delete in scope" on public.indicator_observation;
create policy "province editors insert" on public.indicator_observation
  for insert to authenticated with check ((select private.is_province_editor()));
create policy "province editors update" on public.indicator_observation
  for update to authenticated
  using ((select private.is_province_editor()))
  with check ((select private.is_province_editor()));
create policy "province editors delete" on public.indicator_observation
  for delete to authenticated using ((select private.is_province_editor()));

drop policy "published statistics are public" on public.statistic_observation;
drop policy "editors read drafts in scope" on public.statistic_observation;
create policy "published rows" on public.statistic_observation for select to anon using (published);
create policy "published rows, and drafts in the editor's scope" on public.statistic_observation
  for select to authenticated using (published or private.can_edit_district(district_code));

------------------------------------------------------------------------------------------------------
-- Locked years: a province editor closes a year; every write into it is refused until reopened.
------------------------------------------------------------------------------------------------------

create table public.closed_year (
  year int primary key check (year between 2000 and 2100),
  closed_at timestamptz not null default now(),
  closed_by uuid default auth.uid(),
  note text
);
comment on table public.closed_year is
  'Years whose assessment data is final: writes to them are refused (issue 13). Province editors close and reopen.';

revoke all on public.closed_year from anon, authenticated;
grant select on public.closed_year to anon, authenticated;
grant insert, delete on public.closed_year to authenticated;
alter table public.closed_year enable row level security;
create policy "locked years are public" on public.closed_year for select to anon, authenticated using (true);
create policy "province editors lock years" on public.closed_year
  for insert to authenticated with check ((select private.is_province_editor()));
create policy "province editors reopen years" on public.closed_year
  for delete to authenticated using ((select private.is_province_editor()));

create function private.refuse_closed_year() returns trigger
language plpgsql
set search_path = ''
as $$
declare
  v_year int;
begin
  for v_year in
    select y from unnest(array[
      case when tg_op <> 'INSERT' then old.year end,
      case when tg_op <> 'DELETE' then new.year end]) y
    where y is not null
  loop
    if exists (select from public.closed_year c where c.year = v_year) then
      raise exception using errcode = '55000',
        message = format('Năm %s đã khóa sổ: không được thêm, sửa hay xóa số liệu của năm này. '
          'Biên tập viên cấp tỉnh có thể mở khóa / year %s is locked: its data cannot be changed', v_year, v_year);
    end if;
  end loop;
  return case when tg_op = 'DELETE' then old else new end;
end
$$;

create trigger unit_assessment_closed_year before insert or update or delete on public.unit_assessment
  for each row execute function private.refuse_closed_year();
create trigger district_status_closed_year before insert or update or delete on public.district_status
  for each row execute function private.refuse_closed_year();
create trigger indicator_observation_closed_year before insert or update or delete on public.indicator_observation
  for each row execute function private.refuse_closed_year();
create trigger statistic_observation_closed_year before insert or update or delete on public.statistic_observation
  for each row execute function private.refuse_closed_year();

-- Locking and reopening are changes worth a history too.
create trigger audit_closed_year
  after insert or update or delete on public.closed_year
  for each row execute function private.audit_change();

------------------------------------------------------------------------------------------------------
-- service_role reads the summary views: they read these private building blocks.
------------------------------------------------------------------------------------------------------

grant select on private.district_counts, private.province_counts to service_role;

------------------------------------------------------------------------------------------------------
-- Keys and indexes (splinter 0004, 0001): the observation tables had only a unique key with a
-- nullable column (province rows have no district), so they get a surrogate primary key; the
-- crosswalk's "to" foreign key had no index.
------------------------------------------------------------------------------------------------------

alter table public.indicator_observation add column id bigint generated always as identity primary key;
alter table public.statistic_observation add column id bigint generated always as identity primary key;
create index crosswalk_to_idx on public.crosswalk (to_vintage, to_code);
