import type { SupabaseClient } from '@supabase/supabase-js';

/**
 * What the public view unit_year leaves out and an edit must keep (issue 13): whether the stored row
 * is published, and its full provenance. Read from the table itself, where RLS shows an editor the
 * drafts of their scope; the public views stay as they are.
 */
export interface AssessmentState {
  /** Whether a row exists for this unit and year. */
  exists: boolean;
  published: boolean;
  illustrative: boolean;
  source: string;
  source_url: string;
  source_date: string;
}

export const NO_ROW: AssessmentState = {
  exists: false,
  published: false,
  illustrative: false,
  source: '',
  source_url: '',
  source_date: '',
};

export async function loadAssessmentState(
  client: SupabaseClient,
  vintage: string,
  code: string,
  year: number,
): Promise<AssessmentState> {
  const { data, error } = await client
    .from('unit_assessment')
    .select('published, illustrative, source, source_url, source_date')
    .eq('vintage', vintage)
    .eq('unit_code', code)
    .eq('year', year)
    .limit(1);
  if (error) throw new Error(error.message);
  const row = (data ?? [])[0] as
    | {
        published: boolean;
        illustrative: boolean;
        source: string | null;
        source_url: string | null;
        source_date: string | null;
      }
    | undefined;
  if (!row) return NO_ROW;
  return {
    exists: true,
    published: row.published,
    illustrative: row.illustrative,
    // An illustrative row's source is not a real one to carry into an edit with real figures.
    source: row.illustrative ? '' : (row.source ?? ''),
    source_url: row.illustrative ? '' : (row.source_url ?? ''),
    source_date: row.illustrative ? '' : (row.source_date ?? ''),
  };
}
