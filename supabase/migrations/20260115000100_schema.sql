-- Lai Châu NTM / civilised-urban campaign map: tables.
-- Reference data (frameworks, criteria, vintages, units, crosswalk, targets) is public; assessment data
-- (unit, district, indicator, statistic observations) carries provenance and a published flag.
-- Security (RLS, grants, audit) is in the next migration, the views the app reads after it.

-- Helpers that must not become API endpoints live outside the exposed schema `public`.
create schema if not exists private;

------------------------------------------------------------------------------------------------------
-- Reference data
------------------------------------------------------------------------------------------------------

-- One row describing the loaded dataset: its date and whether it is sample ("minh họa") data.
create table public.dataset (
  id smallint primary key default 1 check (id = 1),
  as_of date not null,
  illustrative boolean not null,
  note_vi text not null,
  note_en text not null
);
comment on table public.dataset is 'The loaded dataset: date of the data (as_of) and the illustrative flag. One row.';

-- Boundary vintages, named by the year they took effect (src/lib/domain/periods.ts mirrors this).
create table public.vintage (
  id text primary key check (id in ('2016', '2020', '2025')),
  first_year int not null,
  last_year int not null,
  unit_total int not null,
  has_districts boolean not null,
  check (first_year <= last_year)
);

-- Criteria frameworks as data: which decision, which years, how many criteria, which warning threshold.
create table public.framework (
  id text primary key check (id in ('2016-2020', '2021-2025', '2026-2030')),
  decision text not null,
  decision_date date not null,
  name_vi text not null,
  name_en text not null,
  first_year int not null,
  last_year int not null,
  criteria_total int not null check (criteria_total > 0),
  indicator_total int check (indicator_total > 0),
  below_threshold int check (below_threshold > 0),
  check (first_year <= last_year)
);
comment on column public.framework.below_threshold is
  'Province warning: a xã meeting fewer criteria is flagged (15 for the 19-criteria sets, none for 2026-2030).';

create table public.criterion (
  framework text not null references public.framework (id),
  number int not null check (number > 0),
  name_vi text not null,
  name_en text not null,
  group_code text not null,
  group_vi text not null,
  group_en text not null,
  primary key (framework, number)
);
comment on table public.criterion is
  'Criteria of each framework. Groups: 2021-2025 I-III confirmed (S15), IV/V and all 2016-2020 groups '
  'inferred from the same numbering; 2026-2030 groups inferred by theme (QĐ 51/2025 lists 10 criteria '
  'without groups in the retrieved text). English short names are translations, not official.';

create table public.district (
  vintage text not null references public.vintage (id),
  code text not null check (code ~ '^[0-9]{3}$'),
  name text not null,
  primary key (vintage, code)
);

-- Commune-level units per vintage. GSO codes were reused for different units in 2025: key (vintage, code).
create table public.admin_unit (
  vintage text not null references public.vintage (id),
  code text not null check (code ~ '^[0-9]{5}$'),
  name text not null,
  kind text not null check (kind in ('xa', 'phuong', 'thi_tran')),
  district_code text,
  primary key (vintage, code),
  foreign key (vintage, district_code) references public.district (vintage, code)
);
create index admin_unit_district_idx on public.admin_unit (vintage, district_code);

-- A unit of one vintage and the unit it became in the next (merges are of whole units).
create table public.crosswalk (
  from_vintage text not null,
  from_code text not null,
  to_vintage text not null,
  to_code text not null,
  primary key (from_vintage, from_code, to_vintage),
  foreign key (from_vintage, from_code) references public.admin_unit (vintage, code),
  foreign key (to_vintage, to_code) references public.admin_unit (vintage, code),
  check (from_vintage < to_vintage)
);

-- Targets 2021-2025 of Kết luận 98-KL/TU (28/04/2021), ids T1a..T8 as in data/reference.
create table public.target (
  id text primary key check (id ~ '^T[0-9][a-z]?$'),
  group_no int not null check (group_no between 1 and 8),
  name_vi text not null,
  name_en text not null,
  unit text not null,
  target_value numeric not null,
  strict boolean not null,
  direction text not null check (direction in ('higher', 'lower', 'target')),
  level text not null check (level in ('province', 'district', 'commune'))
);
comment on column public.target.strict is 'Strict comparison: "trên 60%" means > 60, "< 15%" means < 15.';

