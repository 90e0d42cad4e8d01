// The box the interactive map shows for a view: the selected unit, else the chosen district (the union of
// its units' boxes from the tile index), else the whole vintage. A shared link then opens where its sender
// was looking, and choosing a district moves the map to it. Pure.
import type { Unit } from '../domain/types';
import type { UnitIndex } from './screen';

export type Bounds = [number, number, number, number];

function union(boxes: readonly Bounds[]): Bounds | null {
  if (boxes.length === 0) return null;
  return boxes.reduce<Bounds>(
    (a, b) => [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])],
    [...boxes[0]!],
  );
}

export function viewBounds(
  view: { unit: string | null; district: string | null },
  units: readonly Pick<Unit, 'code' | 'district_code'>[],
  index: Pick<UnitIndex, 'bounds' | 'units'> | undefined,
): Bounds | null {
  if (!index) return null;
  const boxOf = new Map(index.units.map((u) => [u.code, u.bbox]));
  const unitBox = view.unit ? boxOf.get(view.unit) : undefined;
  if (unitBox) return [...unitBox];
  if (view.district) {
    const boxes = units
      .filter((u) => u.district_code === view.district)
      .flatMap((u) => {
        const b = boxOf.get(u.code);
        return b ? [b] : [];
      });
    const box = union(boxes);
    if (box) return box;
  }
  return [...index.bounds];
}
