/**
 * The province of an editor, from app_metadata as an administrator typed it in Supabase's dashboard
 * (issue 21). The database applies the same rule (private.province_code and private.metadata_province
 * in supabase/migrations/20261204001020_province_scope.sql), and both are tested against the cases in
 * province-code.cases.json, so the browser never names a province the database does not grant.
 *
 * `province` is a province code when, as a string with spaces, tabs and line breaks trimmed at both
 * ends, or as a whole number from 0 to 99 written with two digits (11 → "11", 1 → "01"), it is exactly
 * two ASCII digits; anything else grants nothing (null). An app_metadata without a `province` key is
 * an editor from before provinces existed: their province is the legacy one, which the caller passes
 * (the database's private.legacy_province()).
 */

/** Only ASCII space, tab, LF and CR: what PostgreSQL's btrim(value, E' \t\n\r') removes. */
const EDGE_SPACE = /^[ \t\n\r]+|[ \t\n\r]+$/g;
const CODE = /^[0-9]{2}$/;

export function provinceCode(value: unknown): string | null {
  let code: string | null = null;
  if (typeof value === 'string') code = value.replace(EDGE_SPACE, '');
  else if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 99) {
    code = String(Math.abs(value)).padStart(2, '0'); // abs: -0 is 0
  }
  return code !== null && CODE.test(code) ? code : null;
}

export function editorProvince(appMetadata: unknown, legacyProvince: string): string | null {
  if (typeof appMetadata !== 'object' || appMetadata === null || Array.isArray(appMetadata))
    return legacyProvince;
  if (!Object.hasOwn(appMetadata, 'province')) return legacyProvince;
  return provinceCode((appMetadata as Record<string, unknown>).province);
}
