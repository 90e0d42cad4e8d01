-- Issue 6: planners update the data.
--   public.import_assessments(p_year, p_rows, p_meta)  all-or-nothing write of one year's unit assessments
--   public.unit_change                                 the change history editors read (from audit_log)
--
-- The function is SECURITY INVOKER: it writes with the caller's own rights, so the row level security of
-- unit_assessment (editors write units of their districts only) and the audit trigger apply exactly as
-- for a direct write. On top of RLS it checks the caller's scope for every row first and refuses the
-- whole import with the list of out-of-scope codes: an RLS refusal alone would name no unit, and an
-- UPDATE filtered by RLS silently changes nothing. service_role and the database owner (CLI with a
-- database URL) bypass RLS as usual.
--
-- All or nothing: the function runs inside the caller's transaction (PostgREST runs every RPC call in
-- one); any refused row raises, which undoes every row written before it and their audit rows.

create function public.import_assessments(p_year int, p_rows jsonb, p_meta jsonb default '{}'::jsonb)
returns jsonb
language plpgsql
security invoker
set search_path = ''
as $$
declare
  v_vintage text := private.vintage_for_year(p_year);
  v_framework text := private.framework_for_year(p_year);
  v_source text := nullif(btrim(p_meta ->> 'source'), '');
  v_source_url text := nullif(btrim(p_meta ->> 'source_url'), '');
  v_source_date date;
  v_illustrative boolean;
  v_published boolean;
  v_scope_refused text[];
  v_duplicates text[];
  v_row record;
  v_old public.unit_assessment;
  v_met int[];
  v_missing int[];
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
  if jsonb_typeof(p_rows) is distinct from 'array' or jsonb_array_length(p_rows) = 0 then
    raise exception using errcode = '22023',
      message = 'Không có dòng nào để nhập (p_rows phải là một mảng JSON không rỗng) / p_rows must be a non-empty JSON array';
  end if;
  if jsonb_array_length(p_rows) > 1000 then
    raise exception using errcode = '22023',
      message = format('Quá nhiều dòng: %s (tối đa 1000) / too many rows: %s (1000 at most)',
        jsonb_array_length(p_rows), jsonb_array_length(p_rows));
  end if;
  if jsonb_typeof(coalesce(p_meta, '{}'::jsonb)) is distinct from 'object' then
    raise exception using errcode = '22023', message = 'p_meta phải là một đối tượng JSON / p_meta must be a JSON object';
  end if;

  begin
    v_source_date := nullif(p_meta ->> 'source_date', '')::date;
    v_illustrative := coalesce((p_meta ->> 'illustrative')::boolean, false);
    v_published := coalesce((p_meta ->> 'published')::boolean, true);
  exception when others then
    raise exception using errcode = '22023',
      message = format('Thông tin nguồn không hợp lệ: %s / invalid p_meta: %s', sqlerrm, sqlerrm);
  end;
  if not v_illustrative and v_source is null then
    raise exception using errcode = '22023',
      message = 'Cần ghi nguồn số liệu (source), hoặc đánh dấu là minh họa / a source is required unless the data is illustrative';
  end if;

  select array_agg(d.code order by d.code) into v_duplicates
  from (
    select r.code from jsonb_to_recordset(p_rows) as r(code text) group by r.code having count(*) > 1
  ) d;
  if v_duplicates is not null then
    raise exception using errcode = '23505',
      message = format('Mã đơn vị bị lặp trong tệp: %s / duplicate unit codes: %s',
        array_to_string(v_duplicates, ', '), array_to_string(v_duplicates, ', '));
  end if;

  -- Editors: every row must be in scope, checked before anything is written.
  if current_user = 'authenticated' then
    select array_agg(r.code order by r.code) into v_scope_refused
    from jsonb_to_recordset(p_rows) as r(code text)
    where not private.can_edit_unit(v_vintage, r.code);
    if v_scope_refused is not null then
      raise exception using errcode = '42501',
        message = format('Ngoài phạm vi biên tập của bạn, không ghi gì: %s / outside your editing scope, nothing written: %s',
          array_to_string(v_scope_refused, ', '), array_to_string(v_scope_refused, ', '));
    end if;
  end if;

  for v_row in
    select r.*
    from jsonb_array_elements(p_rows) with ordinality as e(item, n)
    cross join lateral jsonb_to_record(e.item) as r(
      "row" int, code text, criteria_met int[], criteria_missing int[], tier text, urban_status text,
      decision_no text, decision_date date)
    order by e.n
  loop
    begin
      v_met := coalesce((select array_agg(distinct x order by x) from unnest(v_row.criteria_met) x), '{}');
      v_missing := coalesce((select array_agg(distinct x order by x) from unnest(v_row.criteria_missing) x), '{}');

      select a.* into v_old
      from public.unit_assessment a
      where a.vintage = v_vintage and a.unit_code = v_row.code and a.year = p_year
      for update;

      if not found then
        insert into public.unit_assessment (
          vintage, unit_code, year, tier, urban_status, criteria_met, criteria_missing, decision_no,
          decision_date, source, source_url, source_date, illustrative, published)
        values (
          v_vintage, v_row.code, p_year, v_row.tier, v_row.urban_status, v_met, v_missing, v_row.decision_no,
          v_row.decision_date, v_source, v_source_url, v_source_date, v_illustrative, v_published);
        v_inserted := v_inserted + 1;
      elsif (v_old.tier, v_old.urban_status, v_old.criteria_met, v_old.criteria_missing, v_old.decision_no,
             v_old.decision_date, v_old.source, v_old.source_url, v_old.source_date, v_old.illustrative,
             v_old.published)
        is distinct from
            (v_row.tier, v_row.urban_status, v_met, v_missing, v_row.decision_no,
             v_row.decision_date, v_source, v_source_url, v_source_date, v_illustrative,
             v_published) then
        update public.unit_assessment a set
          tier = v_row.tier,
          urban_status = v_row.urban_status,
          criteria_met = v_met,
          criteria_missing = v_missing,
          decision_no = v_row.decision_no,
          decision_date = v_row.decision_date,
          source = v_source,
          source_url = v_source_url,
          source_date = v_source_date,
          illustrative = v_illustrative,
          published = v_published
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

