-- Issue 13, items 2 and 3: import_assessments keeps what the caller does not state, and refuses
-- oversized or NUL-bearing input with a message.
--
-- Publishing is an explicit action. Each key of p_meta is applied only when present:
--   published     true publishes every row of the call, false makes every row a draft; absent keeps
--                 each existing row as it is, and new rows are drafts.
--   source, source_url, source_date, illustrative
--                 present (null included) replaces the row's value; absent keeps it. A new row still
--                 needs a source unless it is illustrative.
-- So re-importing an export, or saving a unit in the editor, no longer publishes drafts or erases
-- provenance unless the caller says so.
--
-- The arguments are json, not jsonb: PostgreSQL's jsonb refuses "\u0000" while parsing, before any
-- function code runs, with an English error; as json the text arrives intact and is refused here.

drop function public.import_assessments(int, jsonb, jsonb);

create function public.import_assessments(p_year int, p_rows json, p_meta json default '{}'::json)
returns jsonb
language plpgsql
security invoker
set search_path = ''
as $$
declare
  v_vintage text := private.vintage_for_year(p_year);
  v_framework text := private.framework_for_year(p_year);
  v_rows jsonb;
  v_meta jsonb;
  v_source_date date;
  v_illustrative boolean;
  v_published boolean;
  v_scope_refused text[];
  v_duplicates text[];
  v_big record;
  v_row record;
  v_old public.unit_assessment;
  v_new public.unit_assessment;
  v_count int;
  v_inserted int := 0;
  v_updated int := 0;
  v_unchanged int := 0;
