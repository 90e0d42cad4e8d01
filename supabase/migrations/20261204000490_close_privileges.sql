-- Issue 20, items 4 and 9: what the API roles may do, narrowed to what the app needs, now and for
-- objects created later.
--
-- Reference data (units, districts, vintages, frameworks, criteria, crosswalk, targets, series, the
-- dataset row) changes only through migrations, run by the database owner. Before, service_role held
-- every privilege on every public table: `update admin_unit set district_code = '105'` moved a xã into
-- another editor's scope without an audit row, `update framework set criteria_total = 1` let dat_chuan
-- be stored with one criterion, and `truncate crosswalk` passed. TRUNCATE, which row level security
-- does not govern, is revoked from every API role on every table, as are TRIGGER and REFERENCES.
--
-- Sequences: the observation tables' identity sequences were created after the first revoke, so anon
-- and authenticated held USAGE and UPDATE on them (`select setval(...)` worked as anon). Identity
-- columns need no sequence privilege to insert, so nobody gets any.
--
-- Functions in schema private were executable by PUBLIC (PostgreSQL's default for every function).
-- Now: executable by authenticated and service_role (their policies, validation triggers, CHECK
-- constraints and import_assessments call them with the caller's rights), never by PUBLIC or anon;
-- SECURITY DEFINER functions (triggers) by nobody.
--
-- Default privileges close what later migrations create: tables, views, sequences and functions in
-- public get no privilege for any API role until a migration grants it; functions anywhere are not
-- executable by PUBLIC; functions in private are executable by authenticated and service_role (so a new
-- helper called by a trigger works), and a SECURITY DEFINER one must revoke that (tests/db/lint.test.ts).

do $$
declare
  t text;
begin
  foreach t in array array['dataset', 'vintage', 'framework', 'criterion', 'district', 'admin_unit', 'crosswalk',
    'target', 'statistic_series'] loop
    execute format('revoke insert, update, delete, truncate, trigger, references on public.%I '
      'from anon, authenticated, service_role', t);
  end loop;
end
$$;

-- Views are read-only for every API role (service_role held ALL from the default privileges; who may
-- read which view is unchanged).
do $$
declare
  v record;
begin
  for v in select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
           where n.nspname = 'public' and c.relkind in ('v', 'm') loop
    execute format('revoke insert, update, delete, truncate, trigger, references on public.%I '
      'from anon, authenticated, service_role', v.relname);
  end loop;
end
$$;

revoke truncate, trigger, references on all tables in schema public from anon, authenticated, service_role;
revoke truncate, trigger, references on all tables in schema private from anon, authenticated, service_role;

revoke all on all sequences in schema public from anon, authenticated, service_role;

revoke execute on all functions in schema private from public, anon, authenticated, service_role;
do $$
declare
  f record;
begin
  for f in
    select p.oid::regprocedure as sig from pg_proc p join pg_namespace n on n.oid = p.pronamespace
    where n.nspname = 'private' and not p.prosecdef and p.prorettype <> 'trigger'::regtype
  loop
    execute format('grant execute on function %s to authenticated, service_role', f.sig);
  end loop;
end
$$;

-- Later objects.
alter default privileges in schema public revoke all on tables from anon, authenticated, service_role;
alter default privileges in schema public revoke all on sequences from anon, authenticated, service_role;
alter default privileges in schema public revoke all on functions from anon, authenticated, service_role;
alter default privileges revoke execute on functions from public;
alter default privileges in schema private grant execute on functions to authenticated, service_role;