comment on function public.import_assessments(int, jsonb, jsonb) is
  'Issue 6: writes one year''s unit assessments, all or nothing, with the caller''s rights (RLS + audit). '
  'p_rows: [{row, code, criteria_met int[], criteria_missing int[], tier, urban_status, decision_no, decision_date}]; '
  'p_meta: {source, source_url, source_date, illustrative (default false), published (default true)}. '
  'Returns {year, vintage, framework, inserted, updated, unchanged, total}.';

-- Supabase's default privileges give every API role EXECUTE on new functions: narrow it.
revoke all on function public.import_assessments(int, jsonb, jsonb) from public, anon;
grant execute on function public.import_assessments(int, jsonb, jsonb) to authenticated, service_role;

-- Change history of unit assessments, one row per audited write. security_invoker: the audit_log's
-- RLS applies, so an editor sees the history of their own scope only, and anon nothing.
create view public.unit_change with (security_invoker = true) as
select
  l.id,
  l.changed_at,
  l.actor_id,
  l.actor_email,
  l.actor_role,
  l.operation,
  coalesce(l.new_row, l.old_row) ->> 'vintage' as vintage,
  coalesce(l.new_row, l.old_row) ->> 'unit_code' as code,
  (coalesce(l.new_row, l.old_row) ->> 'year')::int as year,
  l.old_row,
  l.new_row
from public.audit_log l
where l.table_name = 'unit_assessment';

comment on view public.unit_change is 'Issue 6: history of unit_assessment writes (audit_log rows), newest id last.';

revoke all on public.unit_change from anon, authenticated, service_role;
-- (service_role cannot read audit_log either; the database owner can.)
grant select on public.unit_change to authenticated;
