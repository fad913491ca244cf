/**
 * Never silent loss, as a property: for generated compilations with watermarks, adverts,
 * paywall markers, page numbers, hard wraps, indentation and stray spaces, the input's
 * non-whitespace characters equal the sources' text plus the removed text.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { importText } from '../../src/import/index.js';
import { accountingGap } from './helpers.js';

const han = fc.constantFrom(...'发展改革创新产业项目服务建设推动城市乡村经济数字治理企业人才生态'.split(''));
const word = fc.array(han, { minLength: 2, maxLength: 8 }).map((a) => a.join(''));
const mark = fc.constantFrom('，', '、', '“', '”', '12', '%', '*', '_', '<', '[', '&', ' ', '\u3000');
const sentence = fc
  .array(fc.oneof({ weight: 4, arbitrary: word }, { weight: 1, arbitrary: mark }), { minLength: 1, maxLength: 6 })
  .map((a) => a.join('') + '。');
const noise = fc.constantFrom(
  'AB12345整理。',
  '##paidbegin##',
  '【某某素材库】加入请联系：123',
  '欢迎加入，添加客服：abc1',
  '- 3 -',
  '第2页',
);
const paragraph = fc
  .tuple(fc.array(sentence, { minLength: 1, maxLength: 4 }), fc.option(noise), fc.boolean(), fc.nat(30))
  .map(([ss, n, indent, cut]) => {
    let text = ss.join('') + (n ?? '');
    // hard-wrap somewhere inside
    const chars = Array.from(text);
    if (cut > 0 && cut < chars.length) text = chars.slice(0, cut).join('') + '\n' + chars.slice(cut).join('');
    return (indent ? '\u3000\u3000' : '') + text;
  });
const piece = fc.tuple(
  word,
  fc.constantFrom('区委书记', '县长', '局长'),
  word,
  fc.array(paragraph, { minLength: 1, maxLength: 4 }),
);

const compilation = fc
  .tuple(fc.array(piece, { minLength: 1, maxLength: 4 }), fc.boolean(), fc.boolean())
  .map(([pieces, contents, blank]) => {
    const sep = blank ? '\n\n' : '\n';
    const lines: string[] = [`测试材料汇编（${pieces.length}篇）`];
    if (contents) {
      lines.push('目录');
      pieces.forEach(([title, role, author], i) =>
        lines.push(`${i + 1}．某${role}${author.slice(0, 3)}：`, `${title}标题……${i + 1}`),
      );
    }
    for (const [title, role, author, paras] of pieces) {
      lines.push(`${title}标题`, `某${role}${author.slice(0, 3)}`, ...paras);
    }
    return { text: lines.join(sep) + '\n', pieces: pieces.length };
  });

describe('accounting property', () => {
  test('every input character is in the sources or the removed list', () => {
    fc.assert(
      fc.property(compilation, ({ text, pieces }) => {
        const r = importText(Buffer.from(text), { fileName: 'gen.txt' });
        expect(r.pieceCount).toBe(pieces);
        expect(accountingGap(text, r.files)).toEqual({ lost: [], added: [] });
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 80) },
    );
  });
});
