/**
 * Issue 20, item 6: deceptive source links. Each address below was stored before; each is now refused
 * by direct writes and through the import function, leaving every writable table byte-identical. The
 * database's pattern is the browser's (src/lib/domain/source-url.ts), checked here.
 */
import { describe, expect, it } from 'vitest';
import { SOURCE_URL_PATTERN, sourceUrlProblem } from '../../src/lib/domain/source-url';
import { PROVINCE_EDITOR, asRole, attempt, useClients } from './helpers';
import { META, importRow, importRows, refused } from './refused';

const db = useClients();

const ATTACKS: [string, string][] = [
  ['https://laichau.gov.vn@evil.example/x', 'không được có tên người dùng'],
  ['https://laichau.gov.vn/bc\u2028', 'chứa khoảng trắng'],
  ['https://laichau.gov.vn/\u200bbc', 'chứa khoảng trắng'],
  ['https://laichau.gov.vn/\u00a0bc', 'chứa khoảng trắng'],
  ['https://laichau.gov.vn/\u3000bc', 'chứa khoảng trắng'],
  ['https://laichau.gov.vn/\u0085bc', 'chứa khoảng trắng'],
  ['https://laichau.gov.vn/\u202ecb', 'chứa khoảng trắng'],
  ['https://laichau.gov.vn/"><script>alert(1)</script>', 'chứa khoảng trắng'],
];

describe('item 6: source_url is an http(s) address in RFC 3986 characters, with no user information', () => {
  it.each(ATTACKS)('%j is refused, directly and through the import', async (url, message) => {
    const direct = await refused(db.admin, PROVINCE_EDITOR, (q) =>
      attempt(q, `update public.indicator_observation set source_url = $1`, [url]),
    );
    expect(direct.outcome).toMatchObject({
      ok: false,
      code: '23514',
      message: expect.stringContaining(`Đường dẫn nguồn ${message}`),
    });
    expect(direct.same).toBe(true);
    const viaImport = await refused(db.admin, PROVINCE_EDITOR, (q) =>
      importRows(q, [importRow()], { ...META, source_url: url }),
    );
    expect(viaImport.outcome).toMatchObject({ ok: false, code: '23514' });
    expect(viaImport.same).toBe(true);
  });

  it('an ordinary address, percent-encoded Vietnamese included, is stored', async () => {
    const r = await asRole(db.api, PROVINCE_EDITOR, (q) =>
      attempt(q, `update public.indicator_observation set source_url = $1 where year = 2024`, [
        'https://laichau.gov.vn/tin-tuc/b%C3%A1o-c%C3%A1o?id=12&nam=2024#muc-2',
      ]),
    );
    expect(r).toMatchObject({ ok: true });
  });

  it('the CHECK constraint holds without the triggers too', async () => {
    await db.admin.query('begin');
    try {
      await db.admin.query(`set local session_replication_role = replica`);
      const q = db.admin.query.bind(db.admin) as Parameters<typeof attempt>[0];
      const r = await attempt(q, `update public.unit_assessment set source_url = $1 where year = 2020`, [
        'https://laichau.gov.vn@evil.example/',
      ]);
      expect(r).toMatchObject({
        ok: false,
        message: expect.stringContaining('unit_assessment_source_url_rfc3986'),
      });
    } finally {
      await db.admin.query('rollback');
    }
  });

  it('uses the browser’s pattern and agrees with it on every address here (one query)', async () => {
    const urls = [
      ...ATTACKS.map(([u]) => u),
      'https://a.vn',
      'HTTP://A.VN:8080/x?y#z',
      'https://a.vn/%zz',
      'https://a.vn/tin-tức',
      'https://user@a.vn',
      'ftp://a.vn',
      "https://a.vn/p;v=1/(x)*!$'+,@:~",
      'https://a.vn/[x]',
      'https://a.vn/x y',
      'https://a.vn/x\\y',
      'https://a.vn/x{y}',
      'https://a.vn/x|y',
      'https://a.vn/x^y',
      'https://a.vn/x`y',
      'https://',
    ];
    const r = await db.admin.query<{ pattern: string; ok: boolean[] }>(
      `select private.source_url_pattern() as pattern,
              array(select private.source_url_problem(u) is null from unnest($1::text[]) with ordinality x(u, n) order by n) as ok`,
      [urls],
    );
    expect(r.rows[0]!.pattern).toBe(SOURCE_URL_PATTERN);
    expect(r.rows[0]!.ok).toEqual(urls.map((u) => sourceUrlProblem(u) === null));
  });
});
