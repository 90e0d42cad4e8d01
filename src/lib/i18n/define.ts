/**
 * The one way the interface speaks: every string lives in a catalogue section (a `*.ts` file beside this
 * one) defined with `defineMessages`, Vietnamese first (the default) and English with exactly the same
 * keys. Sections exist so a lazily loaded screen (the editor, the leaders' view) carries its own strings
 * in its own chunk instead of the first-paint bundle. `catalogue.test.ts` checks every section: the same
 * keys and the same `{placeholders}` in both languages, NFC text, no empty string.
 */
export type Lang = 'vi' | 'en';

export const LANGS: readonly Lang[] = ['vi', 'en'];

export type Params = Record<string, string | number>;

export interface Section<K extends string> {
  vi: Readonly<Record<K, string>>;
  en: Readonly<Record<K, string>>;
}

/** Replaces `{name}` with params.name; an unknown placeholder stays visible rather than printing "undefined". */
export function fill(template: string, params: Params = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

const pluralRules = new Map<Lang, Intl.PluralRules>();
/**
 * A key `k` may have a form `k.one`, used when its `{n}` is a number the language calls "one" (English
 * "1 unit", "2 units"; Vietnamese has one form, so its `.one` repeats the other).
 */
function countIsOne(lang: Lang, params: Params | undefined): boolean {
  const n = params?.['n'];
  if (typeof n !== 'number') return false;
  let rules = pluralRules.get(lang);
  if (!rules) pluralRules.set(lang, (rules = new Intl.PluralRules(lang)));
  return rules.select(n) === 'one';
}

export interface Translator<K extends string> {
  (lang: Lang, key: K, params?: Params): string;
  readonly section: Section<K>;
}

export function defineMessages<const V extends Record<string, string>>(
  vi: V,
  en: Readonly<Record<keyof V & string, string>>,
): Translator<keyof V & string> {
  type K = keyof V & string;
  const section: Section<K> = { vi: vi as Record<K, string>, en };
  const translate = (lang: Lang, key: K, params?: Params) => {
    const one = countIsOne(lang, params) ? (`${key}.one` as K) : null;
    const template = (one && section[lang][one]) || section[lang][key] || section.vi[key] || key;
    return fill(template, params);
  };
  return Object.assign(translate, { section });
}

/** Picks the language's member of a data object with `*_vi` / `*_en` fields (e.g. name_vi, label_en). */
export function pick<F extends string>(
  lang: Lang,
  item: Readonly<Record<`${F}_vi` | `${F}_en`, string>>,
  field: F,
): string {
  return lang === 'en' ? item[`${field}_en`] : item[`${field}_vi`];
}

/** The language the switch offers. */
export function otherLang(lang: Lang): Lang {
  return LANGS.find((l) => l !== lang) ?? lang;
}
