import { describe, expect, it } from 'vitest';
import { noticeText } from './view-notice';

const carried = {
  code: '03388',
  fromName: 'Phường Quyết Thắng',
  toName: 'Phường Đoàn Kết',
  fromYear: 2025,
  toYear: 2026,
  among: 1,
  unchanged: false,
};

describe('noticeText', () => {
  it('names every dropped value, in the user’s language', () => {
    const n = {
      year: 2026,
      dropped: [
        { field: 'district' as const, value: '999' },
        { field: 'below' as const, value: '1' },
      ],
      carried: null,
    };
    expect(noticeText('vi', n)).toBe(
      'Đã bỏ khỏi đường dẫn vì không áp dụng cho năm 2026: huyện 999, lọc xã dưới ngưỡng tiêu chí.',
    );
    expect(noticeText('en', n)).toBe(
      'Removed from the link as it does not apply to 2026: district 999, filter communes below the criteria threshold.',
    );
  });

  it('says where a unit went across a boundary change, both ways', () => {
    expect(noticeText('vi', { year: 2026, dropped: [], carried })).toBe(
      'Phường Quyết Thắng (năm 2025) nay là Phường Đoàn Kết (năm 2026).',
    );
    const back = {
      ...carried,
      fromName: 'Xã Bum Tở',
      toName: 'Thị trấn Mường Tè',
      fromYear: 2026,
      toYear: 2025,
    };
    expect(noticeText('en', { year: 2025, dropped: [], carried: { ...back, among: 3 } })).toBe(
      'Xã Bum Tở (2026) was formed from 3 units; showing Thị trấn Mường Tè in 2025.',
    );
    expect(noticeText('en', { year: 2025, dropped: [], carried: back })).toBe(
      'Xã Bum Tở (2026) was formed from Thị trấn Mường Tè (2025).',
    );
  });

  it('says nothing for a unit carried over unchanged, or no notice', () => {
    expect(noticeText('vi', { year: 2026, dropped: [], carried: { ...carried, unchanged: true } })).toBe('');
    expect(noticeText('vi', null)).toBe('');
  });
});
