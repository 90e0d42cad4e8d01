import { fileProblem, type ImportProblem } from './problems';

/**
 * The text of a CSV file. UTF-8 (with or without BOM) is the norm. Excel on Vietnamese Windows saves
 * "CSV (Comma delimited)" in the ANSI code page, Windows-1258, which writes most tone marks as separate
 * combining bytes (ề = ê + U+0300): such a file is decoded and normalised to NFC.
 *
 * No table or library is shipped for it: windows-1258 is one of the WHATWG Encoding Standard's legacy
 * single-byte encodings, so `TextDecoder` has it in every browser and in Node (official builds carry
 * full ICU). A Node without it lands in the same clear refusal as any other non-UTF-8 file.
 *
 * A file that is not UTF-8 is taken as Windows-1258 only when every non-ASCII character it decodes to is
 * a Vietnamese letter or common punctuation. TCVN3 (ABC) and VNI files reuse the same bytes for other
 * letters and decode to symbols such as "·", "¸", "ä" or "ñ" (the template's own header "Mã ĐVHC" does),
 * so they are still refused with advice to re-save.
 */

export type DecodedText =
  { ok: true; text: string; encoding: 'utf-8' | 'windows-1258' } | { ok: false; problem: ImportProblem };

const UTF8_BOM = [0xef, 0xbb, 0xbf];

const VOWELS = 'aăâeêioôơuưy';
const TONES = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];
const LETTERS = [...VOWELS].flatMap((v) => TONES.map((t) => (v + t).normalize('NFC'))).join('') + 'đ';

/** Non-ASCII characters a Vietnamese spreadsheet plausibly holds: letters, ₫, typographic punctuation. */
const VIETNAMESE_TEXT = new Set([...LETTERS, ...LETTERS.toUpperCase(), ...'\u00a0–—‘’“”…•€°«»₫']);

function legacyDecoder(): TextDecoder | null {
  try {
    return new TextDecoder('windows-1258', { fatal: true });
  } catch {
    return null;
  }
}

/** The NFC text of a Windows-1258 file, or null when the bytes do not read as Vietnamese in it. */
function readWindows1258(bytes: Uint8Array): string | null {
  const decoder = legacyDecoder();
  if (!decoder) return null;
  let text: string;
  try {
    text = decoder.decode(bytes).normalize('NFC');
  } catch {
    return null;
  }
  for (const ch of text) {
    if (ch.charCodeAt(0) >= 0x80 && !VIETNAMESE_TEXT.has(ch)) return null;
  }
  return text;
}

export function decodeCsvText(bytes: Uint8Array): DecodedText {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return {
      ok: false,
      problem: fileProblem(
        'not_utf8',
        'Tệp CSV đang ở mã UTF-16 ("Unicode Text"). Hãy lưu lại bằng "CSV UTF-8 (Comma delimited)".',
        'The CSV file is UTF-16 ("Unicode Text"). Save it again as "CSV UTF-8 (Comma delimited)".',
      ),
    };
  }
  const hasBom = UTF8_BOM.every((b, i) => bytes[i] === b);
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(hasBom ? bytes.subarray(3) : bytes);
    return { ok: true, text, encoding: 'utf-8' };
  } catch {
    const text = hasBom ? null : readWindows1258(bytes);
    if (text !== null) return { ok: true, text, encoding: 'windows-1258' };
    return {
      ok: false,
      problem: fileProblem(
        'not_utf8',
        'Tệp CSV không ở mã UTF-8 (có thể là TCVN3 hoặc VNI). Hãy lưu lại bằng "CSV UTF-8 (Comma delimited)" hoặc dùng tệp .xlsx.',
        'The CSV file is not UTF-8 (perhaps TCVN3 or VNI). Save it as "CSV UTF-8" or use .xlsx.',
      ),
    };
  }
}

/** The note telling the planner that the file was read from Windows-1258. */
export function windows1258Note(): ImportProblem {
  return fileProblem(
    'windows_1258',
    'Tệp CSV ở mã Windows-1258 (kiểu "CSV (Comma delimited)" của Excel trên Windows tiếng Việt): đã đọc và chuyển sang Unicode. Lần sau nên lưu dạng "CSV UTF-8" hoặc .xlsx.',
    'The CSV file is in Windows-1258 (Excel\'s "CSV (Comma delimited)" on Vietnamese Windows): it was read and converted to Unicode. Prefer "CSV UTF-8" or .xlsx.',
    'note',
  );
}
