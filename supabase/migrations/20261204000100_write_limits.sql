-- Issue 20, item 1: one statement's rows are counted once, and an editor's rows over time are capped.
--
-- Before, refuse_large_write counted each transition table apart: `insert … on conflict do update`
-- (PostgREST's `Prefer: resolution=merge-duplicates`) fires an AFTER INSERT and an AFTER UPDATE
-- statement trigger, each with its own table, so 432 inserted + 422 updated rows passed a 500-row cap.
-- Now every statement trigger of the assessment tables adds its rows to one tally per client statement
-- (all tables together), and refuses when the tally passes private.max_rows_per_write().
--
-- Rate: a signed-in editor writes at most private.max_rows_per_minute() rows per minute (a fixed
-- one-minute window per user, in private.write_quota). Many capped statements in a row can no longer
-- fill the tables and the audit log. A refused or rolled-back write uses no quota (the quota row is
-- written in the same transaction). service_role (the CLI with the service key) has the per-statement
-- cap only; the database owner (migrations, seed, CLI with a database URL) has neither.

create function private.max_rows_per_minute() returns int language sql immutable set search_path = '' as $$ select 1000 $$;

-- One row per editor: the current window and the rows written in it. Nobody reads or writes it through
-- the API; only the SECURITY DEFINER trigger below.
create table private.write_quota (
  user_id uuid primary key references auth.users (id) on delete cascade,
  window_start timestamptz not null,
  rows_written int not null
);
comment on table private.write_quota is
  'Rows each editor wrote in the current one-minute window (issue 20): private.count_written_rows() refuses past private.max_rows_per_minute().';
alter table private.write_quota enable row level security;
revoke all on private.write_quota from public, anon, authenticated, service_role;

/**
 * Statement trigger of every assessment table (insert, update, delete): the statement's rows, counted
 * once per client statement across transition tables and tables, then the editor's rows per minute.
 *
 * SECURITY DEFINER so it can keep the quota (no API role may write it). Inside it current_user is the
 * owner, so the caller's role is read from the `role` setting that `set role` (PostgREST: `set local
 * role`) changes and a SECURITY DEFINER call does not: 'none' for the owner's own sessions.
 */
create function private.count_written_rows() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_role text := current_setting('role');
  v_rows bigint;
  -- One client statement: its transaction and its start (a function's inner statements share both,
  -- so an import counts as one write, as it is one request).
  v_statement text := txid_current()::text || ' ' || statement_timestamp()::text;
  v_tally text[];
  v_statement_rows bigint;
  v_user uuid := auth.uid();
  v_quota private.write_quota;
begin
  if v_role not in ('anon', 'authenticated', 'service_role') then
    return null;
  end if;
  if tg_op = 'DELETE' then
    select count(*) into v_rows from old_rows;
  else
    select count(*) into v_rows from new_rows;
  end if;
  if v_rows = 0 then
    return null;
  end if;

  -- Transaction-local tally "<statement> <rows>". Only this statement's own triggers run between its
  -- write and its end, so nothing else can change it in between; a negative value counts as zero.
  v_tally := regexp_match(coalesce(current_setting('private.statement_rows', true), ''), '^(.*) (-?[0-9]+)$');
  v_statement_rows := v_rows + case when v_tally[1] = v_statement then greatest(v_tally[2]::bigint, 0) else 0 end;
  perform set_config('private.statement_rows', v_statement || ' ' || v_statement_rows, true);
  if v_statement_rows > private.max_rows_per_write() then
    raise exception using errcode = '54000',
      message = format('Một lần ghi tối đa %s dòng, lần này %s dòng: không ghi gì / one write may change at most %s rows, this one %s: nothing written',
        private.max_rows_per_write(), v_statement_rows, private.max_rows_per_write(), v_statement_rows);
  end if;

  if v_role <> 'authenticated' or v_user is null then
    return null;
  end if;
  -- Concurrent writes of one editor wait here for each other (row lock until commit), so parallel
  -- requests cannot each see an empty window.
  insert into private.write_quota as q (user_id, window_start, rows_written)
  values (v_user, clock_timestamp(), v_rows)
  on conflict (user_id) do update set
    window_start = case when clock_timestamp() - q.window_start < interval '1 minute' then q.window_start else clock_timestamp() end,
    rows_written = case when clock_timestamp() - q.window_start < interval '1 minute' then q.rows_written + excluded.rows_written else excluded.rows_written end
  returning q.* into v_quota;
  if v_quota.rows_written > private.max_rows_per_minute() then
    raise exception using errcode = '54000',
      message = format('Bạn đã ghi %s dòng trong vòng một phút (tối đa %s dòng mỗi phút): lần này không ghi gì. '
        'Xin đợi khoảng %s giây rồi gửi lại / you wrote %s rows within a minute (%s per minute at most): '
        'nothing written, try again in %s seconds',
        v_quota.rows_written, private.max_rows_per_minute(),
        greatest(1, ceil(extract(epoch from v_quota.window_start + interval '1 minute' - clock_timestamp())))::int,
        v_quota.rows_written, private.max_rows_per_minute(),
        greatest(1, ceil(extract(epoch from v_quota.window_start + interval '1 minute' - clock_timestamp())))::int);
  end if;
  return null;
end
$$;
revoke all on function private.count_written_rows() from public, anon, authenticated, service_role;

do $$
declare
  t text;
begin
  foreach t in array array['unit_assessment', 'district_status', 'indicator_observation', 'statistic_observation'] loop
    execute format('drop trigger %I on public.%I', t || '_rows_insert', t);
    execute format('drop trigger %I on public.%I', t || '_rows_update', t);
    execute format('drop trigger %I on public.%I', t || '_rows_delete', t);
    execute format('create trigger %I after insert on public.%I referencing new table as new_rows '
      'for each statement execute function private.count_written_rows()', t || '_rows_insert', t);
    execute format('create trigger %I after update on public.%I referencing new table as new_rows '
      'for each statement execute function private.count_written_rows()', t || '_rows_update', t);
    execute format('create trigger %I after delete on public.%I referencing old table as old_rows '
      'for each statement execute function private.count_written_rows()', t || '_rows_delete', t);
  end loop;
end
$$;

-- Replaced by count_written_rows (no trigger uses it any more).
drop function private.refuse_large_write();
