// Components speak through the translation catalogue (src/lib/i18n/): no component chooses between a
// Vietnamese and an English string itself. Reads every src/**/*.svelte file and fails on a language
// comparison (`lang === 'vi'`), a bilingual helper call (`tr(lang, …)`) or a ternary on a `vi` flag.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '../../src');

/**
 * Files still being converted by another change. Each entry is removed by the change that converts the
 * file; the second test fails when a listed file is already clean, so the list can only shrink.
 */
const PENDING = new Set<string>([]);

const RULES: { name: string; pattern: RegExp }[] = [
  { name: "a comparison of lang with 'vi' / 'en'", pattern: /\blang\s*[!=]==?\s*['"`]/ },
  { name: "a comparison of 'vi' / 'en' with lang", pattern: /['"`](vi|en)['"`]\s*[!=]==?\s*\w*\.?lang\b/ },
  { name: 'a loose comparison of lang', pattern: /\blang\s*[!=]=\s/ },
  { name: 'a tr(lang, vi, en) call', pattern: /\btr\(\s*(props\.)?lang\b/ },
  { name: 'a ternary on a `vi` flag', pattern: /\bvi\s*\?(?![.?])/ },
];

function svelteFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.svelte'))
    .map((f) => f.split(path.sep).join('/'))
    .sort();
}

/** Every rule broken by a file, with its line numbers. */
function violations(file: string): string[] {
  const lines = readFileSync(path.join(SRC, file), 'utf8').split('\n');
  const text = lines.join('\n');
  const found: string[] = [];
  for (const { name, pattern } of RULES) {
    const global = new RegExp(pattern.source, 'g');
    for (const m of text.matchAll(global)) {
      const line = text.slice(0, m.index).split('\n').length;
      found.push(`${file}:${line}: ${name}: ${lines[line - 1]!.trim()}`);
    }
  }
  return found;
}

const files = svelteFiles(SRC);

describe('no language choices in components', () => {
  it('finds the components', () => {
    expect(files.length).toBeGreaterThan(20);
    for (const pending of PENDING) expect(files, pending).toContain(pending);
  });

  it('has no language ternary in any converted component', () => {
    const bad = files.filter((f) => !PENDING.has(f)).flatMap(violations);
    expect(bad).toEqual([]);
  });

  it('lists as pending only files that still need converting', () => {
    const done = [...PENDING].filter((f) => violations(f).length === 0);
    expect(done, 'remove these from PENDING').toEqual([]);
  });

  it('recognises each kind of language choice', () => {
    const samples = [
      "{lang === 'vi' ? 'Năm' : 'Year'}",
      "lang !== 'en'",
      "if ('en' === props.lang) x()",
      'lang == other',
      "tr(lang, 'Đóng', 'Close')",
      "tr(props.lang, 'Đang tải…', 'Loading…')",
      "vi ? 'Bản đồ' : 'Map'",
      "{vi\n  ? 'Có'\n  : 'Yes'}",
    ];
    for (const s of samples)
      expect(
        RULES.some((r) => r.pattern.test(s)),
        s,
      ).toBe(true);
    const fine = ["t(lang, 'map.label')", "pick(lang, unit, 'name')", 'vi?.name', 'const vi = 1;'];
    for (const s of fine)
      expect(
        RULES.some((r) => r.pattern.test(s)),
        s,
      ).toBe(false);
  });
});
