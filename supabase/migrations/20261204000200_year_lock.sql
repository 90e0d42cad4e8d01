-- Issue 20, item 2: locking a year and writing into it exclude each other.
--
-- Before, the write trigger read closed_year without a lock: an editor's update to 2022 still in flight
-- committed after the year was locked, and a write slipped in between an uncommitted lock and its
-- commit. Now each year has a row in private.year_lock that mirrors closed_year:
--   * every write to a year's assessment data takes that row FOR SHARE and reads `closed` from it;
--   * locking or reopening a year updates that row (an exclusive row lock).
-- So a lock waits for the writes in flight to finish, and a write waits for a lock in flight; after the
-- wait, READ COMMITTED reads the row's newest version (locked: refused), and REPEATABLE READ or
-- SERIALIZABLE fails with a serialization error (40001) rather than write into the locked year.
-- Writers share the lock: writes to an open year do not wait for each other.

create table private.year_lock (
  year int primary key check (year between 2000 and 2100),
  closed boolean not null default false
);
comment on table private.year_lock is
  'One row per year, closed = a row exists in public.closed_year. Writers take it FOR SHARE, locking updates it: they exclude each other (issue 20).';
alter table private.year_lock enable row level security;
revoke all on private.year_lock from public, anon, authenticated, service_role;

insert into private.year_lock (year, closed)
select y, exists (select from public.closed_year c where c.year = y) from generate_series(2000, 2100) y;

/** Mirrors closed_year into year_lock; the update's row lock waits for writes of that year in flight. */
create function private.sync_year_lock() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_year int;
begin
  for v_year in
    select distinct y from unnest(array[
      case when tg_op <> 'INSERT' then old.year end,
      case when tg_op <> 'DELETE' then new.year end]) y
    where y is not null
    order by 1 -- always the same order: two locks of several years cannot deadlock
  loop
    update private.year_lock l
    set closed = exists (select from public.closed_year c where c.year = v_year)
    where l.year = v_year;
  end loop;
  return null;
end
$$;
revoke all on function private.sync_year_lock() from public, anon, authenticated, service_role;

create trigger closed_year_sync_lock
  after insert or update or delete on public.closed_year
  for each row execute function private.sync_year_lock();

-- The write side: same trigger names and order as before, now reading the year's row under a share
-- lock. SECURITY DEFINER because FOR SHARE needs a write privilege no API role holds on year_lock.
create or replace function private.refuse_closed_year() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_year int;
  v_closed boolean;
begin
  for v_year in
    select distinct y from unnest(array[
      case when tg_op <> 'INSERT' then old.year end,
      case when tg_op <> 'DELETE' then new.year end]) y
    where y is not null
    order by 1
  loop
    select l.closed into v_closed from private.year_lock l where l.year = v_year for share;
    -- A year outside 2000–2100 has no row: the table's own year check refuses it.
    if v_closed then
      raise exception using errcode = '55000',
        message = format('Năm %s đã khóa sổ: không được thêm, sửa hay xóa số liệu của năm này. '
          'Biên tập viên cấp tỉnh có thể mở khóa / year %s is locked: its data cannot be changed', v_year, v_year);
    end if;
  end loop;
  return case when tg_op = 'DELETE' then old else new end;
end
$$;
revoke all on function private.refuse_closed_year() from public, anon, authenticated, service_role;
