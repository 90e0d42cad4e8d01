/**
 * A source link (source_url): the one rule of what may be stored, shared by the browser's checks and
 * the database (issue 20, item 6), and the host the app shows beside every link it renders.
 *
 * An http or https address in RFC 3986's characters, nothing else:
 * - no user information: "https://tinh.gov.vn@evil.example/x" goes to evil.example;
 * - no whitespace or invisible character (U+2028, zero-width space, NBSP, U+3000, NEL, RLO…) and no
 *   character outside RFC 3986 (quotes, angle brackets, Vietnamese letters…) unless percent-encoded;
 * - the host is a plain name or IPv4 address (letters, digits, . - _ ~), optionally with a port.
 * The database holds the same pattern (private.source_url_pattern(), checked equal by a test) and
 * matches it case-insensitively, as `i` does here.
 */

/** scheme://host[:port][/path][?query][#fragment], each part in RFC 3986's characters. */
export const SOURCE_URL_PATTERN =
  "^https?://([a-z0-9._~-]+)(:[0-9]{1,5})?(/([a-z0-9._~!$&'()*+,;=:@/-]|%[0-9a-f]{2})*)?" +
  "(\\?([a-z0-9._~!$&'()*+,;=:@/?-]|%[0-9a-f]{2})*)?(#([a-z0-9._~!$&'()*+,;=:@/?-]|%[0-9a-f]{2})*)?$";

const SOURCE_URL = new RegExp(SOURCE_URL_PATTERN, 'i');
/** Something between "//" and the host's end, then "@": user information. */
const USERINFO = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*@/i;
const HTTP = /^https?:\/\//i;
/** Any whitespace or invisible character (Unicode White_Space, Cc, Cf, Zl, Zp). */
const BLANK_OR_INVISIBLE = /[\s\p{Cc}\p{Cf}\p{Z}]/u;

export type SourceUrlProblem = 'not_http' | 'userinfo' | 'whitespace' | 'characters' | 'too_long';

export const SOURCE_URL_MAX = 1000;

/** Why a source link may not be stored, or null when it may. */
export function sourceUrlProblem(url: string): SourceUrlProblem | null {
  if (url.length > SOURCE_URL_MAX) return 'too_long';
  if (!HTTP.test(url)) return 'not_http';
  if (USERINFO.test(url)) return 'userinfo';
  if (SOURCE_URL.test(url)) return null;
  return BLANK_OR_INVISIBLE.test(url) ? 'whitespace' : 'characters';
}

/** A link the app may render: the address and the host it goes to (shown beside it), or null. */
export interface SourceLink {
  url: string;
  host: string;
}

export function sourceLink(url: string | null | undefined): SourceLink | null {
  if (!url || sourceUrlProblem(url) !== null) return null;
  const host = SOURCE_URL.exec(url)![1]!.toLowerCase();
  return { url, host };
}

/** The link as the printed report writes it after a source: " — host: address", or nothing. */
export function sourceLinkText(url: string | null | undefined): string {
  const link = sourceLink(url);
  return link ? ` — ${link.host}: ${link.url}` : '';
}
