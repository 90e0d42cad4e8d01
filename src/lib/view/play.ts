/**
 * Play-back of the years (the slider's ▶ button). Play shows the whole series: from the first year,
 * unless it resumes a play-back paused at the year shown. Starting from the year shown would step once
 * from the default view (2025 of 2016–2026) and stop, which reads as a broken button.
 */

/** The year play-back starts from. `pausedAt` is the year a play-back was paused on, if any. */
export function playStart(
  years: readonly number[],
  shown: number,
  pausedAt: number | null,
): number | undefined {
  const last = years.at(-1);
  const resumes = pausedAt === shown && shown !== last && years.includes(shown);
  return resumes ? shown : years[0];
}

/** The year after `shown`, or null at the end (play-back stops). */
export function nextYear(years: readonly number[], shown: number): number | null {
  const i = years.indexOf(shown);
  return i >= 0 && i + 1 < years.length ? years[i + 1]! : null;
}
