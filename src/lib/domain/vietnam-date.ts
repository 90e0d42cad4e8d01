/**
 * "Today" for a decision date: the date in Viet Nam, where decisions are signed, whatever the time zone
 * of the browser or the machine running the CLI (issue 20, item 7). The database computes the same
 * (private.vietnam_today()), so an editor in another time zone, or a check run just after 17:00 UTC
 * (midnight in Viet Nam), meets the same bound on both sides.
 */
export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const VIETNAM_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: VIETNAM_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The date in Viet Nam at `now`, as yyyy-mm-dd. */
export function vietnamToday(now: Date): string {
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    VIETNAM_DAY.formatToParts(now).find((p) => p.type === type)!.value;
  return `${part('year')}-${part('month')}-${part('day')}`;
}