-- Context series that are not targets themselves (e.g. the poor-household rate behind T3a).
create table public.statistic_series (
  id text primary key check (id ~ '^[a-z][a-z0-9_]*$'),
  name_vi text not null,
  name_en text not null,
  unit text not null
);

------------------------------------------------------------------------------------------------------
-- Assessment data: every row carries provenance (a source, or the illustrative flag) and `published`.
------------------------------------------------------------------------------------------------------

-- One row per (vintage, unit, year): the unit's state at the end of that year. Designed for a batch
-- upsert per year: `insert ... on conflict (vintage, unit_code, year) do update`.
-- criteria_met / criteria_missing: criterion numbers assessed met / not met; a criterion in neither
-- list has no data. `vintage` may be omitted on insert: it is derived from the year.
create table public.unit_assessment (
  vintage text not null,
  unit_code text not null,
  year int not null check (year between 2016 and 2030),
  tier text check (tier in ('chua_dat', 'dat_chuan', 'nang_cao', 'kieu_mau')),
  urban_status text check (urban_status in ('chua_dat', 'dat_chuan')),
  criteria_met int[] not null default '{}',
  criteria_missing int[] not null default '{}',
  decision_no text,
  decision_date date,
  source text,
  source_url text,
  source_date date,
  illustrative boolean not null default false,
  published boolean not null default false,
  primary key (vintage, unit_code, year),
  foreign key (vintage, unit_code) references public.admin_unit (vintage, code),
  constraint unit_assessment_provenance check (illustrative or source is not null),
  constraint unit_assessment_one_status check (tier is null or urban_status is null)
);
create index unit_assessment_year_idx on public.unit_assessment (year);

-- District NTM status per year (districts exist until 30/06/2025).
create table public.district_status (
  vintage text not null,
  district_code text not null,
  year int not null check (year between 2016 and 2030),
  ntm boolean not null,
  decision_no text,
  decision_date date,
  source text,
  source_url text,
  source_date date,
  illustrative boolean not null default false,
  published boolean not null default false,
  primary key (vintage, district_code, year),
  foreign key (vintage, district_code) references public.district (vintage, code),
  constraint district_status_provenance check (illustrative or source is not null)
);

-- Measured values of the targets' indicators (province, or a district). T1a-T1e are computed from
-- unit data by the view indicator_value; a stored T1 row is an official figure with its source and
-- takes precedence over the computed one.
create table public.indicator_observation (
  target_id text not null references public.target (id),
  year int not null check (year between 2016 and 2030),
  district_code text check (district_code ~ '^[0-9]{3}$'),
  value numeric not null,
  note text,
  source text,
  source_url text,
  source_date date,
  illustrative boolean not null default false,
  published boolean not null default false,
  constraint indicator_observation_provenance check (illustrative or source is not null),
  constraint indicator_observation_t1_sourced check (target_id !~ '^T1' or not illustrative),
  constraint indicator_observation_key unique nulls not distinct (target_id, year, district_code)
);

create table public.statistic_observation (
  series_id text not null references public.statistic_series (id),
  year int not null check (year between 2000 and 2030),
  district_code text check (district_code ~ '^[0-9]{3}$'),
  value numeric not null,
  note text,
  source text,
  source_url text,
  source_date date,
  illustrative boolean not null default false,
  published boolean not null default false,
  constraint statistic_observation_provenance check (illustrative or source is not null),
  constraint statistic_observation_key unique nulls not distinct (series_id, year, district_code)
);

------------------------------------------------------------------------------------------------------
-- Period helpers (data-driven: the vintage and framework tables say which years they cover)
------------------------------------------------------------------------------------------------------

create function private.vintage_for_year(p_year int) returns text
language sql stable
set search_path = ''
as $$
  select v.id from public.vintage v where p_year between v.first_year and v.last_year
$$;

create function private.framework_for_year(p_year int) returns text
language sql stable
set search_path = ''
as $$
  select f.id from public.framework f where p_year between f.first_year and f.last_year
$$;

------------------------------------------------------------------------------------------------------
-- Validation: clear messages (Vietnamese, then English) instead of bare constraint names.
------------------------------------------------------------------------------------------------------

create function private.check_unit_assessment() returns trigger
language plpgsql
set search_path = ''
as $$
declare
  v_kind text;
  v_framework text;
  v_total int;
  v_bad int[];
