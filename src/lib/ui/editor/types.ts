import type { UnitKind } from '../../domain/types';
import type { Lang } from '../../i18n/define';
import type { ImportCatalog } from '../../import/catalog';

/** Props of <EditorEntry> (and of the lazily loaded <EditorPanel>). */
export interface EditorProps {
  lang: Lang;
  /** Supabase project (runtime config); null = editing unavailable (snapshot-only deployment). */
  supabaseUrl: string | null;
  supabaseAnonKey: string | null;
  /** Frameworks, criteria and units (the app's meta: snapshot meta.json or the Supabase views). */
  catalog: ImportCatalog | null;
  /** The year shown on the map: edited by the criteria editor, preselected in the import dialog. */
  year: number;
  /** The selected unit, when mounted in the unit panel: shows its criteria editor and change history. */
  unit?: { code: string; name: string; kind: UnitKind; district_code: string | null } | null;
  /** Called after a successful write, so the app can reload that year's data. */
  onchanged?: (year: number) => void;
}
