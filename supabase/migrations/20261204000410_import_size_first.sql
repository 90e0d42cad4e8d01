-- Issue 20, item 9: import_assessments refuses a huge body by its size before parsing it.
--
-- p_rows and p_meta are json (not jsonb, see 20260301000400): PostgreSQL has only checked their syntax
-- when the function starts, and ::text returns the text as received. Before, the NUL scan and the
-- ::jsonb parse ran over the whole body first: 30 MB from a district editor with no districts took
-- 3.4 s to refuse. Now the body's size is the first check after "is this an editor". The limit,
-- private.max_import_bytes(), leaves room for private.max_rows_per_write() ordinary rows (a row of the
-- template is about 250 bytes; 2 KB each is generous). The API gateway must cap the request body a
-- little above it (supabase/README.md, "Request size"), since PostgREST reads the whole body before
-- the function runs.

create function private.max_import_bytes() returns int language sql immutable set search_path = '' as $$ select 1048576 $$;

create or replace function public.import_assessments(p_year int, p_rows json, p_meta json default '{}'::json)
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
  -- Size first, before any parse: json arrives as its text (checked for syntax only), and ::text of a
  -- json value is that text, so octet_length costs no parse. Only then the NUL scan and ::jsonb.
  if octet_length(p_rows::text) + coalesce(octet_length(p_meta::text), 0) > private.max_import_bytes() then
    raise exception using errcode = '54000',
      message = format('Dữ liệu nhập quá lớn: %s byte (tối đa %s byte): không ghi gì. Hãy chia tệp thành nhiều lần nhập '
        '/ the import is too large: %s bytes (%s at most): nothing written, split the file',
        octet_length(p_rows::text) + coalesce(octet_length(p_meta::text), 0), private.max_import_bytes(),
        octet_length(p_rows::text) + coalesce(octet_length(p_meta::text), 0), private.max_import_bytes());
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

