import { districtCodes } from '../../domain/district-codes';
import type { Lang } from '../../i18n/define';
import { te } from '../../i18n/editor';

/**
 * Who the signed-in user is as an editor, read from the JWT's app_metadata exactly as the database's
 * RLS helpers read it (private.is_editor, editor_districts, can_edit_unit; the districts by the
 * rule of domain/district-codes.ts, which private.district_codes shares). The UI uses it only to hide what the database would refuse anyway.
 */
export interface EditorIdentity {
  email: string | null;
  /** True when app_metadata.role is "editor". */
  editor: boolean;
  /** app_metadata.scope = "province": every unit, including the 2025 vintage (no districts). */
  province: boolean;
  /** District codes from app_metadata.districts, read by the database's rule (domain/district-codes). */
  districts: string[];
}

export function identityOf(
  user: { email?: string | null; app_metadata?: unknown } | null | undefined,
): EditorIdentity | null {
  if (!user) return null;
  const meta = (user.app_metadata ?? {}) as Record<string, unknown>;
  const editor = meta.role === 'editor';
  const districts = editor ? districtCodes(meta.districts) : [];
  return { email: user.email ?? null, editor, province: editor && meta.scope === 'province', districts };
}

/** May this identity write the unit? A unit without district (2025 vintage): province scope only. */
export function canEditUnit(id: EditorIdentity | null, unit: { district_code: string | null }): boolean {
  if (!id?.editor) return false;
  if (id.province) return true;
  return unit.district_code !== null && id.districts.includes(unit.district_code);
}

export function scopeLabel(
  id: EditorIdentity,
  lang: Lang,
  districtNames: ReadonlyMap<string, string>,
): string {
  if (!id.editor) return te(lang, 'scope.noRights');
  if (id.province) return te(lang, 'scope.province');
  const names = id.districts.map((d) => districtNames.get(d) ?? d);
  if (names.length === 0) return te(lang, 'scope.noDistrict');
  return names.join(', ');
}
