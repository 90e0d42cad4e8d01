/**
 * Issue 13, item 5: the properties Supabase's linter (splinter) checks that matter for this schema,
 * asked of pg_catalog on the migrated database, so a new migration cannot bring the findings back.
 */
import { describe, expect, it } from 'vitest';
import { useClients } from './helpers';

const db = useClients();

const rows = async <T extends Record<string, unknown>>(sql: string) => (await db.admin.query<T>(sql)).rows;

/** Tables of the project's own schemas (not Supabase's, not PostgreSQL's). */
const OWN = `n.nspname in ('public', 'private') and c.relkind = 'r'`;

describe('the schema passes the linter’s checks', () => {
  it('no table has two permissive policies for the same role and action', async () => {
    const dup = await rows(`
      select c.relname, r.rolname, a.cmd, array_agg(p.polname order by p.polname) as policies
      from pg_policy p
      join pg_class c on c.oid = p.polrelid
      join pg_namespace n on n.oid = c.relnamespace
      join pg_roles r on p.polroles @> array[r.oid] or p.polroles = array[0::oid]
      cross join lateral unnest(case p.polcmd when 'r' then array['SELECT'] when 'a' then array['INSERT']
        when 'w' then array['UPDATE'] when 'd' then array['DELETE']
        else array['SELECT', 'INSERT', 'UPDATE', 'DELETE'] end) a(cmd)
      where ${OWN} and p.polpermissive and not r.rolbypassrls
      group by 1, 2, 3 having count(*) > 1`);
    expect(dup).toEqual([]);
  });

  it('every table has a primary key', async () => {
    const without = await rows(`
      select n.nspname || '.' || c.relname as t from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where ${OWN} and not exists (select from pg_index i where i.indrelid = c.oid and i.indisprimary)`);
    expect(without).toEqual([]);
  });

  it('every foreign key has an index that starts with its columns', async () => {
    const unindexed = await rows(`
      select c.relname, k.conname from pg_constraint k
      join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = c.relnamespace
      where ${OWN} and k.contype = 'f' and not exists (
        select from pg_index i where i.indrelid = k.conrelid
          and (string_to_array(i.indkey::text, ' ')::int2[])[1:cardinality(k.conkey)] = k.conkey)`);
    expect(unindexed).toEqual([]);
  });

  it('row level security is on for every table, in both schemas', async () => {
    const open = await rows(`
      select n.nspname || '.' || c.relname as t from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where ${OWN} and not c.relrowsecurity`);
    expect(open).toEqual([]);
  });

  it('every text column of the exposed schema has a length limit', async () => {
    const unlimited = await rows(`
      select c.relname || '.' || a.attname as col from pg_attribute a
      join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind = 'r' and a.attnum > 0 and not a.attisdropped
        and a.atttypid = 'text'::regtype
        and not exists (select from pg_constraint k where k.conrelid = c.oid and k.contype = 'c'
          and k.conkey = array[a.attnum] and pg_get_constraintdef(k.oid) like '%char_length(%) <= %')`);
    expect(unlimited).toEqual([]);
  });

  // splinter 0011 function_search_path_mutable (github.com/supabase/splinter, lints/0011_*.sql): a
  // function without its own search_path resolves names through the caller's, which a caller can set.
  it('every function of the project’s schemas sets its search_path', async () => {
    const mutable = await rows(`
      select n.nspname || '.' || p.proname as f from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      left join pg_depend dep on dep.objid = p.oid and dep.deptype = 'e'
      where n.nspname in ('public', 'private') and dep.objid is null
        and not exists (select from unnest(coalesce(p.proconfig, '{}')) c where c like 'search_path=%')`);
    expect(mutable).toEqual([]);
  });

  it('no SECURITY DEFINER function is executable by anon or authenticated', async () => {
    const exposed = await rows(`
      select n.nspname || '.' || p.proname as f from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where n.nspname in ('public', 'private') and p.prosecdef
        and (has_function_privilege('anon', p.oid, 'EXECUTE') or has_function_privilege('authenticated', p.oid, 'EXECUTE'))`);
    expect(exposed).toEqual([]);
  });

  it('no function of the project’s schemas is executable by PUBLIC, and none in private by anon', async () => {
    const open = await rows(`
      select p.oid::regprocedure::text as f from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where n.nspname in ('public', 'private')
        and (exists (select from aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a
                     where a.grantee = 0 and a.privilege_type = 'EXECUTE')
          or (n.nspname = 'private' and has_function_privilege('anon', p.oid, 'EXECUTE')))
      order by 1`);
    expect(open).toEqual([]);
  });

  it('no API role holds a privilege on a sequence (identity columns need none)', async () => {
    const held = await rows(`
      select r.role, c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
      cross join unnest(array['anon', 'authenticated', 'service_role']) r(role)
      where n.nspname in ('public', 'private') and c.relkind = 'S'
        and has_sequence_privilege(r.role, c.oid, 'USAGE,SELECT,UPDATE')`);
    expect(held).toEqual([]);
  });
});
