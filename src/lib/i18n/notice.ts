/**
 * The view notice's section of the catalogue (see define.ts): what the app says when it changes the view
 * the user asked for (link values that do not apply to the year, a unit carried across a boundary change).
 */
import { defineMessages } from './define';

const vi = {
  'notice.dropped': 'Đã bỏ khỏi đường dẫn vì không áp dụng cho năm {year}: {items}.',
  'notice.field.district': 'huyện {value}',
  'notice.field.unit': 'đơn vị {value}',
  'notice.field.criterion': 'tiêu chí {value}',
  'notice.field.missing': 'lọc thiếu tiêu chí {value}',
  'notice.field.below': 'lọc xã dưới ngưỡng tiêu chí',
  'notice.field.other': '{field} = {value}',
  'notice.carried': '{from} (năm {fromYear}) nay là {to} (năm {toYear}).',
  'notice.carriedBack': '{from} (năm {fromYear}) được hình thành từ {to} (năm {toYear}).',
  'notice.carriedBackMany':
    '{from} (năm {fromYear}) được hình thành từ {n} đơn vị; năm {toYear} đang chọn {to}.',
  'notice.close': 'Đóng thông báo',
} as const;

type Key = keyof typeof vi;

const en: Record<Key, string> = {
  'notice.dropped': 'Removed from the link as it does not apply to {year}: {items}.',
  'notice.field.district': 'district {value}',
  'notice.field.unit': 'unit {value}',
  'notice.field.criterion': 'criterion {value}',
  'notice.field.missing': 'filter missing criterion {value}',
  'notice.field.below': 'filter communes below the criteria threshold',
  'notice.field.other': '{field} = {value}',
  'notice.carried': '{from} ({fromYear}) is now {to} ({toYear}).',
  'notice.carriedBack': '{from} ({fromYear}) was formed from {to} ({toYear}).',
  'notice.carriedBackMany': '{from} ({fromYear}) was formed from {n} units; showing {to} in {toYear}.',
  'notice.close': 'Close the notice',
};

export const tn = defineMessages(vi, en);
export type NoticeKey = Key;
