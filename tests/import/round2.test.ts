/**
 * Plain text shaped like the seed but from another office (fixtures/import/round2.txt):
 * a subtitle glued to a department head's byline, a two-line headline followed by a
 * subtitle and a byline, and a contents list the pieces found disagree with.
 */
import { describe, expect, test } from 'vitest';
import { importText } from '../../src/import/index.js';
import { SourceError } from '../../src/model/diagnostics.js';
import { accountingGap, file, fixture } from './helpers.js';

const input = fixture('round2.txt').toString('utf8');
const front = (md: string) => md.slice(0, md.indexOf('\n---\n') + 5);
const withoutContents = input
  .split('\n')
  .filter((_, i) => i === 0 || i > 8)
  .join('\n');

describe('plain text, round 2', () => {
  test('a subtitle glued to the byline splits where the unit and department begin (…省 + 司法厅 + 厅长)', () => {
    const r = importText(Buffer.from(input), { fileName: 'round2.txt' });
    expect(front(file(r.files, '01-dongchuan.md'))).toBe(
      '---\ntitle: 以法治之力护航高质量发展\nsubtitle: 持续优化法治化营商环境\nrole: 东川省司法厅厅长\nauthor: 王五\nid: dongchuan\n---\n',
    );
    expect(r.guesses).toContainEqual({
      line: 11,
      message:
        'split “持续优化法治化营商环境东川省司法厅厅长王五” into subtitle “持续优化法治化营商环境”, role “东川省司法厅厅长”, author “王五”',
    });
    expect(accountingGap(input, r.files)).toEqual({ lost: [], added: [] });
  });

  test.each([
    ['with a contents list', input],
    ['without one', withoutContents],
  ])('a two-line headline, a subtitle and a byline start a piece (%s)', (_, text) => {
    const r = importText(Buffer.from(text), { fileName: 'round2.txt' });
    expect(r.pieceCount).toBe(3);
    expect(front(file(r.files, '02-dongchuan-2.md'))).toBe(
      '---\ntitle: 深化改革攻坚激发市场活力\nsubtitle: 在全省营商环境大会上的交流发言\nrole: 东川省发展改革委主任\nauthor: 赵六\nid: dongchuan-2\n---\n',
    );
    // The previous piece ends with its own last paragraph.
    expect(
      file(r.files, '01-dongchuan.md')
        .trimEnd()
        .endsWith('**二、规范执法行为。**推行包容审慎监管，首违不罚事项扩大到一百项。'),
    ).toBe(true);
    expect(r.removed.filter((s) => s.rule === 'subtitle-dash').map((s) => s.text)).toEqual(['——']);
    expect(accountingGap(text, r.files)).toEqual({ lost: [], added: [] });
  });

  test('without a contents list the joined headline is reported with its line', () => {
    const r = importText(Buffer.from(withoutContents), { fileName: 'round2.txt' });
    expect(r.guesses).toContainEqual({
      line: 7,
      message: 'joined “深化改革攻坚” and “激发市场活力” as one title of two lines',
    });
  });

  test('pieces that disagree with the contents list are an error naming both, unless ignoreContents', () => {
    const bad = input.replace(
      '3．东川市市长孙七：\n奋力打造一流营商环境',
      '3．东川市副市长孙七：\n奋力打造一流营商高地',
    );
    let error: unknown = null;
    try {
      importText(Buffer.from(bad), { fileName: 'round2.txt' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SourceError);
    expect((error as SourceError).diagnostics).toEqual([
      {
        severity: 'error',
        file: 'round2.txt',
        line: 2,
        column: 1,
        message:
          'the contents lists 3 entries but 2 pieces were found; not found in the body: entry 3 “奋力打造一流营商高地” (line 7) (check the text, or import with --ignore-contents to keep the pieces found)',
      },
    ]);
    const kept = importText(Buffer.from(bad), { fileName: 'round2.txt', ignoreContents: true });
    expect(kept.pieceCount).toBe(2);
    expect(kept.summary).toContain(
      'round2.txt:2:1: warning: the contents lists 3 entries but 2 pieces were found; not found in the body: entry 3',
    );
  });
});
