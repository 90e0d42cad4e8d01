import { describe, expect, it } from 'vitest';
import { t } from './messages';

describe('interface strings', () => {
  it('fills placeholders and speaks Vietnamese by default', () => {
    expect(t('vi', 'list.count', { n: 106 })).toBe('106 đơn vị');
    expect(t('en', 'list.count', { n: 38 })).toBe('38 units');
  });
  it('keeps an unknown placeholder visible rather than printing "undefined"', () => {
    expect(t('vi', 'source.asOf')).toBe('đến ngày {date}');
  });
  it('stores every string in NFC, so Vietnamese renders and searches consistently', () => {
    for (const lang of ['vi', 'en'] as const) {
      const s = t(lang, 'app.title');
      expect(s).toBe(s.normalize('NFC'));
    }
  });
});
