-- Issue 21, item 4: import_assessments works in one province. Its province is p_meta.province when
-- given (the same rule as app_metadata.province: private.province_code), else its units' province; a
-- file with units of another province, or of several, is refused before anything is written. The
-- locked-year check is that province's. An editor's scope (private.can_edit_unit) was already
-- province-aware since 20261204001020. Same signature; otherwise the body of 20261204000410.

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
  v_province text;
  v_provinces text[];
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
  -- The import's province: p_meta.province if given, else its units'. Units of another province, or of
  -- several, are refused before anything is written (unknown codes are reported row by row below).
  select array_agg(distinct u.province order by u.province) into v_provinces
  from jsonb_to_recordset(v_rows) as r(code text)
  join public.admin_unit u on u.vintage = v_vintage and u.code = r.code;
  if v_meta ? 'province' then
    v_province := private.province_code(v_meta -> 'province');
    if v_province is null or not exists (select from public.province p where p.code = v_province) then
      raise exception using errcode = '22023',
        message = format('Mã tỉnh không hợp lệ: %s / invalid province code: %s', v_meta ->> 'province', v_meta ->> 'province');
    end if;
  elsif cardinality(v_provinces) > 1 then
    raise exception using errcode = '22023',
      message = format('Tệp có đơn vị của nhiều tỉnh (%s): mỗi lần nhập chỉ một tỉnh, không ghi gì '
        '/ the file has units of several provinces (%s): one province per import, nothing written',
        array_to_string(v_provinces, ', '), array_to_string(v_provinces, ', '));
  else
    v_province := v_provinces[1];
  end if;
  select array_agg(r.code order by r.code) into v_scope_refused
  from jsonb_to_recordset(v_rows) as r(code text)
  join public.admin_unit u on u.vintage = v_vintage and u.code = r.code
  where u.province <> v_province;
  if v_scope_refused is not null then
    raise exception using errcode = '42501',
      message = format('Đơn vị không thuộc tỉnh %s, không ghi gì: %s / units not of province %s, nothing written: %s',
        v_province, array_to_string(v_scope_refused, ', '), v_province, array_to_string(v_scope_refused, ', '));
  end if;
  v_scope_refused := null;

  if exists (select from public.closed_year c where c.province = v_province and c.year = p_year) then
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

