// The view state (mode, year, criterion, selection, filters, language, tab) as runes, mirrored in the URL
// so that a copied link restores the same view. Parsing is forgiving: a bad URL gives the default view.
import { defaultViewState, parseViewState, writeViewState, type ViewState } from '../domain/url-state';

export class ViewStore {
  state = $state<ViewState>(defaultViewState(2025));
  #defaults: ViewState = defaultViewState(2025);
  #years: readonly number[] = [];

  /** Reads the URL once the years with data are known. */
  init(search: string, years: readonly number[], latestYear: number): void {
    this.#defaults = defaultViewState(latestYear);
    this.#years = years;
    this.state = this.parse(search);
  }

  /** The view a query string describes (Back and Forward re-read the URL with it). */
  parse(search: string): ViewState {
    return parseViewState(search, this.#defaults, this.#years);
  }

  /** Query string for the current state (only what differs from the defaults). */
  query(): string {
    return this.queryOf($state.snapshot(this.state) as ViewState);
  }

  queryOf(state: ViewState): string {
    return writeViewState(state, this.#defaults);
  }

  update(patch: Partial<ViewState>): void {
    Object.assign(this.state, patch);
  }
}
