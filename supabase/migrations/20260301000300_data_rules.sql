-- Issue 13, items 1 and 3: rules the browser checked are now the database's, so a direct PostgREST
-- write, the CLI and the import function all meet them. Each rule is a CHECK constraint (the guarantee,
-- visible to any tool) and, for assessment data, a BEFORE trigger that refuses first with a message in
-- Vietnamese (then English) naming the field, instead of a bare constraint name.
--
--   text length    every text column of the exposed schema has a limit (<table>_<column>_length)
--   plain text     free text (decision numbers, sources, notes) may not start with = + - @ tab or CR:
--                  a spreadsheet opening an export would run it as a formula (<table>_<column>_plain)
--   source_url     http or https only (no javascript:, data:, file:)
--   dates          a decision date lies between 2000-01-01 and today; a source date is not in the future
--   tier           dat_chuan / nang_cao / kieu_mau need every criterion of the year's framework met
--   size           one statement writes at most private.max_rows_per_write() rows of a table, and one
--                  row is at most private.max_row_bytes() bytes as JSON
-- (NUL cannot be stored in text at all; the import function refuses \u0000 in its JSON with a message.)

------------------------------------------------------------------------------------------------------
-- Limits, one place
------------------------------------------------------------------------------------------------------

create function private.max_rows_per_write() returns int language sql immutable set search_path = '' as $$ select 500 $$;
create function private.max_row_bytes() returns int language sql immutable set search_path = '' as $$ select 8192 $$;

/** Length limit of a text column, by its name: one rule for the whole schema. */
create function private.text_limit(p_column text) returns int
language sql immutable
set search_path = ''
as $$
  select case
    when p_column in ('note_vi', 'note_en') then 4000
    when p_column = 'note' then 2000
    when p_column = 'source_url' then 1000
    when p_column = 'source' then 500
    when p_column in ('actor', 'actor_email') then 320
    when p_column in ('decision_no', 'decision') then 200
    when p_column ~ '^(name|name_vi|name_en|group_vi|group_en)$' then 300
    else 64 -- codes, ids, enumerations, units of measure
  end
$$;

/** The field's name as the editor's form and the template show it, for messages. */
create function private.field_label(p_column text) returns text
language sql immutable
set search_path = ''
as $$
  select case p_column
    when 'decision_no' then 'Số quyết định'
    when 'source' then 'Nguồn số liệu'
    when 'source_url' then 'Đường dẫn nguồn'
    when 'note' then 'Ghi chú'
    else p_column
  end
$$;

/** Free text that a spreadsheet would read as a formula. */
create function private.is_formula_like(p_value text) returns boolean
language sql immutable
set search_path = ''
as $$
  select p_value ~ '^[-=+@\t\r]'
$$;

------------------------------------------------------------------------------------------------------
-- CHECK constraints on every table of the exposed schema
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
      and a.atttypid = 'text'::regtype
    order by 1, 2
  loop
    execute format('alter table public.%I add constraint %I check (char_length(%I) <= %s)',
      c.tbl, c.tbl || '_' || c.col || '_length', c.col, private.text_limit(c.col));
    if c.col in ('decision_no', 'source', 'note') then
      execute format('alter table public.%I add constraint %I check (not private.is_formula_like(%I))',
        c.tbl, c.tbl || '_' || c.col || '_plain', c.col);
    end if;
    if c.col = 'source_url' then
      execute format('alter table public.%I add constraint %I check (%I ~* %L)',
        c.tbl, c.tbl || '_source_url_http', c.col, '^https?://[^[:space:]]+$');
    end if;
  end loop;
end
$$;

-- A decision is recognised on a real day: not before the programme's records, not in the future.
-- (current_date only moves forward, so a row valid once stays valid.)
alter table public.unit_assessment add constraint unit_assessment_decision_date_range
  check (decision_date between date '2000-01-01' and current_date);
alter table public.district_status add constraint district_status_decision_date_range
  check (decision_date between date '2000-01-01' and current_date);
alter table public.unit_assessment add constraint unit_assessment_source_date_past check (source_date <= current_date);
alter table public.district_status add constraint district_status_source_date_past check (source_date <= current_date);
alter table public.indicator_observation add constraint indicator_observation_source_date_past check (source_date <= current_date);
alter table public.statistic_observation add constraint statistic_observation_source_date_past check (source_date <= current_date);

------------------------------------------------------------------------------------------------------
-- The same rules with messages, before the constraints, for assessment data and locked years
------------------------------------------------------------------------------------------------------

create function private.check_row_rules() returns trigger
language plpgsql
set search_path = ''
as $$
declare
  v_row jsonb := to_jsonb(new);
  v_bytes int := octet_length(v_row::text);
  v_field record;
