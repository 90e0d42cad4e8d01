/**
 * Type parsers for node-postgres so rows look like PostgREST's JSON: numeric and bigint as JS numbers
 * (not strings), dates as 'YYYY-MM-DD' strings (not Date objects in the local time zone).
 * Passed per client (`types`), so nothing global changes.
 */
import pg from 'pg';

const NUMERIC = 1700;
const INT8 = 20;
const DATE = 1082;
const NUMERIC_ARRAY = 1231;
const INT8_ARRAY = 1016;
const DATE_ARRAY = 1182;

const parseNumber = (value: string): number => Number(value);

export const appTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (format === undefined || format === 'text') {
      if (oid === NUMERIC || oid === INT8) return parseNumber;
      if (oid === DATE) return (value: string) => value;
      if (oid === NUMERIC_ARRAY || oid === INT8_ARRAY) {
        const parseArray = pg.types.getTypeParser(1009 /* text[] */, 'text') as (v: string) => string[];
        return (value: string) => parseArray(value).map((x) => (x === null ? null : Number(x)));
      }
      if (oid === DATE_ARRAY) return pg.types.getTypeParser(1009, 'text');
    }
    return pg.types.getTypeParser(oid, format ?? 'text');
  },
} as pg.CustomTypesConfig;
