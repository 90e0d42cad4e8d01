/**
 * District codes of an editor, from app_metadata.districts as an administrator typed it in Supabase's
 * dashboard. The database applies the same rule (private.district_codes in
 * supabase/migrations/20261204000300_editor_standing.sql), and both are tested against the cases in
 * district-codes.cases.json, so the browser never shows a scope the database does not grant, or hides
 * one it does.
 *
 * An element is a district code when, as a string with spaces, tabs and line breaks trimmed at both
 * ends, or as a whole number from 0 to 999 written with three digits (305 → "305", 5 → "005"), it is
 * exactly three ASCII digits. Anything else grants nothing. Codes come deduplicated and sorted.
 */

/** Only ASCII space, tab, LF and CR: what PostgreSQL's btrim(value, E' \t\n\r') removes. */
const EDGE_SPACE = /^[ \t\n\r]+|[ \t\n\r]+$/g;
const CODE = /^[0-9]{3}$/;

function codeOf(value: unknown): string | null {
  if (typeof value === 'string') return value.replace(EDGE_SPACE, '');
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 999) {
    return String(Math.abs(value)).padStart(3, '0'); // abs: -0 is 0
  }
  return null;
}

export function districtCodes(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  const codes = new Set<string>();
  for (const item of value) {
    const code = codeOf(item);
    if (code !== null && CODE.test(code)) codes.add(code);
  }
  return [...codes].sort();
}
