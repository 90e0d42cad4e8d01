-- Security: row level security on every table, narrow grants, editors scoped by district, audit log.
--
-- Supabase grants ALL on new tables in `public` to anon and authenticated (default privileges), and
-- TRUNCATE is not governed by RLS. So the grants are narrowed here first, then RLS decides rows:
--   anon           reads reference data and published assessment data; never writes.
--   authenticated  the same reads; an editor (JWT app_metadata {"role":"editor", "districts":[...]}
--                  or {"role":"editor","scope":"province"}) also reads drafts and writes assessment
--                  data in its scope. Units of the 2025 vintage have no district: province scope only.
--   audit_log      written only by SECURITY DEFINER triggers; editors read rows of their scope.

------------------------------------------------------------------------------------------------------
-- Who is calling (reads the JWT that PostgREST puts in request.jwt.claims)
------------------------------------------------------------------------------------------------------

grant usage on schema private to anon, authenticated, service_role;

create function private.app_metadata() returns jsonb
language sql stable
set search_path = ''
as $$
  select coalesce(auth.jwt() -> 'app_metadata', '{}'::jsonb)
$$;

create function private.is_editor() returns boolean
language sql stable
set search_path = ''
as $$
  select coalesce(private.app_metadata() ->> 'role', '') = 'editor'
$$;

create function private.is_province_editor() returns boolean
language sql stable
set search_path = ''
as $$
  select private.is_editor() and coalesce(private.app_metadata() ->> 'scope', '') = 'province'
$$;

/** District codes an editor may write, from app_metadata.districts (a JSON array of strings). */
create function private.editor_districts() returns text[]
language sql stable
set search_path = ''
as $$
  select case
    when private.is_editor() and jsonb_typeof(private.app_metadata() -> 'districts') = 'array'
      then array(select jsonb_array_elements_text(private.app_metadata() -> 'districts'))
    else '{}'::text[]
  end
$$;

/** May the caller write data of this district? Null district (province level, 2025 vintage): province scope only. */
create function private.can_edit_district(p_district_code text) returns boolean
language sql stable
set search_path = ''
as $$
  select private.is_province_editor()
    or (p_district_code is not null and p_district_code = any (private.editor_districts()))
$$;

create function private.can_edit_unit(p_vintage text, p_unit_code text) returns boolean
language sql stable
set search_path = ''
as $$
  select private.is_province_editor()
    or exists (
      select from public.admin_unit u
      where u.vintage = p_vintage and u.code = p_unit_code
        and u.district_code = any (private.editor_districts())
    )
$$;

------------------------------------------------------------------------------------------------------
-- Grants: reads for the API roles, writes to authenticated on assessment tables only (RLS filters).
------------------------------------------------------------------------------------------------------

revoke all on all tables in schema public from anon, authenticated;
grant select on all tables in schema public to anon, authenticated;
grant insert, update, delete on public.unit_assessment, public.district_status,
  public.indicator_observation, public.statistic_observation to authenticated;

------------------------------------------------------------------------------------------------------
-- Row level security
------------------------------------------------------------------------------------------------------

-- Reference data: readable by everybody, written only by migrations.
alter table public.dataset enable row level security;
alter table public.vintage enable row level security;
alter table public.framework enable row level security;
alter table public.criterion enable row level security;
alter table public.district enable row level security;
alter table public.admin_unit enable row level security;
alter table public.crosswalk enable row level security;
alter table public.target enable row level security;
alter table public.statistic_series enable row level security;

create policy "reference data is public" on public.dataset for select to anon, authenticated using (true);
create policy "reference data is public" on public.vintage for select to anon, authenticated using (true);
create policy "reference data is public" on public.framework for select to anon, authenticated using (true);
create policy "reference data is public" on public.criterion for select to anon, authenticated using (true);
create policy "reference data is public" on public.district for select to anon, authenticated using (true);
create policy "reference data is public" on public.admin_unit for select to anon, authenticated using (true);
create policy "reference data is public" on public.crosswalk for select to anon, authenticated using (true);
create policy "reference data is public" on public.target for select to anon, authenticated using (true);
create policy "reference data is public" on public.statistic_series for select to anon, authenticated using (true);

-- Assessment data: published rows for everybody; editors also see drafts of their scope and write there.
alter table public.unit_assessment enable row level security;
create policy "published assessments are public" on public.unit_assessment
  for select to anon, authenticated using (published);
create policy "editors read drafts in scope" on public.unit_assessment
  for select to authenticated using (private.can_edit_unit(vintage, unit_code));
create policy "editors insert in scope" on public.unit_assessment
  for insert to authenticated with check (private.can_edit_unit(vintage, unit_code));
create policy "editors update in scope" on public.unit_assessment
  for update to authenticated
  using (private.can_edit_unit(vintage, unit_code))
  with check (private.can_edit_unit(vintage, unit_code));
create policy "editors delete in scope" on public.unit_assessment
  for delete to authenticated using (private.can_edit_unit(vintage, unit_code));

alter table public.district_status enable row level security;
create policy "published district status is public" on public.district_status
  for select to anon, authenticated using (published);
