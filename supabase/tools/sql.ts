/** SQL literals for the generated migration and seed (text is data, never spliced raw). */
export type SqlValue = string | number | boolean | null | readonly number[] | { raw: string };

export function literal(value: SqlValue): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
    return String(value);
  }
  if (Array.isArray(value)) {
    for (const n of value) if (!Number.isInteger(n)) throw new Error(`not an integer: ${n}`);
    return `'{${value.join(',')}}'`;
  }
  if (typeof value === 'object' && 'raw' in value) return value.raw;
  const text = String(value).normalize('NFC');
  if (text.includes('\0')) throw new Error('NUL in SQL text');
  return `'${text.replace(/'/g, "''")}'`;
}

/**
 * One multi-row INSERT, one row per line, in the given order. `suffix` may add e.g. an ON CONFLICT clause.
 */
export function insert<T extends object>(
  table: string,
  columns: readonly (keyof T & string)[],
  rows: readonly T[],
  suffix = '',
): string {
  if (rows.length === 0) return `-- ${table}: no rows\n`;
  const lines = rows.map((row) => {
    const values = columns.map((c) => literal((row as Record<string, SqlValue>)[c] ?? null));
    return `  (${values.join(', ')})`;
  });
  return `insert into ${table} (${columns.join(', ')}) values\n${lines.join(',\n')}${suffix};\n`;
}
