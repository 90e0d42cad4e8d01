import { describe, expect, it } from 'vitest';
import { vietnamToday } from './vietnam-date';

describe('vietnamToday', () => {
  it('turns the day at 17:00 UTC, midnight in Viet Nam', () => {
    expect(vietnamToday(new Date('2026-12-04T16:59:59.999Z'))).toBe('2026-12-04');
    expect(vietnamToday(new Date('2026-12-04T17:00:00.000Z'))).toBe('2026-12-05');
  });

  it('is already tomorrow in Viet Nam while UTC is still at 23:59, and today before 07:00 VN time', () => {
    expect(vietnamToday(new Date('2026-12-31T23:59:00Z'))).toBe('2027-01-01');
    // 06:59 in Viet Nam is the same day as in UTC (the previous evening's UTC date is not "today").
    expect(vietnamToday(new Date('2026-12-04T23:59:00Z'))).toBe('2026-12-05');
    expect(vietnamToday(new Date('2026-12-05T00:00:00Z'))).toBe('2026-12-05');
  });

  it('does not follow the machine’s time zone (Kiritimati is UTC+14)', () => {
    const at = new Date('2026-12-04T10:30:00Z'); // 17:30 in Viet Nam, 00:30 next day in Kiritimati
    expect(new Intl.DateTimeFormat('en-CA', { timeZone: 'Pacific/Kiritimati' }).format(at)).toBe(
      '2026-12-05',
    );
    expect(vietnamToday(at)).toBe('2026-12-04');
  });
});
