// "Formed from" / "merged into" lines of the unit panel, from the crosswalk between boundary vintages.
// GSO codes were reused for different units in 2025, so every lookup is keyed by (vintage, code).
import type { CrosswalkRow, Unit, VintageId } from '../domain/types';
import type { Lang } from '../i18n/messages';

interface LineageSource {
  crosswalk: CrosswalkRow[];
  units: Unit[];
}

export function lineageOf(code: string, vintage: VintageId, meta: LineageSource, lang: Lang) {
  const nameOf = (v: VintageId, c: string) =>
    meta.units.find((u) => u.vintage === v && u.code === c)?.name ?? c;
  const from = meta.crosswalk.filter((r) => r.to_vintage === vintage && r.to_code === code);
  const into = meta.crosswalk.filter((r) => r.from_vintage === vintage && r.from_code === code);
  const items: { label: string; names: string[] }[] = [];
  // A unit "formed from" only itself is not news: list only real mergers.
  if (from.length > 1 || (from.length === 1 && from[0]!.from_code !== code)) {
    items.push({
      label:
        lang === 'vi'
          ? `Hình thành từ (ranh giới ${from[0]!.from_vintage}):`
          : `Formed from (${from[0]!.from_vintage} boundaries):`,
      names: from.map((r) => nameOf(r.from_vintage, r.from_code)),
    });
  }
  const target = into[0];
  if (target) {
    const partners = meta.crosswalk.filter(
      (r) => r.to_vintage === target.to_vintage && r.to_code === target.to_code,
    );
    if (partners.length > 1 || target.to_code !== code) {
      items.push({
        label:
          lang === 'vi'
            ? `Sáp nhập vào (ranh giới ${target.to_vintage}):`
            : `Merged into (${target.to_vintage} boundaries):`,
        names: [nameOf(target.to_vintage, target.to_code)],
      });
    }
  }
  return items;
}
