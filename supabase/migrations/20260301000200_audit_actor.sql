-- Issue 13, item 4: every audit row names who wrote it. Before, a write from the CLI with a database
-- URL (the database owner, no JWT) left actor_id and actor_email empty.
--
-- actor, in order of trust:
--   1. the JWT's email (an editor through PostgREST);
--   2. for the service_role key (the CLI through Supabase), the X-Actor request header the CLI sends
--      from --actor: whoever holds that key is trusted to say who they are;
--   3. the session setting app.actor (the CLI with a database URL sets it from --actor);
--   4. the JWT's subject, then the database user (session_user), which always exists.

alter table public.audit_log add column actor text;
update public.audit_log set actor = coalesce(actor_email, actor_id::text, actor_role);
alter table public.audit_log alter column actor set not null;
comment on column public.audit_log.actor is
  'Who wrote: JWT email, --actor of the CLI (X-Actor header with the service key, or app.actor), else the database user.';

/** Decodes %XX escapes (HTTP header values are ASCII: the CLI percent-encodes a Vietnamese name). */
create function private.percent_decode(p_text text) returns text
language plpgsql immutable
set search_path = ''
as $$
declare
  v_bytes bytea := '';
  v_i int := 1;
begin
  while v_i <= length(p_text) loop
    if substr(p_text, v_i, 1) = '%' and substr(p_text, v_i + 1, 2) ~ '^[0-9A-Fa-f]{2}$' then
      v_bytes := v_bytes || decode(substr(p_text, v_i + 1, 2), 'hex');
      v_i := v_i + 3;
    else
      v_bytes := v_bytes || convert_to(substr(p_text, v_i, 1), 'UTF8');
      v_i := v_i + 1;
    end if;
  end loop;
  return convert_from(v_bytes, 'UTF8');
exception when others then
  return p_text; -- not valid UTF-8 once decoded: keep what was sent
end
$$;

create function private.current_actor() returns text
language sql stable
set search_path = ''
as $$
  select coalesce(
    nullif(auth.jwt() ->> 'email', ''),
    nullif(current_setting('request.jwt.claim.email', true), ''),
    case when auth.role() = 'service_role' then
      nullif(btrim(private.percent_decode(nullif(current_setting('request.headers', true), '')::jsonb ->> 'x-actor')), '')
    end,
    nullif(btrim(current_setting('app.actor', true)), ''),
    auth.uid()::text,
    session_user::text
  )
$$;

create or replace function private.audit_change() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_old jsonb := case when tg_op in ('UPDATE', 'DELETE') then to_jsonb(old) end;
  v_new jsonb := case when tg_op in ('INSERT', 'UPDATE') then to_jsonb(new) end;
begin
  insert into public.audit_log (actor, actor_id, actor_email, actor_role, table_name, operation, district_codes, old_row, new_row)
  values (
    left(private.current_actor(), 320),
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

-- The change history shows the actor (appended: a view keeps its existing columns in place).
create or replace view public.unit_change with (security_invoker = true) as
select
  l.id,
  l.changed_at,
  l.actor_id,
  l.actor_email,
  l.actor_role,
  l.operation,
  coalesce(l.new_row, l.old_row) ->> 'vintage' as vintage,
  coalesce(l.new_row, l.old_row) ->> 'unit_code' as code,
  (coalesce(l.new_row, l.old_row) ->> 'year')::int as year,
  l.old_row,
  l.new_row,
  l.actor
from public.audit_log l
where l.table_name = 'unit_assessment';
