/**
 * Getting around the main screen: skip links, the unit list's keys, the phone's unit sheet. Part of the
 * first-paint bundle: keep it short.
 */
import { defineMessages } from './define';

export const tn = defineMessages(
  {
    'skip.map': 'Đến bản đồ',
    'skip.list': 'Đến danh sách đơn vị',
    'list.keys': 'Dùng phím mũi tên lên, xuống, Home, End để chọn trong danh sách; Enter để mở.',
    'list.scrollMore': 'Cuộn để xem thêm',
    'sheet.expand': 'Mở rộng thông tin đơn vị',
    'sheet.collapse': 'Thu gọn thông tin đơn vị',
  },
  {
    'skip.map': 'Skip to the map',
    'skip.list': 'Skip to the list of units',
    'list.keys': 'Use the up and down arrows, Home and End to move in the list; Enter to open.',
    'list.scrollMore': 'Scroll for more',
    'sheet.expand': 'Expand the unit details',
    'sheet.collapse': 'Collapse the unit details',
  },
);
