/** Byline splitting: role/author at the title word, subtitles glued in front of the role. */
import { describe, expect, test } from 'vitest';
import { isBylineLine, splitByline } from '../../src/import/byline.js';
import { markupParagraph, escapeMarkdown } from '../../src/import/inline.js';

describe('splitByline', () => {
  test.each([
    ['江北区委书记滕宏伟', null, '江北区委书记', '滕宏伟'],
    ['璧山区区长江志斌', null, '璧山区区长', '江志斌'],
    ['西部科学城重庆高新区党工委书记张安疆', null, '西部科学城重庆高新区党工委书记', '张安疆'],
    ['彭水苗族土家族自治县委书记石强', null, '彭水苗族土家族自治县委书记', '石强'],
    ['加快建设现代制造业基地永川区委书记张智奎', '加快建设现代制造业基地', '永川区委书记', '张智奎'],
    ['奋力交出强县富民高分报表忠县县委书记李电', '奋力交出强县富民高分报表', '忠县县委书记', '李电'],
    ['九龙坡区委书记张三', null, '九龙坡区委书记', '张三'],
    ['市发展改革委主任李四', null, '市发展改革委主任', '李四'],
  ])('%s', (line, subtitle, role, author) => {
    const p = splitByline(line);
    expect([p.subtitle, p.role, p.author]).toEqual([subtitle, role, author]);
    expect(p.guess !== null).toBe(subtitle !== null);
  });

  test('sentences and long lines are not bylines', () => {
    expect(isBylineLine('江北区委书记滕宏伟')).toBe(true);
    expect(isBylineLine('会上，江北区委书记滕宏伟')).toBe(false);
    expect(isBylineLine('以数字化变革塑造高质量发展新动能')).toBe(false);
  });
});

describe('leads and emphasis', () => {
  test('sub-topics are emphasised only when two or more follow a lead', () => {
    expect(
      markupParagraph('一、抓产业。做强主导产业。引进项目10个，投资增长5%。做优营商环境。办理时间压减一半，群众满意。'),
    ).toBe('**一、抓产业。***做强主导产业。*引进项目10个，投资增长5%。*做优营商环境。*办理时间压减一半，群众满意。');
    expect(markupParagraph('一、抓产业。做强主导产业。引进项目10个，投资增长5%。')).toBe(
      '**一、抓产业。**做强主导产业。引进项目10个，投资增长5%。',
    );
    expect(markupParagraph('做强主导产业。引进项目10个。做优营商环境。办理时间压减。')).toBe(
      '做强主导产业。引进项目10个。做优营商环境。办理时间压减。',
    );
  });

  test('一是/二是 sentences are emphasised', () => {
    expect(markupParagraph('一是抓招商，做大增量。签约项目61个。二是抓转型，提升存量。完成技改。')).toBe(
      '*一是抓招商，做大增量。*签约项目61个。*二是抓转型，提升存量。*完成技改。',
    );
  });

  test('escaping covers inline syntax and block starts', () => {
    expect(escapeMarkdown('1. 项目*重点*_a_', true)).toBe('1\\. 项目\\*重点\\*\\_a\\_');
    expect(escapeMarkdown('# 不是标题', true)).toBe('\\# 不是标题');
    expect(escapeMarkdown('- 不是列表', true)).toBe('\\- 不是列表');
  });
});
