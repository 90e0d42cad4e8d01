/**
 * Small controls of the first screen, beside the shell's section (messages.ts): the year slider, the
 * offline badge, the data credits and the editor's sign-in button (the editor itself has editor.ts).
 * Part of the first-paint bundle: keep it short.
 */
import { defineMessages } from './define';

export const tc = defineMessages(
  {
    'year.label': 'Năm',
    'year.play': 'Phát qua các năm',
    'year.pause': 'Tạm dừng',
    'offline.badge': 'Ngoại tuyến',
    'offline.title': 'Không có kết nối mạng: đang dùng dữ liệu đã lưu',
    'credits.title': 'Nguồn dữ liệu',
    'credits.criteria':
      'Bộ tiêu chí: QĐ 1980/QĐ-TTg (2016–2020), QĐ 318/QĐ-TTg (2021–2025), QĐ 51/2025/QĐ-TTg (2026–2030). Chỉ tiêu 2021–2025: Kết luận 98-KL/TU ngày 28/4/2021 của Ban Chấp hành Đảng bộ tỉnh Lai Châu.',
    'credits.figures':
      'Số liệu từng xã là số liệu minh họa, trừ các số liệu có ghi nguồn (ví dụ 39/94 xã đạt chuẩn NTM cuối năm 2022, VOV 29/9/2023).',
    'editor.open': 'Đăng nhập biên tập',
    'editor.loading': 'Đang tải…',
    'editor.needsSupabase':
      'Muốn sửa số liệu, trang phải được kết nối với cơ sở dữ liệu trực tuyến (Supabase); hiện trang đang dùng số liệu lưu kèm ứng dụng, không sửa được.',
    'editor.loadFailed': 'Không tải được phần biên tập: {error}',
  },
  {
    'year.label': 'Year',
    'year.play': 'Play through the years',
    'year.pause': 'Pause',
    'offline.badge': 'Offline',
    'offline.title': 'No network: using saved data',
    'credits.title': 'Data sources',
    'credits.criteria':
      'Criteria sets: QĐ 1980/QĐ-TTg (2016–2020), QĐ 318/QĐ-TTg (2021–2025), QĐ 51/2025/QĐ-TTg (2026–2030). 2021–2025 targets: Conclusion 98-KL/TU of 28 April 2021, Lai Châu Provincial Party Committee.',
    'credits.figures':
      'Per-commune figures are illustrative, except those that name their source (e.g. 39 of 94 communes at the NTM standard at the end of 2022, VOV 29/09/2023).',
    'editor.open': 'Editor sign-in',
    'editor.loading': 'Loading…',
    'editor.needsSupabase':
      'Editing needs the page to be connected to the online database (Supabase); this page uses the data stored with the app, which cannot be edited.',
    'editor.loadFailed': 'The editor could not be loaded: {error}',
  },
);
