/** The shared rule for breaking URLs and e-mail addresses (PDF breaker and DOCX alike). */
import { describe, expect, it } from 'vitest';
import { findUrls, isUrl, markUrlBreaks, urlBreakOffsets } from '../../../src/layout/index.js';

const found = (text: string) => findUrls(text).map((s) => text.slice(s.start, s.end));
const pieces = (url: string) => markUrlBreaks(url, '|').split('|');

describe('findUrls', () => {
  it('finds URLs and e-mail addresses in Chinese text, without the sentence’s punctuation', () => {
    expect(found('登录https://zwfw.cq.gov.cn/a?b=1办理，或发邮件至a.b_c@x-y.gov.cn。')).toEqual([
      'https://zwfw.cq.gov.cn/a?b=1',
      'a.b_c@x-y.gov.cn',
    ]);
    expect(found('访问www.cq.gov.cn/zwgk.html，或cq.gov.cn/zwgk/。')).toEqual([
      'www.cq.gov.cn/zwgk.html',
      'cq.gov.cn/zwgk/',
    ]);
    expect(found('（见 https://a.cn/x）')).toEqual(['https://a.cn/x']);
  });

  it('leaves numbers, versions and plain words alone', () => {
    expect(found('增长8.6%，1,286.4亿元，5G，v2.0，Node.js，e.g. 2023.10')).toEqual([]);
    expect(isUrl('https://a.cn/x')).toBe(true);
    expect(isUrl('a@b.cn')).toBe(true);
    expect(isUrl('GDP')).toBe(false);
  });
});

describe('urlBreakOffsets', () => {
  it('breaks after / ? & = # _ . and before @, not between two slashes or two such marks', () => {
    expect(pieces('https://zwfw.cq.gov.cn/a/?code=1&type=x#top')).toEqual([
      'https://',
      'zwfw.',
      'cq.',
      'gov.',
      'cn/',
      'a/?',
      'code=',
      '1&',
      'type=',
      'x#',
      'top',
    ]);
    expect(pieces('service_center.gov@big-data.cn')).toEqual(['service_', 'center.', 'gov', '@big-data.', 'cn']);
  });

  it('never breaks at either end or adds anything', () => {
    for (const url of ['a.', '/a', '@a', 'https://x.cn/', 'a@b.cn']) {
      const offsets = urlBreakOffsets(url);
      expect(offsets.every((k) => k > 0 && k < url.length)).toBe(true);
      expect(pieces(url).join('')).toBe(url);
    }
  });
});
