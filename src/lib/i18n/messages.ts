/**
 * The app shell's section of the catalogue (see define.ts): strings of the first screen.
 * Keep keys flat and descriptive; `{name}` placeholders are filled by `t()`.
 */
import { defineMessages, type Lang } from './define';

export type { Lang } from './define';

const vi = {
  'app.title': 'Bản đồ tiến độ xây dựng nông thôn mới, đô thị văn minh',
  'app.province': 'Tỉnh Lai Châu',
  'app.documentTitle': '{title} — {province}',
  'app.campaign': 'Cuộc vận động “Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh”',
  'lang.switch': 'English',
  'lang.label': 'Ngôn ngữ',
  'source.snapshot': 'Số liệu lưu kèm ứng dụng',
  'source.supabase': 'Số liệu trực tuyến',
  'source.asOf': 'đến ngày {date}',
  'source.illustrative': 'Dữ liệu minh họa — không phải số liệu chính thức',
  'source.problems': '{n} dòng dữ liệu không hợp lệ đã bị bỏ qua (hiển thị là “không có dữ liệu”).',
  'source.loading': 'Đang tải dữ liệu…',
  'source.failed': 'Không tải được dữ liệu: {message}',
  'map.label': 'Bản đồ các xã, phường, thị trấn tỉnh Lai Châu',
  'map.loading': 'Đang tải bản đồ…',
  'map.noWebgl':
    'Thiết bị không hỗ trợ WebGL: bản đồ tương tác không hiển thị. Danh sách, bảng và thẻ chỉ tiêu vẫn dùng được.',
  'map.tilesError':
    'Không tải được lớp ranh giới ({vintage}). Danh sách, bảng và thẻ chỉ tiêu vẫn dùng được.',
  'map.summary': 'Năm {year}: {units} đơn vị hành chính cấp xã. {summary}',
  'vintage.label': 'Ranh giới hành chính',
  'vintage.2016': '2016–01/2020 (108 đơn vị)',
  'vintage.2020': '02/2020–06/2025 (106 đơn vị)',
  'vintage.2025': 'Từ 01/7/2025 (38 đơn vị)',
  'list.title': 'Danh sách đơn vị',
  'list.search': 'Tìm xã, phường, thị trấn',
  'list.searchHint': 'Gõ không dấu cũng được, ví dụ “muong te”',
  'list.count': '{n} đơn vị',
  'list.count.one': '{n} đơn vị',
  'list.none': 'Không tìm thấy đơn vị nào.',
  'list.formerUnit': 'trước đây: {name}',
  'list.formerDistrict': 'trước đây thuộc {name}',
  'panel.close': 'Đóng',
  'panel.kind': 'Loại',
  'panel.district': 'Huyện',
  'panel.noDistrict': 'Không còn cấp huyện (từ 01/7/2025)',
  'kind.xa': 'Xã',
  'kind.phuong': 'Phường',
  'kind.thi_tran': 'Thị trấn',
  'tab.list': 'Danh sách',
  'tab.table': 'Bảng theo dõi',
  'tab.targets': 'Chỉ tiêu',
} as const;

export type MessageKey = keyof typeof vi;

const en: Record<MessageKey, string> = {
  'app.title': 'Campaign progress map: new rural areas, civilised urban areas',
  'app.province': 'Lai Châu province',
  'app.documentTitle': '{title} — {province}',
  'app.campaign': 'Campaign “The whole people unite to build new rural areas and civilised urban areas”',
  'lang.switch': 'Tiếng Việt',
  'lang.label': 'Language',
  'source.snapshot': 'Data stored with the app',
  'source.supabase': 'Live data',
  'source.asOf': 'as of {date}',
  'source.illustrative': 'Illustrative data — not official figures',
  'source.problems': '{n} invalid data rows were skipped (shown as “no data”).',
  'source.loading': 'Loading data…',
  'source.failed': 'Could not load the data: {message}',
  'map.label': 'Map of the communes, wards and towns of Lai Châu province',
  'map.loading': 'Loading the map…',
  'map.noWebgl':
    'This device has no WebGL: the interactive map is not shown. The list, table and target cards still work.',
  'map.tilesError':
    'The boundary layer ({vintage}) could not be loaded. The list, table and target cards still work.',
  'map.summary': 'Year {year}: {units} commune-level units. {summary}',
  'vintage.label': 'Administrative boundaries',
  'vintage.2016': '2016–Jan 2020 (108 units)',
  'vintage.2020': 'Feb 2020–Jun 2025 (106 units)',
  'vintage.2025': 'From 1 Jul 2025 (38 units)',
  'list.title': 'Units',
  'list.search': 'Find a commune, ward or town',
  'list.searchHint': 'Diacritics optional, e.g. “muong te”',
  'list.count': '{n} units',
  'list.count.one': '{n} unit',
  'list.none': 'No unit found.',
  'list.formerUnit': 'formerly: {name}',
  'list.formerDistrict': 'formerly in {name}',
  'panel.close': 'Close',
  'panel.kind': 'Kind',
  'panel.district': 'District',
  'panel.noDistrict': 'No district level (since 1 Jul 2025)',
  'kind.xa': 'Commune',
  'kind.phuong': 'Ward',
  'kind.thi_tran': 'Town',
  'tab.list': 'List',
  'tab.table': 'Planners’ table',
  'tab.targets': 'Targets',
};

export const t = defineMessages(vi, en);

/**
 * The page's title (browser tab, bookmarks, a shared link's preview): the map's title and the province it
 * shows, from the catalogue's one province name.
 */
export function documentTitle(lang: Lang): string {
  return t(lang, 'app.documentTitle', { title: t(lang, 'app.title'), province: t(lang, 'app.province') });
}
