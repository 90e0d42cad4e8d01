import { describe, expect, it } from 'vitest';
import { sourceLink, sourceLinkText, sourceUrlProblem } from './source-url';

describe('sourceUrlProblem', () => {
  // Issue 20, item 6: each of these got into the database.
  it.each([
    ['https://laichau.gov.vn@evil.example/x', 'userinfo'],
    ['https://user:pw@laichau.gov.vn/', 'userinfo'],
    ['https://laichau.gov.vn/x\u2028', 'whitespace'],
    ['https://laichau.gov.vn/\u200bx', 'whitespace'],
    ['https://laichau.gov.vn/\u00a0x', 'whitespace'],
    ['https://laichau.gov.vn/\u3000x', 'whitespace'],
    ['https://laichau.gov.vn/\u0085x', 'whitespace'],
    ['https://laichau.gov.vn/\u202ex', 'whitespace'],
    ['https://laichau.gov.vn/"><script>alert(1)</script>', 'characters'],
    ['https://laichau.gov.vn/tin-tức', 'characters'],
    ['https://laichau.gov.vn/%zz', 'characters'],
    ['javascript:alert(1)', 'not_http'],
    ['//laichau.gov.vn', 'not_http'],
    ['https://', 'characters'],
    [`https://a.vn/${'x'.repeat(1000)}`, 'too_long'],
  ])('refuses %j (%s)', (url, problem) => {
    expect(sourceUrlProblem(url)).toBe(problem);
  });

  it.each([
    'https://laichau.gov.vn/',
    'http://laichau.gov.vn',
    'HTTPS://LAICHAU.GOV.VN/Tin-Tuc?id=12&x=%E1%BB%A9#muc-2',
    'https://vbpl.vn:8443/laichau/Pages/vbpq-toanvan.aspx?ItemID=1234',
    "https://a.vn/p;v=1/(x)*!$'+,@:~",
  ])('accepts %j', (url) => expect(sourceUrlProblem(url)).toBeNull());
});

describe('sourceLink', () => {
  it('gives the host to show beside the link, in lower case', () => {
    expect(sourceLink('HTTPS://LaiChau.gov.vn:443/a?b#c')).toEqual({
      url: 'HTTPS://LaiChau.gov.vn:443/a?b#c',
      host: 'laichau.gov.vn',
    });
  });

  it('is written after a source on paper with its host', () => {
    expect(sourceLinkText('https://laichau.gov.vn/bc')).toBe(' — laichau.gov.vn: https://laichau.gov.vn/bc');
    expect(sourceLinkText('https://laichau.gov.vn@evil.example/x')).toBe('');
    expect(sourceLinkText(null)).toBe('');
  });

  it('renders no link for an address the rule refuses', () => {
    expect(sourceLink('https://laichau.gov.vn@evil.example/x')).toBeNull();
    expect(sourceLink('javascript:alert(1)')).toBeNull();
    expect(sourceLink(null)).toBeNull();
    expect(sourceLink('')).toBeNull();
  });
});
