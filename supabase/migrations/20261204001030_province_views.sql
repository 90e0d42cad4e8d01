-- Issue 21, item 4: the views the app reads, per province. Each gains a `province` column (appended,
-- so the columns before it are unchanged) and counts, sums and compares within one province only:
-- Lai Châu's figures are what they were, whatever Điện Biên's rows are. The years of unit_year are
-- each province's own years with data. Computed indicators exist only for the province's own targets.

create or replace view public.unit with (security_invoker = true) as
select u.vintage, u.code, u.name, u.kind, u.district_code, d.name as district_name, u.province
from public.admin_unit u
left join public.district d on d.vintage = u.vintage and d.code = u.district_code;

create or replace view public.unit_year with (security_invoker = true) as
with years as (
  select distinct a.province, a.year from public.unit_assessment a
)
select
  y.year,
  u.vintage,
  f.id as framework,
  u.code,
  u.name,
  u.kind,
  u.district_code,
  d.name as district_name,
  coalesce(a.criteria_met, '{}'::int[]) as criteria_met,
  coalesce(a.criteria_missing, '{}'::int[]) as criteria_missing,
  coalesce(cardinality(a.criteria_met), 0) as criteria_count,
  f.criteria_total,
  a.tier,
  a.urban_status,
  a.decision_no,
  a.decision_date,
  a.source,
  a.source_url,
  a.source_date,
  coalesce(a.illustrative, false) as illustrative,
  u.province
from years y
join public.vintage v on y.year between v.first_year and v.last_year
join public.framework f on y.year between f.first_year and f.last_year
join public.admin_unit u on u.vintage = v.id and u.province = y.province
left join public.district d on d.vintage = u.vintage and d.code = u.district_code
left join public.unit_assessment a on a.vintage = u.vintage and a.unit_code = u.code and a.year = y.year;

create or replace view private.district_counts with (security_invoker = true) as
select
  uy.year,
  uy.vintage,
  uy.framework,
  f.below_threshold,
  uy.district_code,
  uy.district_name,
  count(*) filter (where uy.kind = 'xa')::int as xa_total,
  count(*) filter (where uy.kind = 'xa' and uy.tier is not null)::int as xa_assessed,
  count(*) filter (where uy.kind = 'xa' and uy.tier in ('dat_chuan', 'nang_cao', 'kieu_mau'))::int as xa_ntm,
  coalesce(sum(uy.criteria_count) filter (where uy.kind = 'xa' and uy.tier is not null), 0)::int as xa_criteria_sum,
  count(*) filter (
    where uy.kind = 'xa' and uy.tier is not null and uy.criteria_count < f.below_threshold
  )::int as xa_below,
  count(*) filter (where uy.kind <> 'xa')::int as urban_total,
  count(*) filter (where uy.kind <> 'xa' and uy.urban_status is not null)::int as urban_assessed,
  count(*) filter (where uy.kind <> 'xa' and uy.urban_status = 'dat_chuan')::int as urban_civilised,
  bool_or(uy.illustrative) as illustrative,
  uy.province
from public.unit_year uy
join public.framework f on f.id = uy.framework
group by uy.province, uy.year, uy.vintage, uy.framework, f.below_threshold, uy.district_code, uy.district_name;

create or replace view private.province_counts with (security_invoker = true) as
select
  c.year,
  c.vintage,
  c.framework,
  c.below_threshold,
  sum(c.xa_total)::int as xa_total,
  sum(c.xa_assessed)::int as xa_assessed,
  sum(c.xa_ntm)::int as xa_ntm,
  sum(c.xa_criteria_sum)::int as xa_criteria_sum,
  sum(c.xa_below)::int as xa_below,
  sum(c.urban_total)::int as urban_total,
  sum(c.urban_assessed)::int as urban_assessed,
  sum(c.urban_civilised)::int as urban_civilised,
  bool_or(c.illustrative) as illustrative,
  c.province
from private.district_counts c
group by c.province, c.year, c.vintage, c.framework, c.below_threshold;

