-- Issue 20, item 3: a banned or (soft-)deleted user loses the right to write at their next request.
-- Issue 20, item 9: app_metadata.districts is read by one rule, the same in the database and the browser.
--
-- Supabase Auth bans a user by setting auth.users.banned_until (a time, or 'infinity') and soft-deletes
-- by setting deleted_at; the row, and its app_metadata, stay. The editors registry now mirrors both,
-- and the scope helpers count an editor only while neither applies.
--
-- District codes: app_metadata is typed by hand in the dashboard, so `[105]` (a number) or `[" 106"]`
-- (a space) happen. The rule (src/lib/domain/district-codes.ts is the same rule for the browser, and
-- both are tested against src/lib/domain/district-codes.cases.json):
--   an element that is a string, with spaces, tabs and line breaks trimmed at both ends, or a whole
--   number from 0 to 999 written with three digits (105 → "105", 5 → "005"), is a district code when it
--   is exactly three ASCII digits; anything else grants nothing. Codes are deduplicated and sorted.

/** app_metadata.districts → district codes (see the rule above). Not an array: none. */
create function private.district_codes(p_value jsonb) returns text[]
language sql immutable
set search_path = ''
as $$
  select coalesce(array_agg(distinct c.code order by c.code), '{}'::text[])
  from jsonb_array_elements(case when jsonb_typeof(p_value) = 'array' then p_value else '[]'::jsonb end) e(item)
  cross join lateral (
    select case jsonb_typeof(e.item)
      when 'string' then btrim(e.item #>> '{}', E' \t\n\r')
      -- As the browser reads JSON: a double, so 104.99999999999999999 is 105 there and here.
      when 'number' then (
        select case when f = trunc(f) and f between 0 and 999 then lpad(f::int::text, 3, '0') end
        from (select case
          when abs((e.item #>> '{}')::numeric) > 1000 then null
          when abs((e.item #>> '{}')::numeric) < 1e-300 then 0::float8
          else (e.item #>> '{}')::numeric::float8 end as f) n)
    end as code
  ) c
  where c.code ~ '^[0-9]{3}$'
$$;

alter table private.editor add column banned_until timestamptz, add column deleted_at timestamptz;
comment on column private.editor.banned_until is 'auth.users.banned_until: no rights while it lies in the future.';
comment on column private.editor.deleted_at is 'auth.users.deleted_at: a soft-deleted user has no rights.';

create or replace function private.sync_editor() returns trigger
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
    insert into private.editor (user_id, scope, districts, banned_until, deleted_at)
    values (new.id, 'province', '{}', new.banned_until, new.deleted_at)
    on conflict (user_id) do update set scope = 'province', districts = '{}',
      banned_until = excluded.banned_until, deleted_at = excluded.deleted_at, updated_at = now();
  else
    insert into private.editor (user_id, scope, districts, banned_until, deleted_at)
    values (new.id, 'district', private.district_codes(v_meta -> 'districts'), new.banned_until, new.deleted_at)
    on conflict (user_id) do update set scope = 'district', districts = excluded.districts,
      banned_until = excluded.banned_until, deleted_at = excluded.deleted_at, updated_at = now();
  end if;
  return null;
end
$$;
revoke all on function private.sync_editor() from public, anon, authenticated, service_role;

drop trigger sync_editor on auth.users;
create trigger sync_editor
  after insert or update of raw_app_meta_data, banned_until, deleted_at on auth.users
  for each row execute function private.sync_editor();

-- Editors that exist already: copy their standing and normalise their districts once now.
update auth.users set raw_app_meta_data = raw_app_meta_data where raw_app_meta_data ->> 'role' = 'editor';

/** The caller's editor row while they may write: registered, not banned now, not deleted. */
create function private.current_editor() returns setof private.editor
language sql stable
set search_path = ''
as $$
  select e.* from private.editor e
  where e.user_id = auth.uid()
    and e.deleted_at is null
    and (e.banned_until is null or e.banned_until <= now())
$$;

create or replace function private.is_editor() returns boolean
language sql stable
set search_path = ''
as $$
  select exists (select from private.current_editor())
$$;

create or replace function private.is_province_editor() returns boolean
language sql stable
set search_path = ''
as $$
  select exists (select from private.current_editor() e where e.scope = 'province')
$$;

create or replace function private.editor_districts() returns text[]
language sql stable
set search_path = ''
as $$
  select coalesce((select e.districts from private.current_editor() e where e.scope = 'district'), '{}'::text[])
$$;
