-- Issue 20, item 6: source_url accepted deceptive addresses: https://laichau.gov.vn@evil.example/x (user
-- information: the link goes to evil.example), addresses holding U+2028, a zero-width space, NBSP,
-- U+3000, NEL or RLO, and "><script>… . The rule is now the one of src/lib/domain/source-url.ts:
-- an http or https address in RFC 3986's characters (anything else percent-encoded), with a plain host
-- and no user information. The pattern is the TypeScript one, character for character
-- (tests/db/source-url.test.ts checks that), matched case-insensitively on both sides.

/** scheme://host[:port][/path][?query][#fragment], each part in RFC 3986's characters. */
create function private.source_url_pattern() returns text
language sql immutable
set search_path = ''
as $$
  select '^https?://([a-z0-9._~-]+)(:[0-9]{1,5})?(/([a-z0-9._~!$&''()*+,;=:@/-]|%[0-9a-f]{2})*)?'
    || '(\?([a-z0-9._~!$&''()*+,;=:@/?-]|%[0-9a-f]{2})*)?(#([a-z0-9._~!$&''()*+,;=:@/?-]|%[0-9a-f]{2})*)?$'
$$;

/** Why a source link may not be stored ('not_http', 'userinfo', 'characters'), or null when it may. */
create function private.source_url_problem(p_url text) returns text
language sql immutable
set search_path = ''
as $$
  select case
    when p_url is null then null
    when p_url !~* '^https?://' then 'not_http'
    when p_url ~* '^[a-z][a-z0-9+.-]*://[^/?#]*@' then 'userinfo'
    when p_url !~* private.source_url_pattern() then 'characters'
  end
$$;

revoke all on function private.source_url_pattern(), private.source_url_problem(text) from public;
grant execute on function private.source_url_pattern(), private.source_url_problem(text)
  to authenticated, service_role;

-- The guarantee on every table with a source link: <table>_source_url_rfc3986 replaces the looser
-- <table>_source_url_http (http(s) and no ASCII space).
do $$
declare
  c record;
begin
  for c in
    select cl.relname as tbl
    from pg_attribute a
    join pg_class cl on cl.oid = a.attrelid
    join pg_namespace n on n.oid = cl.relnamespace
    where n.nspname = 'public' and cl.relkind = 'r' and a.attnum > 0 and not a.attisdropped
      and a.attname = 'source_url'
    order by 1
  loop
    execute format('alter table public.%I drop constraint if exists %I', c.tbl, c.tbl || '_source_url_http');
    execute format('alter table public.%I add constraint %I check (private.source_url_problem(source_url) is null)',
      c.tbl, c.tbl || '_source_url_rfc3986');
  end loop;
end
$$;
