/**
 * The leaders' section of the catalogue (see define.ts): the "Chỉ tiêu" view, its sentences
 * (report/text.ts) and the printed report. Only the lazily loaded targets view imports it, so these
 * strings stay out of the first-paint bundle.
 */
import { defineMessages } from './define';

export const tt = defineMessages(
  {
    title: 'Chỉ tiêu giai đoạn 2021–2025',
    province: 'Toàn tỉnh',
    provinceFigure: 'Số liệu toàn tỉnh',
    yearLabel: 'Năm',
    latest: 'Giá trị mới nhất',
    target2025: 'Mục tiêu 2025',
    status: 'Trạng thái',
    noData: 'Chưa có số liệu',
    sources: 'Nguồn',
    link: 'liên kết',
    illustrative: 'minh họa',
    illustrativeBanner:
      'Có số liệu minh họa (không phải số liệu chính thức): mỗi số liệu ghi rõ nguồn hoặc “minh họa”.',
    afterPeriod:
      'Giai đoạn 2021–2025 kết thúc năm 2025: hiển thị số liệu đến năm 2025 (năm đang chọn: {year}).',
    beforePeriod: 'Năm {year} trước giai đoạn 2021–2025: hiển thị số liệu năm gốc 2020.',
    print: 'In báo cáo',
    preparing: 'Đang chuẩn bị ảnh bản đồ…',
    period: 'Tổng kết giai đoạn 2021–2025',
    periodIntro: 'Đánh giá theo số liệu năm 2025 (hoặc năm gần nhất khi chưa có số liệu 2025).',
    indicator: 'Chỉ tiêu',
    result2025: 'Kết quả',
    verdict: 'Đánh giá',
    districts: 'Theo huyện',
    district: 'Huyện',
    value: 'Giá trị',
    chartTable: 'Xem dạng bảng',
    chartTarget: 'Mục tiêu',
    chartPath: 'Lộ trình đều từ 2020',
    chartIllustrative: 'điểm rỗng: số liệu minh họa',
    poorDistricts:
      'Riêng các huyện nghèo: 4 điểm %/năm. Dữ liệu chưa ghi huyện nào là huyện nghèo, nên mỗi huyện được so với mức chung 3 điểm %/năm.',
    t1cDistricts: 'Huyện đạt chuẩn nông thôn mới năm {year}',
    ntmYes: 'Đạt chuẩn',
    ntmNo: 'Chưa đạt',
    since: 'từ năm {year}',
    document: 'Văn bản giao chỉ tiêu',
    documentName:
      'Kết luận số 98-KL/TU ngày 28/4/2021 của Ban Chấp hành Đảng bộ tỉnh Lai Châu, mục 2.1 “Mục tiêu đến năm 2025”',
    noTargets: 'Chưa có danh sách chỉ tiêu trong dữ liệu.',

    // The eight target groups of Kết luận 98-KL/TU, section 2.1 (report/groups.ts).
    'group.1': 'Nông thôn mới, đô thị văn minh',
    'group.2': 'Quỹ “Vì người nghèo”',
    'group.3': 'Giảm nghèo, thu nhập',
    'group.4': 'Văn hóa',
    'group.5': 'Giáo dục',
    'group.6': 'Y tế, dân số',
    'group.7': 'Quy ước thôn, bản; hòa giải',
    'group.8': 'Hệ thống chính trị cơ sở',
    'group.other': 'Nhóm {no}',

    // The period result of a target (report/period-result.ts PeriodVerdict).
    'verdict.met': 'Đạt',
    'verdict.not_met': 'Không đạt',
    'verdict.pending': 'Chưa kết luận',
    'verdict.no_data': 'Chưa có số liệu',
    'verdict.no_target': 'Không có chỉ tiêu',

    // report/text.ts: how far from the target, and the result in one sentence.
    'margin.offBy': 'lệch {dev} so với chỉ tiêu (cho phép {tol})',
    'margin.exactly': 'đúng bằng chỉ tiêu',
    'margin.equalMustExceed': 'bằng mức chỉ tiêu, cần vượt',
    'margin.equalMustUndercut': 'bằng mức chỉ tiêu, cần thấp hơn',
    'margin.exceeded': 'vượt {gap}',
    'margin.short': 'còn thiếu {gap}',
    'margin.below': 'thấp hơn chỉ tiêu {gap}',
    'margin.above': 'cao hơn chỉ tiêu {gap}',
    'result.pending': '{label} ({status}): chưa có số liệu năm {final} (năm {year}: {margin})',
    'result.notFinal': ' (số liệu năm {year})',
    'path.needs': 'Lộ trình đều từ năm 2020: năm {year} cần {sign} {value}',
    'source.illustrativeOnly': 'số liệu minh họa',
    'source.illustrativeFlag': ' — minh họa',
    // The source the database view (indicator_value) gives a figure it computed: report/series.ts.
    'source.computed': 'Tổng hợp từ số liệu đánh giá từng đơn vị (unit_year)',

    // The printed report (PrintReport.svelte).
    'print.title': 'Báo cáo tiến độ thực hiện chỉ tiêu giai đoạn 2021–2025',
    'print.campaign':
      'Cuộc vận động “Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh” — tỉnh Lai Châu',
    'print.mapAlt': 'Bản đồ các xã, phường, thị trấn năm {year}',
    'print.mapUnavailable': 'Không chụp được bản đồ (thiết bị không hỗ trợ WebGL hoặc bản đồ chưa tải xong).',
    'print.mapNotIncluded': 'Bản đồ chưa được đưa vào: dùng nút “In báo cáo” để in kèm bản đồ.',
    'print.printedOn': 'Ngày in',
    'print.asOf': 'Dữ liệu đến ngày',
    'print.warning':
      '⚠ CÓ SỐ LIỆU MINH HỌA — không phải số liệu chính thức. Số liệu minh họa được đánh dấu “mh”.',
    'print.id': 'Mã',
    'print.valueYear': 'Giá trị (năm)',
    'print.illustrativeMark': 'mh',
    'print.marks':
      'Ký hiệu: ✔ đạt · ↗ đúng tiến độ · ▲ có nguy cơ không đạt · ✖ không đạt · ○ chưa có số liệu · … chưa kết luận.',
    'print.footnote':
      '“mh”: số liệu minh họa, không có nguồn chính thức. Trạng thái trước năm 2025 so với lộ trình đều từ năm gốc 2020 đến mục tiêu 2025.',
    'print.map': 'Bản đồ',
  },
  {
    title: '2021–2025 targets',
    province: 'Province',
    provinceFigure: 'Province figure',
    yearLabel: 'Year',
    latest: 'Latest value',
    target2025: '2025 target',
    status: 'Status',
    noData: 'No data',
    sources: 'Sources',
    link: 'link',
    illustrative: 'illustrative',
    illustrativeBanner:
      'Includes illustrative figures (not official): every figure names its source or says “illustrative”.',
    afterPeriod: 'The 2021–2025 period ended in 2025: figures up to 2025 are shown (selected year: {year}).',
    beforePeriod: '{year} is before the 2021–2025 period: the 2020 baseline is shown.',
    print: 'Print report',
    preparing: 'Preparing the map image…',
    period: '2021–2025 result',
    periodIntro: 'Judged on the 2025 figure (or the latest one while 2025 is missing).',
    indicator: 'Indicator',
    result2025: 'Result',
    verdict: 'Assessment',
    districts: 'By district',
    district: 'District',
    value: 'Value',
    chartTable: 'Show as a table',
    chartTarget: 'Target',
    chartPath: 'Straight path from 2020',
    chartIllustrative: 'hollow points: illustrative figures',
    poorDistricts:
      'Poor districts: 4 pp/year. The data does not say which districts are poor, so each district is compared with the general 3 pp/year.',
    t1cDistricts: 'Districts at the NTM standard in {year}',
    ntmYes: 'At the standard',
    ntmNo: 'Not yet',
    since: 'since {year}',
    document: 'Targets set by',
    documentName:
      'Conclusion 98-KL/TU of 28 April 2021, Lai Châu Provincial Party Executive Committee, section 2.1 “Targets to 2025”',
    noTargets: 'The data holds no list of targets.',

    'group.1': 'New rural areas, civilised urban areas',
    'group.2': '“For the poor” fund',
    'group.3': 'Poverty reduction, income',
    'group.4': 'Culture',
    'group.5': 'Education',
    'group.6': 'Health, population',
    'group.7': 'Village conventions, mediation',
    'group.8': 'Grassroots political system',
    'group.other': 'Group {no}',

    'verdict.met': 'Met',
    'verdict.not_met': 'Not met',
    'verdict.pending': 'Not yet known',
    'verdict.no_data': 'No data',
    'verdict.no_target': 'No target',

    'margin.offBy': 'off by {dev} (tolerance {tol})',
    'margin.exactly': 'exactly on target',
    'margin.equalMustExceed': 'equal to the target, which must be exceeded',
    'margin.equalMustUndercut': 'equal to the target, which must be undercut',
    'margin.exceeded': 'exceeded by {gap}',
    'margin.short': 'short by {gap}',
    'margin.below': '{gap} below the target',
    'margin.above': '{gap} above the target',
    'result.pending': '{label} ({status}): no {final} figure yet ({year}: {margin})',
    'result.notFinal': ' ({year} figure)',
    'path.needs': 'Straight path from 2020: {year} needs {sign} {value}',
    'source.illustrativeOnly': 'illustrative figures',
    'source.illustrativeFlag': ' — illustrative',
    'source.computed': 'Computed from the assessment of each unit (unit_year)',

    'print.title': 'Progress report on the 2021–2025 targets',
    'print.campaign':
      'Campaign “The whole people unite to build new rural areas and civilised urban areas” — Lai Châu province',
    'print.mapAlt': 'Map of the communes, wards and towns in {year}',
    'print.mapUnavailable':
      'The map could not be captured (no WebGL on this device, or the map had not loaded).',
    'print.mapNotIncluded': 'The map is not included: use the “Print report” button to print it.',
    'print.printedOn': 'Printed',
    'print.asOf': 'Data as of',
    'print.warning':
      '⚠ INCLUDES ILLUSTRATIVE FIGURES — not official. Illustrative figures are marked “ill.”.',
    'print.id': 'Id',
    'print.valueYear': 'Value (year)',
    'print.illustrativeMark': 'ill.',
    'print.marks':
      'Marks: ✔ met · ↗ on track · ▲ at risk · ✖ missed / not met · ○ no data · … not yet known.',
    'print.footnote':
      '“ill.”: illustrative figure, no official source. Before 2025 the status compares with a straight path from the 2020 baseline to the 2025 target.',
    'print.map': 'Map',
  },
);