create policy "editors read drafts in scope" on public.district_status
  for select to authenticated using (private.can_edit_district(district_code));
create policy "editors insert in scope" on public.district_status
  for insert to authenticated with check (private.can_edit_district(district_code));
create policy "editors update in scope" on public.district_status
  for update to authenticated
  using (private.can_edit_district(district_code))
  with check (private.can_edit_district(district_code));
create policy "editors delete in scope" on public.district_status
  for delete to authenticated using (private.can_edit_district(district_code));

alter table public.indicator_observation enable row level security;
create policy "published indicators are public" on public.indicator_observation
  for select to anon, authenticated using (published);
create policy "editors read drafts in scope" on public.indicator_observation
  for select to authenticated using (private.can_edit_district(district_code));
create policy "editors insert in scope" on public.indicator_observation
  for insert to authenticated with check (private.can_edit_district(district_code));
create policy "editors update in scope" on public.indicator_observation
  for update to authenticated
  using (private.can_edit_district(district_code))
  with check (private.can_edit_district(district_code));
create policy "editors delete in scope" on public.indicator_observation
  for delete to authenticated using (private.can_edit_district(district_code));

alter table public.statistic_observation enable row level security;
create policy "published statistics are public" on public.statistic_observation
  for select to anon, authenticated using (published);
create policy "editors read drafts in scope" on public.statistic_observation
  for select to authenticated using (private.can_edit_district(district_code));
create policy "editors insert in scope" on public.statistic_observation
  for insert to authenticated with check (private.can_edit_district(district_code));
create policy "editors update in scope" on public.statistic_observation
  for update to authenticated
  using (private.can_edit_district(district_code))
  with check (private.can_edit_district(district_code));
create policy "editors delete in scope" on public.statistic_observation
  for delete to authenticated using (private.can_edit_district(district_code));

------------------------------------------------------------------------------------------------------
-- Audit log: every insert, update and delete of assessment data, written by a generic trigger.
------------------------------------------------------------------------------------------------------

create table public.audit_log (
  id bigint generated always as identity primary key,
  changed_at timestamptz not null default now(),
  actor_id uuid,
  actor_email text,
  actor_role text not null,
  table_name text not null,
  operation text not null check (operation in ('INSERT', 'UPDATE', 'DELETE')),
  -- Districts the changed row belongs to (old and new), for editors' read scope; empty = province level.
  district_codes text[] not null default '{}',
  old_row jsonb,
  new_row jsonb
);
create index audit_log_table_idx on public.audit_log (table_name, changed_at);
comment on table public.audit_log is
  'Change history of assessment data. Written only by private.audit_change() (SECURITY DEFINER); no API role may write.';

-- No API role writes the audit log, not even service_role: only the trigger (as the table owner).
revoke all on public.audit_log from anon, authenticated, service_role;
revoke all on sequence public.audit_log_id_seq from anon, authenticated, service_role;
grant select on public.audit_log to authenticated;
alter table public.audit_log enable row level security;
create policy "editors read audit rows in scope" on public.audit_log
  for select to authenticated
  -- (select …) makes each check an init plan evaluated once per query, not once per row.
  using (
    (select private.is_province_editor())
    or ((select private.is_editor()) and district_codes && (select private.editor_districts()))
  );

/** District of a changed row: its unit's district, or its own district_code column; null at province level. */
create function private.row_district(p_row jsonb) returns text
language sql stable
set search_path = ''
as $$
  select case
    when p_row ? 'unit_code' then (
      select u.district_code from public.admin_unit u
      where u.vintage = p_row ->> 'vintage' and u.code = p_row ->> 'unit_code'
    )
    else p_row ->> 'district_code'
  end
$$;

-- Generic: works for any table it is attached to (the import function of issue 6 included).
create function private.audit_change() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_old jsonb := case when tg_op in ('UPDATE', 'DELETE') then to_jsonb(old) end;
  v_new jsonb := case when tg_op in ('INSERT', 'UPDATE') then to_jsonb(new) end;
begin
  insert into public.audit_log (actor_id, actor_email, actor_role, table_name, operation, district_codes, old_row, new_row)
  values (
    auth.uid(),
    coalesce(auth.jwt() ->> 'email', nullif(current_setting('request.jwt.claim.email', true), '')),
    coalesce(auth.role(), current_user),
    tg_table_name,
    tg_op,
    array(
      select distinct d from unnest(array[private.row_district(v_old), private.row_district(v_new)]) d
      where d is not null order by d
    ),
    v_old,
    v_new
  );
  return null;
end
$$;
revoke all on function private.audit_change() from public;

create trigger audit_unit_assessment
  after insert or update or delete on public.unit_assessment
  for each row execute function private.audit_change();
create trigger audit_district_status
  after insert or update or delete on public.district_status
  for each row execute function private.audit_change();
create trigger audit_indicator_observation
  after insert or update or delete on public.indicator_observation
  for each row execute function private.audit_change();
create trigger audit_statistic_observation
  after insert or update or delete on public.statistic_observation
  for each row execute function private.audit_change();
