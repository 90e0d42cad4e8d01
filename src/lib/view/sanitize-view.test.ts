import { describe, expect, it } from 'vitest';
import { metaJson } from '../../../tests/unit/fixture-data';
import { defaultViewState, parseViewState, type ViewState } from '../domain/url-state';
import { droppedParams, sanitizeView, viewContext } from './sanitize-view';

const meta = metaJson();
const years = [2019, 2022, 2025, 2026];
const open = (search: string) => {
  const parsed = parseViewState(search, defaultViewState(2025), years);
  const clean = sanitizeView(parsed, viewContext(meta, parsed.year));
  return { ...clean, reported: droppedParams(search, clean.state) };
};

describe('sanitizeView: what a link asks for that its year does not have', () => {
  it('drops an unknown district and reports it (no "999 · 2025" heading, no faded map)', () => {
    const r = open('?district=999');
    expect(r.state.district).toBeNull();
    expect(r.dropped).toEqual([{ field: 'district', value: '999' }]);
    expect(r.reported).toEqual([{ field: 'district', value: '999' }]);
  });

  it('keeps a real district of the vintage', () => {
    const r = open('?district=111');
    expect(r.state.district).toBe('111');
    expect(r.reported).toEqual([]);
  });

  it('drops a unit that is not in the year’s vintage', () => {
    expect(open('?unit=99999').state.unit).toBeNull();
    expect(open('?unit=99999').reported).toEqual([{ field: 'unit', value: '99999' }]);
    // 03386 (Phường Quyết Thắng) exists until June 2025 only.
    expect(open('?year=2026&unit=03386').state.unit).toBeNull();
    expect(open('?year=2025&unit=03386').state.unit).toBe('03386');
  });

  it('drops "below" where the criteria set has no threshold, keeps a criterion it has', () => {
    const r = open('?year=2026&below=1&missing=5');
    expect(r.state).toMatchObject({ year: 2026, below: false, missing: 5 });
    expect(r.reported).toEqual([{ field: 'below', value: '1' }]);
    expect(open('?year=2025&below=1').state.below).toBe(true);
  });

  it('reports a criterion outside the set that the parser refused', () => {
    const r = open('?year=2026&missing=15&criterion=12');
    expect(r.state).toMatchObject({ missing: null, criterion: null });
    expect(r.reported.map((d) => d.field)).toEqual(['criterion', 'missing']);
  });

  it('drops a district in a vintage without districts', () => {
    const state: ViewState = { ...defaultViewState(2026), district: '105' };
    expect(sanitizeView(state, viewContext(meta, 2026))).toEqual({
      state: defaultViewState(2026),
      dropped: [{ field: 'district', value: '105' }],
    });
  });

  it('reports nothing for a clean link, cleared values or false flags', () => {
    expect(open('?year=2022&mode=criterion&criterion=5&unit=03386&below=0&district=').reported).toEqual([]);
    expect(open('').dropped).toEqual([]);
  });

  it('reports a year without data and a language it does not speak', () => {
    expect(open('?year=2031&lang=fr').reported).toEqual([
      { field: 'lang', value: 'fr' },
      { field: 'year', value: '2031' },
    ]);
  });
});
