import { freeTextProblem } from '../domain/free-text';
import { sourceUrlProblem, type SourceUrlProblem } from '../domain/source-url';

/**
 * The provenance an editor types (source, source link) checked with the database's own rules before
 * anything is sent: free text for the source (domain/free-text.ts), the link rule for the address
 * (domain/source-url.ts). Codes are keys of the editor's catalogue ("prov.<code>").
 */
export type ProvenanceProblem = 'source_invisible' | 'source_formula' | `url_${SourceUrlProblem}`;

export function provenanceProblems(p: {
  source: string | null;
  source_url?: string | null;
}): ProvenanceProblem[] {
  const out: ProvenanceProblem[] = [];
  const text = p.source === null ? null : freeTextProblem(p.source);
  if (text) out.push(`source_${text}`);
  const url = p.source_url ? sourceUrlProblem(p.source_url) : null;
  if (url) out.push(`url_${url}`);
  return out;
}
