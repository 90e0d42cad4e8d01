-- Issue 20, item 8: the audit's actor.
--   - private.percent_decode appended one character at a time to a bytea (quadratic: an X-Actor of
--     32,000 characters cost 28.9 s inside the per-row audit trigger). It now decodes in one pass, and
--     the X-Actor header is refused past private.max_actor_header() characters before any decoding.
--   - A JWT email of ' ' gave a blank actor; an email over 320 characters made every write fail with a
--     bare constraint name; actors holding a line feed, RLO or a leading = were stored as they came.
--     The actor now follows the free-text rule (20261204000500_free_text.sql): a blank value counts as
--     absent (the next source is used), and a value that breaks the rule or is too long refuses the
--     write with a message naming where it came from.
--   - closed_year.closed_by (and closed_at) could be set by the client to anything: the server sets them.

------------------------------------------------------------------------------------------------------
-- Decoding and trimming
------------------------------------------------------------------------------------------------------

/** The longest X-Actor header read: 320 characters of 4-byte UTF-8, each byte as %XX. */
create function private.max_actor_header() returns int language sql immutable set search_path = '' as $$ select 3840 $$;

/** Decodes %XX escapes in one pass (runs of escapes become bytes at once); invalid UTF-8 is kept as sent. */
create or replace function private.percent_decode(p_text text) returns text
language plpgsql immutable
set search_path = ''
as $$
begin
  return (
    select convert_from(coalesce(string_agg(
      case when t.piece[1] ~ '^%[0-9A-Fa-f]{2}' then decode(replace(t.piece[1], '%', ''), 'hex')
           else convert_to(t.piece[1], 'UTF8') end, ''::bytea order by t.n), ''::bytea), 'UTF8')
    from regexp_matches(p_text, '(?:%[0-9A-Fa-f]{2})+|[^%]+|%', 'g') with ordinality as t(piece, n)
  );
exception when others then
  return p_text; -- not valid UTF-8 once decoded: keep what was sent
end
$$;

do $do$
declare
  v_space text := '[' || private.bracket_body(private.whitespace_ranges()) || ']';
begin
  execute format($f$
    /** The text without leading and trailing Unicode whitespace (NBSP, U+3000… too), null when nothing is left. */
    create function private.trim_blank(p_value text) returns text
    language sql immutable
    set search_path = ''
    as $body$ select nullif(regexp_replace(p_value, %L, '', 'g'), '') $body$
  $f$, '^' || v_space || '+|' || v_space || '+$');
end
$do$;

------------------------------------------------------------------------------------------------------
-- The actor
------------------------------------------------------------------------------------------------------

create or replace function private.current_actor() returns text
language plpgsql stable
set search_path = ''
as $$
declare
  v_header text;
  v_actor text;
  v_from text;
  v_invisible text;
begin
  -- 1. The JWT's email (an editor through PostgREST); blank counts as absent.
  v_actor := private.trim_blank(coalesce(auth.jwt() ->> 'email', current_setting('request.jwt.claim.email', true)));
  v_from := 'email';
  -- 2. With the service key, the X-Actor header the CLI sends (percent-encoded), capped before decoding.
  if v_actor is null and auth.role() = 'service_role' then
    v_header := nullif(current_setting('request.headers', true), '')::jsonb ->> 'x-actor';
    if char_length(v_header) > private.max_actor_header() then
      raise exception using errcode = '22001',
        message = format('Tên người ghi (X-Actor, --actor) dài %s ký tự, tối đa %s: không ghi gì / the X-Actor header is %s characters long, %s at most: nothing written',
          char_length(v_header), private.max_actor_header(), char_length(v_header), private.max_actor_header());
    end if;
    v_actor := private.trim_blank(private.percent_decode(v_header));
    v_from := 'X-Actor';
  end if;
  -- 3. The session setting app.actor (the CLI with a database URL).
  if v_actor is null then
    v_actor := private.trim_blank(current_setting('app.actor', true));
    v_from := 'app.actor';
  end if;
  -- 4. The JWT's subject, then the database user, which always exist and are plain.
  if v_actor is null then
    return coalesce(auth.uid()::text, session_user::text);
  end if;

  if char_length(v_actor) > private.text_limit('actor') then
    raise exception using errcode = '22001',
      message = format('Người ghi (%s) dài %s ký tự, tối đa %s: không ghi gì / the actor (%s) is %s characters long, %s at most: nothing written',
        v_from, char_length(v_actor), private.text_limit('actor'), v_from, char_length(v_actor), private.text_limit('actor'));
  end if;
  v_invisible := private.first_invisible(v_actor);
  if v_invisible is not null then
    raise exception using errcode = '23514',
      message = format('Người ghi (%s) chứa ký tự điều khiển hoặc ký tự định dạng không nhìn thấy (%s): không ghi gì '
        '/ the actor (%s) contains an invisible control or format character (%s): nothing written',
        v_from, private.code_point_name(v_invisible), v_from, private.code_point_name(v_invisible));
  end if;
  if private.is_formula_like(v_actor) then
    raise exception using errcode = '23514',
      message = format('Người ghi (%s) không được bắt đầu bằng =, +, -, @ hay | (bảng tính sẽ chạy nó như công thức): không ghi gì '
        '/ the actor (%s) must not start with =, +, -, @ or | (a spreadsheet would run it as a formula): nothing written',
        v_from, v_from);
  end if;
  return v_actor;
end
$$;

-- Only the audit trigger (SECURITY DEFINER: it runs as the owner) calls these.
revoke all on function private.max_actor_header(), private.percent_decode(text), private.trim_blank(text),
  private.current_actor() from public, anon, authenticated, service_role;

-- The guarantee: the stored actor follows the rule too (audit rows are written by the owner only).
alter table public.audit_log add constraint audit_log_actor_free_text
  check (private.trim_blank(actor) is not null and private.free_text_problem(actor) is null);

------------------------------------------------------------------------------------------------------
-- Who locked a year, and when: the server's word, not the client's
------------------------------------------------------------------------------------------------------

create function private.closed_year_by_server() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  -- Migrations and the seed (the database owner) may state them; API roles may not.
  if current_user in ('anon', 'authenticated', 'service_role') then
    new.closed_by := auth.uid();
    new.closed_at := now();
  end if;
  return new;
end
$$;
revoke all on function private.closed_year_by_server() from public, anon, authenticated, service_role;

create trigger closed_year_by_server before insert or update on public.closed_year
  for each row execute function private.closed_year_by_server();