begin
  if v_bytes > private.max_row_bytes() then
    raise exception using errcode = '54000',
      message = format('Dòng quá lớn: %s byte (tối đa %s) / row too large: %s bytes (%s at most)',
        v_bytes, private.max_row_bytes(), v_bytes, private.max_row_bytes());
  end if;
  -- Text fields only (strings in the row's JSON; dates and timestamps are short strings too).
  for v_field in
    select key, value #>> '{}' as value from jsonb_each(v_row) where jsonb_typeof(value) = 'string'
  loop
    if char_length(v_field.value) > private.text_limit(v_field.key) then
      raise exception using errcode = '22001',
        message = format('%s dài %s ký tự, tối đa %s / field %s is %s characters long, %s at most',
          private.field_label(v_field.key), char_length(v_field.value), private.text_limit(v_field.key),
          v_field.key, char_length(v_field.value), private.text_limit(v_field.key));
    end if;
    if v_field.key in ('decision_no', 'source', 'note') and private.is_formula_like(v_field.value) then
      raise exception using errcode = '23514',
        message = format('%s không được bắt đầu bằng =, +, -, @, tab hay xuống dòng (bảng tính sẽ chạy nó như công thức): %s '
          '/ field %s must not start with =, +, -, @, tab or CR (a spreadsheet would run it as a formula)',
          private.field_label(v_field.key), left(v_field.value, 40), v_field.key);
    end if;
    if v_field.key = 'source_url' and v_field.value !~* '^https?://[^[:space:]]+$' then
      raise exception using errcode = '23514',
        message = format('Đường dẫn nguồn phải bắt đầu bằng http:// hoặc https://: %s / source_url must be an http or https address',
          left(v_field.value, 40));
    end if;
    if v_field.key = 'decision_date' and (v_field.value::date < date '2000-01-01' or v_field.value::date > current_date) then
      raise exception using errcode = '23514',
        message = format('Ngày quyết định %s phải từ 01/01/2000 đến hôm nay / decision date %s must lie between 2000-01-01 and today',
          to_char(v_field.value::date, 'DD/MM/YYYY'), v_field.value);
    end if;
    if v_field.key = 'source_date' and v_field.value::date > current_date then
      raise exception using errcode = '23514',
        message = format('Ngày của nguồn %s nằm trong tương lai / source date %s is in the future',
          to_char(v_field.value::date, 'DD/MM/YYYY'), v_field.value);
    end if;
  end loop;
  return new;
end
$$;

-- Named to fire first (triggers fire in name order): size and text before the row's own rules.
create trigger a_row_rules before insert or update on public.unit_assessment
  for each row execute function private.check_row_rules();
create trigger a_row_rules before insert or update on public.district_status
  for each row execute function private.check_row_rules();
create trigger a_row_rules before insert or update on public.indicator_observation
  for each row execute function private.check_row_rules();
create trigger a_row_rules before insert or update on public.statistic_observation
  for each row execute function private.check_row_rules();
create trigger a_row_rules before insert or update on public.closed_year
  for each row execute function private.check_row_rules();

------------------------------------------------------------------------------------------------------
-- Tier and criteria agree: a recognised xã meets every criterion of the year's framework
------------------------------------------------------------------------------------------------------

create function private.check_tier_criteria() returns trigger
language plpgsql
set search_path = ''
as $$
declare
  v_total int;
begin
  if new.tier in ('dat_chuan', 'nang_cao', 'kieu_mau') then
    select f.criteria_total into v_total from public.framework f where f.id = private.framework_for_year(new.year);
    if cardinality(new.criteria_met) < v_total then
      raise exception using errcode = '23514',
        message = format('Xã %s năm %s ở mức %s cần đạt đủ %s/%s tiêu chí, mới ghi %s đạt / xã %s in %s at tier %s needs all %s criteria met, has %s',
          new.unit_code, new.year, new.tier, v_total, v_total, cardinality(new.criteria_met),
          new.unit_code, new.year, new.tier, v_total, cardinality(new.criteria_met));
    end if;
  end if;
  return new;
end
$$;

-- After unit_assessment_check (name order), which derives the vintage and normalises the lists.
create trigger unit_assessment_tier before insert or update on public.unit_assessment
  for each row execute function private.check_tier_criteria();

------------------------------------------------------------------------------------------------------
-- Rows per statement: a direct PostgREST write of thousands of rows is refused as a whole
------------------------------------------------------------------------------------------------------

create function private.refuse_large_write() returns trigger
language plpgsql
set search_path = ''
as $$
declare
  v_count bigint;
begin
  -- Migrations and the seed (the database owner) load reference data in bulk; API roles may not.
  if current_user not in ('anon', 'authenticated', 'service_role') then
    return null;
  end if;
  if tg_op = 'DELETE' then
    select count(*) into v_count from old_rows;
  else
    select count(*) into v_count from new_rows;
  end if;
  if v_count > private.max_rows_per_write() then
    raise exception using errcode = '54000',
      message = format('Một lần ghi tối đa %s dòng, lần này %s dòng: không ghi gì / one write may change at most %s rows, this one %s: nothing written',
        private.max_rows_per_write(), v_count, private.max_rows_per_write(), v_count);
  end if;
  return null;
end
$$;

do $$
declare
  t text;
begin
  foreach t in array array['unit_assessment', 'district_status', 'indicator_observation', 'statistic_observation'] loop
    execute format('create trigger %I after insert on public.%I referencing new table as new_rows '
      'for each statement execute function private.refuse_large_write()', t || '_rows_insert', t);
    execute format('create trigger %I after update on public.%I referencing new table as new_rows '
      'for each statement execute function private.refuse_large_write()', t || '_rows_update', t);
    execute format('create trigger %I after delete on public.%I referencing old table as old_rows '
      'for each statement execute function private.refuse_large_write()', t || '_rows_delete', t);
  end loop;
end
$$;
