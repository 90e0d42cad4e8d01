import { describe, expect, it } from 'vitest';
import { firstContentfulPaintMs, formatTasks, mainThreadTasks, type TraceEvent } from './trace-tasks';

const MAIN = { pid: 7, tid: 1 };
const OTHER = { pid: 9, tid: 1 };
const ms = (n: number) => n * 1000;

/** A small trace: an earlier navigation, the page's navigation at 1 s, two renderer main threads. */
function trace(): TraceEvent[] {
  return [
    { name: 'thread_name', ph: 'M', ts: 0, ...MAIN, args: { name: 'CrRendererMain' } },
    { name: 'thread_name', ph: 'M', ts: 0, ...OTHER, args: { name: 'CrRendererMain' } },
    { name: 'navigationStart', ph: 'R', ts: ms(100), ...MAIN },
    { name: 'navigationStart', ph: 'R', ts: ms(1000), ...MAIN },
    // Before the navigation: ignored.
    { name: 'RunTask', ph: 'X', ts: ms(500), dur: ms(80), ...MAIN },
    // A 30 ms task: 20 ms of script, 6 ms of layout, with two stage marks.
    { name: 'RunTask', ph: 'X', ts: ms(1100), dur: ms(30), ...MAIN },
    { name: 'FunctionCall', ph: 'X', ts: ms(1101), dur: ms(20), ...MAIN },
    { name: 'Layout', ph: 'X', ts: ms(1122), dur: ms(6), ...MAIN },
    { name: 'ntm:switches', ph: 'R', ts: ms(1105), ...MAIN, cat: 'blink.user_timing' },
    { name: 'ntm:district', ph: 'R', ts: ms(1120), ...MAIN, cat: 'blink.user_timing' },
    // Short, without a mark: left out; short with a mark: kept.
    { name: 'RunTask', ph: 'X', ts: ms(1200), dur: ms(4), ...MAIN },
    { name: 'RunTask', ph: 'X', ts: ms(1300), dur: ms(5), ...MAIN },
    { name: 'ntm:map', ph: 'R', ts: ms(1301), ...MAIN, cat: 'blink.user_timing' },
    // Another page's mark-less renderer, busier: not the page's main thread.
    { name: 'RunTask', ph: 'X', ts: ms(1100), dur: ms(400), ...OTHER },
  ];
}

describe('mainThreadTasks', () => {
  it('lists the page main thread tasks after the navigation, with marks, parts and the 4× blocking estimate', () => {
    expect(mainThreadTasks(trace())).toEqual([
      {
        start_ms: 100,
        dur_ms: 30,
        marks: ['switches', 'district'],
        parts: { script: 20, layout: 6 },
        blocking_ms: 70,
      },
      { start_ms: 300, dur_ms: 5, marks: ['map'], parts: {}, blocking_ms: 0 },
    ]);
  });

  it('a task blocks once it is over 12.5 ms (50 ms at 4×)', () => {
    const events = trace();
    events.push({ name: 'RunTask', ph: 'X', ts: ms(1400), dur: ms(12), ...MAIN });
    events.push({ name: 'RunTask', ph: 'X', ts: ms(1500), dur: ms(13), ...MAIN });
    const rows = mainThreadTasks(events, { minMs: 10 });
    expect(rows.map((r) => [r.dur_ms, r.blocking_ms])).toEqual([
      [30, 70],
      [5, 0],
      [12, 0],
      [13, 2],
    ]);
  });

  it('without marks, takes the busiest renderer main thread', () => {
    const events = trace().filter((e) => !e.name.startsWith('ntm:'));
    expect(mainThreadTasks(events).map((r) => r.dur_ms)).toEqual([400]);
  });

  it('says what is missing from a trace that cannot be read', () => {
    expect(() => mainThreadTasks([])).toThrow(/navigationStart/);
    expect(() => mainThreadTasks([{ name: 'navigationStart', ts: 1, pid: 1, tid: 1 }])).toThrow(
      /main thread/,
    );
  });

  it('finds the first contentful paint after the navigation', () => {
    expect(firstContentfulPaintMs(trace())).toBeNull();
    const events = [
      ...trace(),
      { name: 'firstContentfulPaint', ph: 'R', ts: ms(600), ...MAIN },
      { name: 'firstContentfulPaint', ph: 'R', ts: ms(1250), ...MAIN },
    ];
    expect(firstContentfulPaintMs(events)).toBe(250);
  });

  it('formats one line per task', () => {
    expect(formatTasks(mainThreadTasks(trace()))).toBe(
      '    100 ms      30 ms  blocks   70 [switches district]  (script 20, layout 6)\n' +
        '    300 ms       5 ms  blocks    0 [map]',
    );
  });
});
