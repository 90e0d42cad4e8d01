// Every section of the catalogue speaks both languages: the same keys, the same placeholders, NFC text.
import { describe, expect, it } from 'vitest';
import type { Translator } from './define';
import { t } from './messages';

const modules = import.meta.glob<Record<string, unknown>>(['./*.ts', '!./*.test.ts', '!./define.ts'], {
  eager: true,
});

function isTranslator(x: unknown): x is Translator<string> {
  return typeof x === 'function' && 'section' in x;
}

const sections = Object.entries(modules).flatMap(([file, mod]) =>
  Object.entries(mod)
    .filter(([, value]) => isTranslator(value))
    .map(([name, value]) => ({ name: `${file}#${name}`, section: (value as Translator<string>).section })),
);

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the translation catalogue', () => {
  it('has sections to check', () => {
    expect(sections.length).toBeGreaterThan(0);
  });
  it.each(sections)(
    '$name has every key in Vietnamese and English, with the same placeholders',
    ({ section }) => {
      expect(Object.keys(section.en).sort()).toEqual(Object.keys(section.vi).sort());
      for (const key of Object.keys(section.vi)) {
        const vi = section.vi[key]!;
        const en = section.en[key]!;
        expect(vi.trim(), key).not.toBe('');
        expect(en.trim(), key).not.toBe('');
        expect(placeholders(en), key).toEqual(placeholders(vi));
        expect(vi, key).toBe(vi.normalize('NFC'));
      }
    },
  );
});

describe('a count of one', () => {
  it('takes the key’s `.one` form where the language calls the number "one"', () => {
    expect(t('en', 'list.count', { n: 1 })).toBe('1 unit');
    expect(t('en', 'list.count', { n: 2 })).toBe('2 units');
    expect(t('en', 'list.count', { n: 0 })).toBe('0 units');
    expect(t('vi', 'list.count', { n: 1 })).toBe('1 đơn vị');
  });
});
