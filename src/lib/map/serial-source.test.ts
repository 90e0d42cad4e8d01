import { describe, expect, it } from 'vitest';
import type { RangeResponse, Source } from 'pmtiles';
import { serialSource } from './serial-source';

/** A source whose ranges take a moment each, recording how many are in flight. */
function slowSource(fail?: number) {
  let inFlight = 0;
  const seen = { most: 0, order: [] as number[] };
  const source: Source = {
    getKey: () => 'archive',
    async getBytes(offset, length): Promise<RangeResponse> {
      inFlight++;
      seen.most = Math.max(seen.most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
      inFlight--;
      seen.order.push(offset);
      if (offset === fail) throw new Error('network');
      return { data: new ArrayBuffer(length) };
    },
  };
  return { source, seen };
}

describe('serialSource', () => {
  it('asks the inner source for one range at a time, in the order asked', async () => {
    const { source, seen } = slowSource();
    const serial = serialSource(source);
    const answers = await Promise.all([0, 100, 200, 300].map((offset) => serial.getBytes(offset, 10)));
    expect(answers.map((a) => a.data.byteLength)).toEqual([10, 10, 10, 10]);
    expect(seen.most).toBe(1);
    expect(seen.order).toEqual([0, 100, 200, 300]);
  });

  it('the parallel source it wraps would have had them all in flight at once', async () => {
    const { source, seen } = slowSource();
    await Promise.all([0, 100, 200].map((offset) => source.getBytes(offset, 10)));
    expect(seen.most).toBe(3);
  });

  it('passes a failure to its caller and goes on with the next range', async () => {
    const { source, seen } = slowSource(100);
    const serial = serialSource(source);
    const results = await Promise.allSettled([0, 100, 200].map((offset) => serial.getBytes(offset, 10)));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(seen.order).toEqual([0, 100, 200]);
  });

  it('keeps the key of the archive it reads', () => {
    expect(serialSource(slowSource().source).getKey()).toBe('archive');
  });
});