create or replace view public.province_summary with (security_invoker = true) as
select
  c.year,
  c.vintage,
  c.framework,
  null::text as district_code,
  null::text as district_name,
  c.xa_total,
  c.xa_assessed,
  c.xa_ntm,
  case when c.xa_assessed > 0 then round(100.0 * c.xa_ntm / c.xa_total, 1) end as xa_ntm_pct,
  case when c.xa_assessed > 0 then round(c.xa_criteria_sum::numeric / c.xa_assessed, 2) end as avg_criteria_xa,
  case when c.below_threshold is not null then c.xa_below end as xa_below_threshold,
  c.urban_total,
  c.urban_civilised,
  case when c.urban_assessed > 0 then round(100.0 * c.urban_civilised / c.urban_total, 1) end
    as urban_civilised_pct,
  case when v.has_districts then (
    select count(*)::int from public.district d where d.vintage = c.vintage and d.province = c.province
  ) end as districts_total,
  case when v.has_districts then (
    select count(*)::int from public.district_status s
    where s.year = c.year and s.vintage = c.vintage and s.province = c.province and s.ntm
  ) end as districts_ntm,
  c.illustrative or coalesce((
    select bool_or(s.illustrative) from public.district_status s
    where s.year = c.year and s.vintage = c.vintage and s.province = c.province
  ), false) as illustrative,
  c.province
from private.province_counts c
join public.vintage v on v.id = c.vintage;

create or replace view public.district_summary with (security_invoker = true) as
select
  c.year,
  c.vintage,
  c.framework,
  c.district_code,
  c.district_name,
  c.xa_total,
  c.xa_assessed,
  c.xa_ntm,
  case when c.xa_assessed > 0 then round(100.0 * c.xa_ntm / c.xa_total, 1) end as xa_ntm_pct,
  case when c.xa_assessed > 0 then round(c.xa_criteria_sum::numeric / c.xa_assessed, 2) end as avg_criteria_xa,
  case when c.below_threshold is not null then c.xa_below end as xa_below_threshold,
  c.urban_total,
  c.urban_civilised,
  case when c.urban_assessed > 0 then round(100.0 * c.urban_civilised / c.urban_total, 1) end
    as urban_civilised_pct,
  null::int as districts_total,
  null::int as districts_ntm,
  c.illustrative,
  c.province
from private.district_counts c
where c.district_code is not null;

create or replace view public.district_year with (security_invoker = true) as
select
  s.year,
  s.district_code,
  d.name as district_name,
  s.ntm,
  s.decision_no,
  s.decision_date,
  s.source,
  s.source_url,
  s.source_date,
  s.illustrative,
  s.province
from public.district_status s
join public.district d on d.vintage = s.vintage and d.code = s.district_code;

create or replace view public.indicator_value with (security_invoker = true) as
with area as (
  select province, year, null::text as district_code, xa_ntm_pct, avg_criteria_xa, xa_below_threshold,
    urban_civilised_pct, illustrative
  from public.province_summary
  union all
  select province, year, district_code, xa_ntm_pct, avg_criteria_xa, xa_below_threshold, urban_civilised_pct,
    illustrative
  from public.district_summary
),
districts_ntm as (
  select s.province, s.year, count(*) filter (where s.ntm)::int as ntm, bool_or(s.illustrative) as illustrative
  from public.district_status s
  group by s.province, s.year
),
computed as (
  select province, 'T1a' as target_id, year, district_code, urban_civilised_pct as value, illustrative from area
  union all
  select province, 'T1b', year, district_code, xa_ntm_pct, illustrative from area
  union all
  select province, 'T1d', year, district_code, avg_criteria_xa, illustrative from area
  union all
  select province, 'T1e', year, district_code, xa_below_threshold::numeric, illustrative from area
  union all
  -- Additional districts at the NTM standard compared with 2020.
  select n.province, 'T1c', n.year, null, (n.ntm - base.ntm)::numeric, n.illustrative or base.illustrative
  from districts_ntm n
  join districts_ntm base on base.province = n.province and base.year = 2020
  where n.year between 2021 and 2025
)
select o.target_id, o.year, o.district_code, o.value, o.source, o.source_url, o.source_date, o.illustrative,
  o.province
from public.indicator_observation o
union all
select c.target_id, c.year, c.district_code, c.value,
  case when c.illustrative then null else 'Tổng hợp từ số liệu đánh giá từng đơn vị (unit_year)' end,
  null::text,
  null::date,
  c.illustrative,
  c.province
from computed c
-- Only the province's own targets: a province without targets has no computed indicator.
where exists (select from public.target t where t.province = c.province and t.id = c.target_id)
  and c.value is not null
  and c.year between 2020 and 2025
  and not exists (
    select from public.indicator_observation o
    where o.province = c.province and o.target_id = c.target_id and o.year = c.year
      and o.district_code is not distinct from c.district_code
  );

create or replace view public.statistic_value with (security_invoker = true) as
select
  o.series_id,
  s.name_vi,
  s.name_en,
  s.unit,
  o.year,
  o.district_code,
  o.value,
  o.note,
  o.source,
  o.source_url,
  o.source_date,
  o.illustrative,
  o.province
from public.statistic_observation o
join public.statistic_series s on s.id = o.series_id;
