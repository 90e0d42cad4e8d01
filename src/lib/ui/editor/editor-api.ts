import type { SupabaseClient } from '@supabase/supabase-js';
import type { UnitYear } from '../../domain/types';
import type { Params } from '../../i18n/define';
import { te } from '../../i18n/editor';
import type { ImportPayloadRow } from '../../import/rows';
import {
  importErrorMessage,
  importResultSchema,
  type ImportMeta,
  type ImportResult,
} from '../../import/write';
import type { ChangeRow } from './change-text';

/**
 * What the editor screens read and write, with the signed-in editor's session: the same views as the
 * public page (RLS lets an editor also see drafts in scope), the change history, and the all-or-nothing
 * import function for both a single unit and a whole file.
 */

export class EditorApiError extends Error {
  constructor(
    readonly message_vi: string,
    readonly message_en: string,
  ) {
    super(message_en);
    this.name = 'EditorApiError';
  }
}

type ReadFailure = 'api.readYear' | 'api.readUnit' | 'api.readHistory';

/** What could not be read, in both languages (the error object is shown in either), then the server's words. */
function fail(what: ReadFailure, error: { message: string }, params?: Params): never {
  throw new EditorApiError(
    `${te('vi', what, params)}: ${error.message}`,
    `${te('en', what, params)}: ${error.message}`,
  );
}

export async function loadYearRows(client: SupabaseClient, year: number): Promise<UnitYear[]> {
  const { data, error } = await client.from('unit_year').select('*').eq('year', year).order('code');
  if (error) fail('api.readYear', error, { year });
  return (data ?? []) as UnitYear[];
}

export async function loadUnitYear(
  client: SupabaseClient,
  year: number,
  code: string,
): Promise<UnitYear | null> {
  const { data, error } = await client
    .from('unit_year')
    .select('*')
    .eq('year', year)
    .eq('code', code)
    .limit(1);
  if (error) fail('api.readUnit', error);
  return ((data ?? [])[0] as UnitYear | undefined) ?? null;
}

export async function loadHistory(
  client: SupabaseClient,
  vintage: string,
  code: string,
  year: number,
): Promise<ChangeRow[]> {
  const { data, error } = await client
    .from('unit_change')
    .select('id, changed_at, actor, actor_email, actor_role, operation, old_row, new_row')
    .eq('vintage', vintage)
    .eq('code', code)
    .eq('year', year)
    .order('id', { ascending: false })
    .limit(50);
  if (error) fail('api.readHistory', error);
  return (data ?? []) as ChangeRow[];
}

/** Calls public.import_assessments; a refusal becomes an EditorApiError that says nothing was written. */
export async function writeRows(
  client: SupabaseClient,
  year: number,
  rows: ImportPayloadRow[],
  meta: ImportMeta,
): Promise<ImportResult> {
  const { data, error } = await client.rpc('import_assessments', {
    p_year: year,
    p_rows: rows,
    p_meta: meta,
  });
  if (error)
    throw new EditorApiError(
      importErrorMessage(error.message, 'vi'),
      importErrorMessage(error.message, 'en'),
    );
  const parsed = importResultSchema.safeParse(data);
  if (!parsed.success) {
    throw new EditorApiError(te('vi', 'api.badAnswer'), te('en', 'api.badAnswer'));
  }
  return parsed.data;
}
