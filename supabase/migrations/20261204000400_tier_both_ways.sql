-- Issue 20, item 9: the tier and the criteria agree both ways.
--
-- One way already held: dat_chuan / nang_cao / kieu_mau need every criterion of the year's framework
-- met. The other way: a xã with every criterion met may still be chua_dat, because recognition is a
-- decision of the provincial People's Committee that follows the assessment (often months later); the
-- app shows that state as "all criteria met, recognition pending" (src/lib/domain/status.ts,
-- criteriaToStandard). Refusing it would make a planner either claim a recognition that has not
-- happened or hide a criterion that is met. What cannot be true is a xã with every criterion met AND a
-- recognition decision that is still chua_dat: the missing decision is the recorded reason, so such a
-- row must carry no decision number or date. (A decision withdrawing recognition leaves criteria
-- unmet, so it is not this case.)

create or replace function private.check_tier_criteria() returns trigger
language plpgsql
set search_path = ''
as $$
declare
  v_total int;
begin
  if new.tier is null then
    return new;
  end if;
  select f.criteria_total into v_total from public.framework f where f.id = private.framework_for_year(new.year);
  if new.tier in ('dat_chuan', 'nang_cao', 'kieu_mau') and cardinality(new.criteria_met) < v_total then
    raise exception using errcode = '23514',
      message = format('Xã %s năm %s ở mức %s cần đạt đủ %s/%s tiêu chí, mới ghi %s đạt / xã %s in %s at tier %s needs all %s criteria met, has %s',
        new.unit_code, new.year, new.tier, v_total, v_total, cardinality(new.criteria_met),
        new.unit_code, new.year, new.tier, v_total, cardinality(new.criteria_met));
  end if;
  if new.tier = 'chua_dat' and cardinality(new.criteria_met) >= v_total
     and (new.decision_no is not null or new.decision_date is not null) then
    raise exception using errcode = '23514',
      message = format('Xã %s năm %s đạt đủ %s/%s tiêu chí và có quyết định công nhận (%s): mức phải là dat_chuan trở lên. '
        'Nếu chưa có quyết định công nhận, để trống số và ngày quyết định / xã %s in %s meets all %s criteria and has a '
        'recognition decision (%s): its tier must be dat_chuan or above; if recognition is still pending, leave the decision empty',
        new.unit_code, new.year, v_total, v_total, coalesce(new.decision_no, to_char(new.decision_date, 'DD/MM/YYYY')),
        new.unit_code, new.year, v_total, coalesce(new.decision_no, new.decision_date::text));
  end if;
  return new;
end
$$;
