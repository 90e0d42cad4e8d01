/**
 * Type parsers for node-postgres so rows look like PostgREST's JSON: numeric and bigint as JS numbers
 * (not strings), dates as 'YYYY-MM-DD' strings (not Date objects in the local time zone). int4[] is
 * already parsed to number[] by default. Passed per client (`types`), so nothing global changes.
 */
import pg from 'pg';

const NUMERIC = 1700;
const INT8 = 20;
const DATE = 1082;

const parseNumber = (value: string): number => Number(value);
const keepText = (value: string): string => value;

export const appTypes: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (format === undefined || format === 'text') {
      if (oid === NUMERIC || oid === INT8) return parseNumber;
      if (oid === DATE) return keepText;
    }
    return pg.types.getTypeParser(oid, format ?? 'text');
  }) as pg.CustomTypesConfig['getTypeParser'],
};
