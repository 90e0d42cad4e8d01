import type { NtmTier, UnitKind } from '../domain/types';

/**
 * The words a planner may type in the template, and how they are read. Matching ignores case, extra
 * spaces and Unicode normalisation, but NOT diacritics: "dat" is refused rather than guessed, because
 * "đạt" and "đặt" differ and a wrong guess would be written to the record.
 */

/** NFC, trimmed, inner whitespace collapsed, lower-case (Vietnamese rules). */
export function foldCell(s: string): string {
  return s.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('vi');
}

/** Header matching is more forgiving: diacritics and đ are dropped too ("Ma DVHC" = "Mã ĐVHC"). */
export function foldHeader(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .trim()
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

export const MET_LABEL = 'Đạt';
export const NOT_MET_LABEL = 'Không đạt';

const CRITERION_WORDS: ReadonlyMap<string, boolean> = new Map([
  ['đạt', true],
  ['1', true],
  ['không đạt', false],
  ['0', false],
]);

/** true = met, false = not met, undefined = not an allowed value. Blank is handled by the caller. */
export function criterionWord(text: string): boolean | undefined {
  return CRITERION_WORDS.get(foldCell(text));
}

export const TIER_LABELS: Record<NtmTier, string> = {
  chua_dat: 'Chưa đạt',
  dat_chuan: 'Đạt chuẩn',
  nang_cao: 'Nâng cao',
  kieu_mau: 'Kiểu mẫu',
};

export const TIER_LABELS_EN: Record<NtmTier, string> = {
  chua_dat: 'not yet',
  dat_chuan: 'standard',
  nang_cao: 'advanced',
  kieu_mau: 'model',
};

const TIER_WORDS: ReadonlyMap<string, NtmTier> = new Map([
  ['chưa đạt', 'chua_dat'],
  ['chưa đạt chuẩn', 'chua_dat'],
  ['đạt chuẩn', 'dat_chuan'],
  ['đạt chuẩn ntm', 'dat_chuan'],
  ['đạt chuẩn nông thôn mới', 'dat_chuan'],
  ['đạt chuẩn văn minh đô thị', 'dat_chuan'],
  ['đạt chuẩn đô thị văn minh', 'dat_chuan'],
  ['nâng cao', 'nang_cao'],
  ['ntm nâng cao', 'nang_cao'],
  ['kiểu mẫu', 'kieu_mau'],
  ['ntm kiểu mẫu', 'kieu_mau'],
  ['chua_dat', 'chua_dat'],
  ['dat_chuan', 'dat_chuan'],
  ['nang_cao', 'nang_cao'],
  ['kieu_mau', 'kieu_mau'],
]);

export function tierWord(text: string): NtmTier | undefined {
  return TIER_WORDS.get(foldCell(text));
}

export const KIND_LABELS: Record<UnitKind, string> = { xa: 'Xã', phuong: 'Phường', thi_tran: 'Thị trấn' };

/** Wards and towns are assessed on the civilised-urban standard, not on the NTM criteria. */
export function isUrban(kind: UnitKind): boolean {
  return kind === 'phuong' || kind === 'thi_tran';
}
