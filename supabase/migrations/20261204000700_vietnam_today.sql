-- Issue 20, item 7: "today" depended on the session's time zone. current_date is the date in the
-- session's TimeZone, which a client chooses (PostgREST's "Prefer: timezone=" header): with
-- 'Pacific/Kiritimati' (UTC+14) a decision dated tomorrow in Viet Nam was accepted, and with the
-- database in UTC a decision dated today in Viet Nam was refused before 07:00. Decisions are signed in
-- Viet Nam: "today" is now the date in Asia/Ho_Chi_Minh, whatever the session says
-- (src/lib/domain/vietnam-date.ts is the browser's side).

/** The date in Viet Nam at a moment (the session's time zone plays no part). */
create function private.vietnam_date(p_at timestamptz) returns date
language sql stable
set search_path = ''
as $$ select (p_at at time zone 'Asia/Ho_Chi_Minh')::date $$;

/** Today in Viet Nam: the latest decision or source date accepted. */
create function private.vietnam_today() returns date
language sql stable
set search_path = ''
as $$ select private.vietnam_date(now()) $$;

revoke all on function private.vietnam_date(timestamptz), private.vietnam_today() from public;
grant execute on function private.vietnam_date(timestamptz), private.vietnam_today()
  to authenticated, service_role;

-- The constraints of issue 13 compared with current_date; they compare with Viet Nam's today now.
-- (The date only moves forward, so a row valid once stays valid.)
alter table public.unit_assessment drop constraint unit_assessment_decision_date_range,
  add constraint unit_assessment_decision_date_range
    check (decision_date between date '2000-01-01' and private.vietnam_today());
alter table public.district_status drop constraint district_status_decision_date_range,
  add constraint district_status_decision_date_range
    check (decision_date between date '2000-01-01' and private.vietnam_today());
alter table public.unit_assessment drop constraint unit_assessment_source_date_past,
  add constraint unit_assessment_source_date_past check (source_date <= private.vietnam_today());
alter table public.district_status drop constraint district_status_source_date_past,
  add constraint district_status_source_date_past check (source_date <= private.vietnam_today());
alter table public.indicator_observation drop constraint indicator_observation_source_date_past,
  add constraint indicator_observation_source_date_past check (source_date <= private.vietnam_today());
alter table public.statistic_observation drop constraint statistic_observation_source_date_past,
  add constraint statistic_observation_source_date_past check (source_date <= private.vietnam_today());