begin
  if current_user = 'anon' or (current_user = 'authenticated' and not private.is_editor()) then
    raise exception using errcode = '42501',
      message = 'Chỉ biên tập viên đã đăng nhập mới được nhập dữ liệu / only signed-in editors may import data';
  end if;
  if v_vintage is null or v_framework is null then
    raise exception using errcode = '22023',
      message = format('Năm %s không được hỗ trợ / year %s is not supported', p_year, p_year);
  end if;
  -- "\u0000" not preceded by an escaping backslash: a NUL character, which text cannot hold.
  if p_rows::text ~ '(^|[^\\])(\\\\)*\\u0000' or p_meta::text ~ '(^|[^\\])(\\\\)*\\u0000' then
    raise exception using errcode = '22P05',
      message = 'Dữ liệu chứa ký tự NUL (mã 0), thường do tệp hỏng hoặc sao chép từ phần mềm khác: không ghi gì / the data contains a NUL character: nothing written';
  end if;
  v_rows := p_rows::jsonb;
  v_meta := coalesce(p_meta::jsonb, '{}'::jsonb);
  if jsonb_typeof(v_rows) is distinct from 'array' or jsonb_array_length(v_rows) = 0 then
    raise exception using errcode = '22023',
      message = 'Không có dòng nào để nhập (p_rows phải là một mảng JSON không rỗng) / p_rows must be a non-empty JSON array';
  end if;
  if jsonb_array_length(v_rows) > private.max_rows_per_write() then
    raise exception using errcode = '54000',
      message = format('Quá nhiều dòng: %s (tối đa %s) / too many rows: %s (%s at most)',
        jsonb_array_length(v_rows), private.max_rows_per_write(), jsonb_array_length(v_rows), private.max_rows_per_write());
  end if;
  select e.n, octet_length(e.item::text) as bytes, e.item ->> 'row' as file_row into v_big
  from jsonb_array_elements(v_rows) with ordinality as e(item, n)
  where octet_length(e.item::text) > private.max_row_bytes()
  order by e.n limit 1;
  if found then
    raise exception using errcode = '54000',
      message = format('Dòng %s quá lớn: %s byte (tối đa %s) / row %s too large: %s bytes (%s at most)',
        coalesce(v_big.file_row, v_big.n::text), v_big.bytes, private.max_row_bytes(),
        coalesce(v_big.file_row, v_big.n::text), v_big.bytes, private.max_row_bytes());
  end if;
  if jsonb_typeof(v_meta) is distinct from 'object' then
    raise exception using errcode = '22023', message = 'p_meta phải là một đối tượng JSON / p_meta must be a JSON object';
  end if;
  if exists (select from public.closed_year c where c.year = p_year) then
    raise exception using errcode = '55000',
      message = format('Năm %s đã khóa sổ: không ghi gì. Biên tập viên cấp tỉnh có thể mở khóa / year %s is locked: nothing written',
        p_year, p_year);
  end if;

  begin
    v_source_date := nullif(v_meta ->> 'source_date', '')::date;
    v_illustrative := (v_meta ->> 'illustrative')::boolean;
    v_published := (v_meta ->> 'published')::boolean;
  exception when others then
    raise exception using errcode = '22023',
      message = format('Thông tin nguồn không hợp lệ: %s / invalid p_meta: %s', sqlerrm, sqlerrm);
  end;

  select array_agg(d.code order by d.code) into v_duplicates
  from (
    select r.code from jsonb_to_recordset(v_rows) as r(code text) group by r.code having count(*) > 1
  ) d;
  if v_duplicates is not null then
    raise exception using errcode = '23505',
      message = format('Mã đơn vị bị lặp trong tệp: %s / duplicate unit codes: %s',
        array_to_string(v_duplicates, ', '), array_to_string(v_duplicates, ', '));
  end if;

  -- Editors: every row must be in scope, checked before anything is written.
  if current_user = 'authenticated' then
    select array_agg(r.code order by r.code) into v_scope_refused
    from jsonb_to_recordset(v_rows) as r(code text)
    where not private.can_edit_unit(v_vintage, r.code);
    if v_scope_refused is not null then
      raise exception using errcode = '42501',
        message = format('Ngoài phạm vi biên tập của bạn, không ghi gì: %s / outside your editing scope, nothing written: %s',
          array_to_string(v_scope_refused, ', '), array_to_string(v_scope_refused, ', '));
    end if;
  end if;

  for v_row in
    select r.*
    from jsonb_array_elements(v_rows) with ordinality as e(item, n)
    cross join lateral jsonb_to_record(e.item) as r(
      "row" int, code text, criteria_met int[], criteria_missing int[], tier text, urban_status text,
      decision_no text, decision_date date)
    order by e.n
  loop
    begin
      select a.* into v_old
      from public.unit_assessment a
      where a.vintage = v_vintage and a.unit_code = v_row.code and a.year = p_year
      for update;

      -- What the row becomes: the file's data, p_meta's keys where given, else the stored values.
      v_new := null;
      v_new.tier := v_row.tier;
      v_new.urban_status := v_row.urban_status;
      v_new.criteria_met := coalesce((select array_agg(distinct x order by x) from unnest(v_row.criteria_met) x), '{}');
      v_new.criteria_missing := coalesce((select array_agg(distinct x order by x) from unnest(v_row.criteria_missing) x), '{}');
      v_new.decision_no := v_row.decision_no;
      v_new.decision_date := v_row.decision_date;
      v_new.source := case when v_meta ? 'source' then nullif(btrim(v_meta ->> 'source'), '') else v_old.source end;
      v_new.source_url := case when v_meta ? 'source_url' then nullif(btrim(v_meta ->> 'source_url'), '') else v_old.source_url end;
      v_new.source_date := case when v_meta ? 'source_date' then v_source_date else v_old.source_date end;
      v_new.illustrative := coalesce(v_illustrative, v_old.illustrative, false);
      v_new.published := coalesce(v_published, v_old.published, false);

      if not v_new.illustrative and v_new.source is null then
        raise exception using errcode = '22023',
          message = 'Cần ghi nguồn số liệu (source), hoặc đánh dấu là minh họa / a source is required unless the data is illustrative';
      end if;

      if v_old is null then
        insert into public.unit_assessment (
          vintage, unit_code, year, tier, urban_status, criteria_met, criteria_missing, decision_no,
          decision_date, source, source_url, source_date, illustrative, published)
        values (
          v_vintage, v_row.code, p_year, v_new.tier, v_new.urban_status, v_new.criteria_met, v_new.criteria_missing,
          v_new.decision_no, v_new.decision_date, v_new.source, v_new.source_url, v_new.source_date,
          v_new.illustrative, v_new.published);
        v_inserted := v_inserted + 1;
      elsif (v_old.tier, v_old.urban_status, v_old.criteria_met, v_old.criteria_missing, v_old.decision_no,
             v_old.decision_date, v_old.source, v_old.source_url, v_old.source_date, v_old.illustrative,
             v_old.published)
        is distinct from
            (v_new.tier, v_new.urban_status, v_new.criteria_met, v_new.criteria_missing, v_new.decision_no,
             v_new.decision_date, v_new.source, v_new.source_url, v_new.source_date, v_new.illustrative,
             v_new.published) then
        update public.unit_assessment a set
          tier = v_new.tier,
          urban_status = v_new.urban_status,
          criteria_met = v_new.criteria_met,
          criteria_missing = v_new.criteria_missing,
          decision_no = v_new.decision_no,
          decision_date = v_new.decision_date,
          source = v_new.source,
          source_url = v_new.source_url,
          source_date = v_new.source_date,
          illustrative = v_new.illustrative,
          published = v_new.published
        where a.vintage = v_vintage and a.unit_code = v_row.code and a.year = p_year;
        get diagnostics v_count = row_count;
        if v_count <> 1 then
          -- Row level security hid the row from the UPDATE: refuse rather than report a write that did not happen.
          raise exception using errcode = '42501',
            message = 'không có quyền sửa đơn vị này / not allowed to change this unit';
        end if;
        v_updated := v_updated + 1;
      else
        v_unchanged := v_unchanged + 1;
      end if;
    exception when others then
      -- Name the spreadsheet row; re-raising aborts the whole import (all or nothing).
      raise exception using errcode = sqlstate,
        message = format('Dòng %s (mã %s): %s', coalesce(v_row."row"::text, '?'), coalesce(v_row.code, '?'), sqlerrm);
    end;
  end loop;

  return jsonb_build_object(
    'year', p_year,
    'vintage', v_vintage,
    'framework', v_framework,
    'inserted', v_inserted,
    'updated', v_updated,
    'unchanged', v_unchanged,
    'total', v_inserted + v_updated + v_unchanged
  );
end
$$;

comment on function public.import_assessments(int, json, json) is
  'Writes one year''s unit assessments, all or nothing, with the caller''s rights (RLS + audit). '
  'p_rows: [{row, code, criteria_met int[], criteria_missing int[], tier, urban_status, decision_no, decision_date}] '
  '(at most private.max_rows_per_write() rows of private.max_row_bytes() bytes); '
  'p_meta: {source, source_url, source_date, illustrative, published}, each applied only when present: '
  'absent keys keep the stored values, and new rows are drafts unless published is true. '
  'Returns {year, vintage, framework, inserted, updated, unchanged, total}.';

-- Supabase's default privileges give every API role EXECUTE on new functions: narrow it.
revoke all on function public.import_assessments(int, json, json) from public, anon;
grant execute on function public.import_assessments(int, json, json) to authenticated, service_role;
