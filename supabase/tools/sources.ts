/**
 * The real sources the sample data cites, from data/reference/SOURCES.md (ids S31…S49 there).
 * `source` starts with the id so a reader can find the entry and its confidence note.
 */
export interface SourceRef {
  source: string;
  source_url: string | null;
  source_date: string | null;
}

export const SOURCES = {
  S31: {
    source:
      '[S31] VOV, "Gian nan bài toán giữ chuẩn nông thôn mới ở Lai Châu" (39/94 xã đạt chuẩn NTM cuối năm 2022)',
    source_url:
      'https://vov.gov.vn/gian-nan-bai-toan-giu-chuan-nong-thon-moi-o-lai-chau-2992023-dtnew-498818',
    source_date: '2023-09-29',
  },
  S42: {
    source:
      '[S42] Báo Dân tộc và Phát triển, "Bước chuyển mình ở Lai Châu" (tỷ lệ hộ nghèo 36,9% đầu năm 2016)',
    source_url: 'https://baodantoc.vn/buoc-chuyen-minh-o-lai-chau-1600224315004.htm',
    source_date: '2020-09-16',
  },
  S43: {
    source:
      '[S43] "Đơn vị cấp huyện/thị đầu tiên của tỉnh Lai Châu về đích nông thôn mới", 29/12/2019 ' +
      '(đọc qua bản sao; bản gốc có lẽ trên baotintuc.vn)',
    source_url:
      'https://88tysobongda.com/kinh-te/don-vi-cap-huyen-thi-dau-tien-cua-tinh-lai-chau-ve-dich-nong-thon-moi-20191229082124892.htm',
    source_date: '2019-12-29',
  },
  S46: {
    source:
      '[S46] Báo Dân sinh, "Tỷ lệ hộ nghèo của Lai Châu giảm nhanh, bình quân 4,78%/năm" (đọc qua bản sao)',
    source_url:
      'https://baodansinh.vn/ty-le-ho-ngheo-cua-lai-chau-giam-nhanh-binh-quan-478-nam-20210310162148788.htm',
    source_date: '2021-03-10',
  },
  S47: {
    source:
      '[S47] Tạp chí Xây dựng Đảng, "Lai Châu có tỷ lệ hộ nghèo giảm nhanh nhất cả nước giai đoạn 2006–2021"',
    source_url:
      'https://xaydungdang.org.vn/nhan-quyen-va-cuoc-song/lai-chau-co-ty-le-ho-ngheo-giam-nhanh-nhat-ca-nuoc-giai-doan-2006-2021-17554',
    source_date: null,
  },
  S48: {
    source:
      '[S48] Ngôi Sao, tỷ lệ hộ nghèo cuối năm 2024: 19,46% (một nguồn thứ cấp, năm có thể chưa chính xác)',
    source_url:
      'https://m.ngoisao.vn/theo-dong-su-kien/kien-thuc/tinh-nao-cua-viet-nam-co-ti-le-giam-ngheo-nhanh-nhat-448566.htm',
    source_date: null,
  },
  S49: {
    source:
      '[S49] Vietnam News Gazette (theo TTXVN), 11/2023: tỷ lệ hộ nghèo giảm bình quân 3,4%/năm giai đoạn 2021–2023',
    source_url:
      'https://www.vietnamnewsgazette.com/vietnamese-prime-minister-urges-lai-chau-for-fast-sustainable-growth/',
    source_date: null,
  },
} as const satisfies Record<string, SourceRef>;

/** Two sources behind one derived figure. */
export function combined(a: SourceRef, b: SourceRef, how: string): SourceRef {
  return {
    source: `${how}: ${a.source}; ${b.source}`,
    source_url: a.source_url,
    source_date: b.source_date ?? a.source_date,
  };
}