begin
  if new.vintage is null then
    new.vintage := private.vintage_for_year(new.year);
  end if;
  if new.vintage is distinct from private.vintage_for_year(new.year) then
    raise exception using errcode = '23514',
      message = format('Năm %s thuộc bộ ranh giới %s, không phải %s / year %s belongs to vintage %s, not %s',
        new.year, coalesce(private.vintage_for_year(new.year), '?'), new.vintage,
        new.year, coalesce(private.vintage_for_year(new.year), '?'), new.vintage);
  end if;
  select u.kind into v_kind from public.admin_unit u where u.vintage = new.vintage and u.code = new.unit_code;
  if v_kind is null then
    raise exception using errcode = '23503',
      message = format('Mã đơn vị không xác định: %s (bộ ranh giới %s) / unknown unit code %s in vintage %s',
        new.unit_code, new.vintage, new.unit_code, new.vintage);
  end if;
  v_framework := private.framework_for_year(new.year);
  select f.criteria_total into v_total from public.framework f where f.id = v_framework;
  if v_total is null then
    raise exception using errcode = '23514',
      message = format('Năm %s không có bộ tiêu chí / year %s has no criteria framework', new.year, new.year);
  end if;

  -- Normalise: sorted, without duplicates.
  new.criteria_met := coalesce((select array_agg(distinct x order by x) from unnest(new.criteria_met) x), '{}');
  new.criteria_missing := coalesce((select array_agg(distinct x order by x) from unnest(new.criteria_missing) x), '{}');

  v_bad := array(select x from unnest(new.criteria_met || new.criteria_missing) x where x is null or x < 1 or x > v_total);
  if cardinality(v_bad) > 0 then
    raise exception using errcode = '23514',
      message = format('Tiêu chí ngoài bộ %s (1–%s): %s / criteria outside framework %s (1-%s): %s',
        v_framework, v_total, v_bad, v_framework, v_total, v_bad);
  end if;
  v_bad := array(select x from unnest(new.criteria_met) x intersect select y from unnest(new.criteria_missing) y);
  if cardinality(v_bad) > 0 then
    raise exception using errcode = '23514',
      message = format('Tiêu chí vừa đạt vừa chưa đạt: %s / criteria both met and not met: %s', v_bad, v_bad);
  end if;

  if v_kind = 'xa' then
    if new.tier is null then
      raise exception using errcode = '23514',
        message = format('Xã %s năm %s thiếu mức đạt chuẩn (tier) / xã %s in %s needs a tier',
          new.unit_code, new.year, new.unit_code, new.year);
    end if;
    if new.urban_status is not null then
      raise exception using errcode = '23514',
        message = format('Xã %s không xét đô thị văn minh / a xã has no civilised-urban status', new.unit_code);
    end if;
  else
    if new.urban_status is null then
      raise exception using errcode = '23514',
        message = format('Phường/thị trấn %s năm %s thiếu trạng thái văn minh đô thị / ward or town %s in %s needs urban_status',
          new.unit_code, new.year, new.unit_code, new.year);
    end if;
    if new.tier is not null or cardinality(new.criteria_met) > 0 or cardinality(new.criteria_missing) > 0 then
      raise exception using errcode = '23514',
        message = format('Phường/thị trấn %s không xét tiêu chí nông thôn mới / wards and towns have no NTM tier or criteria',
          new.unit_code);
    end if;
  end if;
  return new;
end
$$;

create trigger unit_assessment_check
  before insert or update on public.unit_assessment
  for each row execute function private.check_unit_assessment();

create function private.check_district_status() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.vintage is null then
    new.vintage := private.vintage_for_year(new.year);
  end if;
  if new.vintage is distinct from private.vintage_for_year(new.year) then
    raise exception using errcode = '23514',
      message = format('Năm %s thuộc bộ ranh giới %s, không phải %s / year %s belongs to vintage %s, not %s',
        new.year, coalesce(private.vintage_for_year(new.year), '?'), new.vintage,
        new.year, coalesce(private.vintage_for_year(new.year), '?'), new.vintage);
  end if;
  if not exists (select from public.district d where d.vintage = new.vintage and d.code = new.district_code) then
    raise exception using errcode = '23503',
      message = format('Mã huyện không xác định: %s năm %s / unknown district %s in %s',
        new.district_code, new.year, new.district_code, new.year);
  end if;
  return new;
end
$$;

create trigger district_status_check
  before insert or update on public.district_status
  for each row execute function private.check_district_status();
