-- Issue 20, item 5: formula and invisible characters beyond ASCII. The rule of issue 13 refused
-- = + - @ tab CR as the first character only; full-width ＝ ＋ － ＠, a formula behind a line feed, NBSP,
-- a zero-width space, a BOM or U+2028, RLO, |cmd, BEL and ESC all got through.
--
-- Free text (decision_no, source, note, and the audit's actor) now follows one rule, the one of
-- src/lib/domain/free-text.ts (the browser's checks and the CSV writer use it too):
--   invisible  no character of Unicode category Cc (controls), Cf (format: soft hyphen, zero-width
--              space, RLO…), Zl or Zp (U+2028, U+2029) anywhere; a note may hold a line feed (U+000A);
--   formula    no formula starter = + - @ | (ASCII, full width ＝ ＋ － ＠ ｜, small form ﹦ ﹢ ﹣ ﹫) after any
--              leading whitespace, invisible characters or apostrophes.
-- PostgreSQL 15's regular expressions have no \p{Cf}: the classes are listed as code point ranges,
-- mirrored from the TypeScript lists (tests/db/free-text.test.ts checks that they are equal, and
-- src/lib/domain/free-text.test.ts that those equal Node's Unicode data).

------------------------------------------------------------------------------------------------------
-- The character classes, as data
------------------------------------------------------------------------------------------------------

/** Cc, Cf, Zl and Zp as inclusive code point ranges (Unicode 17). */
create function private.invisible_ranges() returns int[]
language sql immutable
set search_path = ''
as $$
  select array[
    [x'0000', x'001F'], [x'007F', x'009F'], [x'00AD', x'00AD'], [x'0600', x'0605'],
    [x'061C', x'061C'], [x'06DD', x'06DD'], [x'070F', x'070F'], [x'0890', x'0891'],
    [x'08E2', x'08E2'], [x'180E', x'180E'], [x'200B', x'200F'], [x'2028', x'202E'],
    [x'2060', x'2064'], [x'2066', x'206F'], [x'FEFF', x'FEFF'], [x'FFF9', x'FFFB'],
    [x'110BD', x'110BD'], [x'110CD', x'110CD'], [x'13430', x'1343F'], [x'1BCA0', x'1BCA3'],
    [x'1D173', x'1D17A'], [x'E0001', x'E0001'], [x'E0020', x'E007F']
  ]::int[]
$$;

/** Unicode White_Space as inclusive code point ranges. */
create function private.whitespace_ranges() returns int[]
language sql immutable
set search_path = ''
as $$
  select array[
    [x'0009', x'000D'], [x'0020', x'0020'], [x'0085', x'0085'], [x'00A0', x'00A0'],
    [x'1680', x'1680'], [x'2000', x'200A'], [x'2028', x'2029'], [x'202F', x'202F'],
    [x'205F', x'205F'], [x'3000', x'3000']
  ]::int[]
$$;

/** What a spreadsheet reads as the start of a formula, in every width. */
create function private.formula_starters() returns text
language sql immutable
set search_path = ''
as $$ select '=+-@|＝＋－＠｜﹦﹢﹣﹫'::text $$;

------------------------------------------------------------------------------------------------------
-- The rule, with the classes compiled into constant patterns (one regular expression each, cached
-- by PostgreSQL like any literal pattern)
------------------------------------------------------------------------------------------------------

/** A bracket-expression body from ranges, leaving out one code point (-1: none). */
create function private.bracket_body(p_ranges int[], p_except int default -1) returns text
language sql immutable
set search_path = ''
as $$
  select string_agg(
    case when lo = hi then format('\U%s', lpad(to_hex(lo), 8, '0'))
         else format('\U%s-\U%s', lpad(to_hex(lo), 8, '0'), lpad(to_hex(hi), 8, '0')) end, '' order by lo)
  from (
    select r.lo, r.hi from (
      select p_ranges[i][1] as lo, p_ranges[i][2] as hi from generate_subscripts(p_ranges, 1) i
    ) r where not (p_except between r.lo and r.hi)
    union all
    select r.lo, p_except - 1 from (
      select p_ranges[i][1] as lo, p_ranges[i][2] as hi from generate_subscripts(p_ranges, 1) i
    ) r where p_except between r.lo and r.hi and r.lo < p_except
    union all
    select p_except + 1, r.hi from (
      select p_ranges[i][1] as lo, p_ranges[i][2] as hi from generate_subscripts(p_ranges, 1) i
    ) r where p_except between r.lo and r.hi and p_except < r.hi
  ) parts
$$;

do $do$
declare
  v_invisible text := '[' || private.bracket_body(private.invisible_ranges()) || ']';
  v_invisible_but_lf text := '[' || private.bracket_body(private.invisible_ranges(), 10) || ']';
  v_formula text := '^[' || private.bracket_body(private.whitespace_ranges())
    || private.bracket_body(private.invisible_ranges()) || '''' || ']*['
    || (select string_agg(format('\U%s', lpad(to_hex(ascii(c)), 8, '0')), '')
        from regexp_split_to_table(private.formula_starters(), '') c) || ']';
begin
  execute format($f$
    /** The first character the free-text rule refuses as invisible (a note may hold line feeds). */
    create function private.first_invisible(p_value text, p_multiline boolean default false) returns text
    language sql immutable
    set search_path = ''
    as $body$
      select case when p_multiline then substring(p_value from %L) else substring(p_value from %L) end
    $body$
  $f$, v_invisible_but_lf, v_invisible);

  execute format($f$
    create or replace function private.is_formula_like(p_value text) returns boolean
    language sql immutable
    set search_path = ''
    as $body$ select p_value ~ %L $body$
  $f$, v_formula);
end
$do$;

comment on function private.is_formula_like(text) is
  'Free text a spreadsheet would run: = + - @ | in any width after leading whitespace, invisible characters or apostrophes.';

/** What the free-text rule refuses: 'invisible', 'formula', or null when the text may be stored. */
create function private.free_text_problem(p_value text, p_multiline boolean default false) returns text
language sql immutable
set search_path = ''
as $$
  select case
    when private.first_invisible(p_value, p_multiline) is not null then 'invisible'
    when private.is_formula_like(p_value) then 'formula'
  end
$$;

/** "U+202E": names an invisible character in a message. */
create function private.code_point_name(p_char text) returns text
language sql immutable
set search_path = ''
as $$ select 'U+' || upper(lpad(to_hex(ascii(p_char)), 4, '0')) $$;

-- Constraints and triggers run these with the writer's rights (authenticated, service_role: anon
-- writes nothing; see 20261204000490_close_privileges.sql); they read nothing.
revoke all on function private.invisible_ranges(), private.whitespace_ranges(), private.formula_starters(),
  private.bracket_body(int[], int), private.first_invisible(text, boolean), private.is_formula_like(text),
  private.free_text_problem(text, boolean), private.code_point_name(text) from public;
grant execute on function private.invisible_ranges(), private.whitespace_ranges(), private.formula_starters(),
  private.first_invisible(text, boolean), private.is_formula_like(text), private.free_text_problem(text, boolean),
  private.code_point_name(text) to authenticated, service_role;

------------------------------------------------------------------------------------------------------
-- The guarantee: one CHECK constraint per free-text column (<table>_<column>_free_text), replacing
-- the ASCII-only <table>_<column>_plain. Notes are the multi-line fields.
------------------------------------------------------------------------------------------------------

do $$
declare
  c record;
begin
  for c in
    select cl.relname as tbl, a.attname as col
    from pg_attribute a
    join pg_class cl on cl.oid = a.attrelid
    join pg_namespace n on n.oid = cl.relnamespace
    where n.nspname = 'public' and cl.relkind = 'r' and a.attnum > 0 and not a.attisdropped
      and a.atttypid = 'text'::regtype and a.attname in ('decision_no', 'source', 'note')
    order by 1, 2
  loop
    execute format('alter table public.%I drop constraint if exists %I', c.tbl, c.tbl || '_' || c.col || '_plain');
    execute format('alter table public.%I add constraint %I check (private.free_text_problem(%I, %L) is null)',
      c.tbl, c.tbl || '_' || c.col || '_free_text', c.col, c.col = 'note');
  end loop;
end
$$;
