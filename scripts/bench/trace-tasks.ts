/**
 * Where the Total Blocking Time of a Lighthouse run goes: the page's main-thread tasks from a Chrome
 * trace (Lighthouse's `--save-assets` trace), each with the app's User Timing marks inside it (App.svelte
 * marks every render stage `ntm:<stage>`) and its time by kind (script, style, layout, paint, messages).
 *
 * Lighthouse's mobile preset simulates a CPU 4× slower than the one that recorded the trace: a task
 * counts `4 × duration − 50 ms` towards TBT when positive, so any task over 12.5 ms here blocks.
 * Pure: trace events in, rows out.
 */
import { STAGE_MARK_PREFIX } from '../../src/lib/perf/stage-mark';

export interface TraceEvent {
  name: string;
  ph?: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  cat?: string;
  args?: { name?: string };
}

export interface TaskRow {
  /** Start, from the navigation, in ms. */
  start_ms: number;
  dur_ms: number;
  /** Marks with `markPrefix`, without it, in order. */
  marks: string[];
  /** Time in ms by kind of work inside the task (only kinds over 1 ms). */
  parts: Record<string, number>;
  /** What the task adds to TBT under Lighthouse's 4× CPU simulation: max(0, 4 × dur − 50). */
  blocking_ms: number;
}

export const CPU_SLOWDOWN = 4;
const PARTS: Record<string, string> = {
  FunctionCall: 'script',
  EvaluateScript: 'script',
  'v8.evaluateModule': 'script',
  HandlePostMessage: 'message',
  ParseHTML: 'html',
  UpdateLayoutTree: 'style',
  Layout: 'layout',
  Paint: 'paint',
  PrePaint: 'paint',
};

const ms = (us: number) => Math.round(us / 100) / 10;

/**
 * Tasks of the page's main thread after the (last) navigation that last at least `minMs` or hold a
 * mark. The page's main thread is the renderer main thread holding the marks, else the busiest one.
 */
export function mainThreadTasks(
  events: readonly TraceEvent[],
  { minMs = 10, markPrefix = STAGE_MARK_PREFIX }: { minMs?: number; markPrefix?: string } = {},
): TaskRow[] {
  const t0 = Math.max(...events.filter((e) => e.name === 'navigationStart').map((e) => e.ts));
  if (!Number.isFinite(t0)) throw new Error('the trace has no navigationStart');
  const mains = events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const key = (e: { pid: number; tid: number }) => `${e.pid}:${e.tid}`;
  const mainKeys = new Set(mains.map(key));
  const marks = events.filter(
    (e) => e.name.startsWith(markPrefix) && e.ts >= t0 && e.cat?.includes('blink.user_timing'),
  );
  const busy = new Map<string, number>();
  for (const e of events) {
    if (e.name === 'RunTask' && mainKeys.has(key(e)))
      busy.set(key(e), (busy.get(key(e)) ?? 0) + (e.dur ?? 0));
  }
  // Marks are recorded on the main thread's process: prefer the busiest main thread of that process.
  const markPids = new Set(marks.map((m) => m.pid));
  const candidates = [...busy.entries()].filter(
    ([k]) => markPids.size === 0 || markPids.has(Number(k.split(':')[0])),
  );
  const main = candidates.sort((a, b) => b[1] - a[1])[0]?.[0];
  if (!main) throw new Error('the trace has no renderer main thread');

  const onMain = events.filter((e) => key(e) === main && e.ph === 'X' && e.dur !== undefined);
  const tasks = onMain.filter((e) => e.name === 'RunTask' && e.ts >= t0).sort((a, b) => a.ts - b.ts);
  const rows: TaskRow[] = [];
  for (const task of tasks) {
    const end = task.ts + (task.dur as number);
    const inside = marks.filter((m) => m.ts >= task.ts && m.ts <= end).sort((a, b) => a.ts - b.ts);
    const dur = ms(task.dur as number);
    if (dur < minMs && inside.length === 0) continue;
    const parts: Record<string, number> = {};
    for (const e of onMain) {
      const part = PARTS[e.name];
      if (part && e !== task && e.ts >= task.ts && e.ts + (e.dur as number) <= end)
        parts[part] = (parts[part] ?? 0) + (e.dur as number);
    }
    rows.push({
      start_ms: ms(task.ts - t0),
      dur_ms: dur,
      marks: inside.map((m) => m.name.slice(markPrefix.length)),
      parts: Object.fromEntries(
        Object.entries(parts)
          .filter(([, us]) => us >= 1000)
          .map(([k, us]) => [k, ms(us)]),
      ),
      blocking_ms: Math.max(0, Math.round(CPU_SLOWDOWN * dur - 50)),
    });
  }
  return rows;
}

/** The first contentful paint after the (last) navigation, in ms from it: tasks before it add no TBT. */
export function firstContentfulPaintMs(events: readonly TraceEvent[]): number | null {
  const t0 = Math.max(...events.filter((e) => e.name === 'navigationStart').map((e) => e.ts));
  const fcp = events
    .filter((e) => e.name === 'firstContentfulPaint' && e.ts >= t0)
    .sort((a, b) => a.ts - b.ts)[0];
  return fcp ? ms(fcp.ts - t0) : null;
}

/** One line per task: start, duration, estimated blocking, marks and parts. */
export function formatTasks(rows: readonly TaskRow[]): string {
  return rows
    .map((r) => {
      const parts = Object.entries(r.parts)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ');
      const marks = r.marks.length ? ` [${r.marks.join(' ')}]` : '';
      return `${String(r.start_ms).padStart(7)} ms  ${String(r.dur_ms).padStart(6)} ms  blocks ${String(r.blocking_ms).padStart(4)}${marks}${parts ? `  (${parts})` : ''}`;
    })
    .join('\n');
}
