/**
 * Stable, diff-friendly JSON for the committed snapshot: top-level keys in insertion order, arrays of
 * objects one compact element per line, arrays of plain values inline. Same input → same bytes.
 */
function formatValue(value: unknown, indent: string): string {
  if (Array.isArray(value)) {
    // Lists of numbers or strings (e.g. years) stay on one line.
    if (value.every((v) => v === null || typeof v !== 'object')) return JSON.stringify(value);
    const inner = indent + '  ';
    return `[\n${value.map((v) => inner + JSON.stringify(v)).join(',\n')}\n${indent}]`;
  }
  return JSON.stringify(value);
}

export function formatSnapshotJson(value: unknown): string {
  if (Array.isArray(value)) return formatValue(value, '') + '\n';
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    const body = entries.map(([k, v]) => `  ${JSON.stringify(k)}: ${formatValue(v, '  ')}`).join(',\n');
    return `{\n${body}\n}\n`;
  }
  return JSON.stringify(value) + '\n';
}
