/** Byline splitting (role/author at the title word, subtitles glued in front of the role), inline markup, ids from places. */
import { describe, expect, test } from 'vitest';
import { isBylineLine, splitByline, splitBylineSpaced } from '../../src/import/byline.js';
import { baseId, uniqueIds } from '../../src/import/ids.js';
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

describe('unit and department patterns (round 2)', () => {
  test.each([
    ['持续优化法治化营商环境东川省司法厅厅长王五', '持续优化法治化营商环境', '东川省司法厅厅长', '王五'],
    ['打好服务攻坚战南江市发展改革委主任周八', '打好服务攻坚战', '南江市发展改革委主任', '周八'],
    ['深化改革北山县教育局局长郑九', '深化改革', '北山县教育局局长', '郑九'],
    ['东川省发展改革委主任赵六', null, '东川省发展改革委主任', '赵六'],
  ])('%s', (line, subtitle, role, author) => {
    const p = splitByline(line);
    expect([p.subtitle, p.role, p.author]).toEqual([subtitle, role, author]);
  });

  test('a long role with no unit and title pattern is taken whole, with a warning', () => {
    const p = splitByline('推动高质量发展再上新台阶省政府研究室主任张三');
    expect([p.subtitle, p.role, p.author]).toEqual([null, '推动高质量发展再上新台阶省政府研究室主任', '张三']);
    expect(p.guess).toBe(
      'no unit and title pattern (…省/市/区/县 + 厅/局/委/办 + 厅长/局长/书记/主任…) in “推动高质量发展再上新台阶省政府研究室主任”: all of it taken as the role; a subtitle may be glued to it',
    );
    expect(splitByline('市政府研究室主任张三').guess).toBeNull();
  });

  test('spaced bylines: role　name, padded names, no title word', () => {
    expect(splitBylineSpaced('西部科学城重庆高新区党工委书记　张安疆')).toEqual({
      role: '西部科学城重庆高新区党工委书记',
      author: '张安疆',
    });
    expect(splitBylineSpaced('忠县县委书记　李　电')).toEqual({ role: '忠县县委书记', author: '李电' });
    expect(splitBylineSpaced('市政协委员 王五')).toEqual({ role: '市政协委员', author: '王五' });
    expect(splitBylineSpaced('以数字化变革塑造高质量发展新动能')).toBeNull();
    expect(splitBylineSpaced('会上，江北区委书记 滕宏伟')).toBeNull();
  });
});

describe('ids from the byline’s place', () => {
  test.each([
    ['西部科学城重庆高新区党工委书记', 'x', 'gaoxin'],
    ['江北区委书记', 'x', 'jiangbei'],
    ['长寿区委书记', 'x', 'changshou'],
    ['忠县县委书记', 'x', 'zhongxian'],
    ['彭水苗族土家族自治县委书记', 'x', 'pengshui'],
    ['九龙坡区委书记', 'x', 'jiulongpo'],
    ['两江新区党工委书记', 'x', 'liangjiang'],
    ['东川省司法厅厅长', 'x', 'dongchuan'],
    ['重庆市发展改革委主任', 'x', 'chongqing'],
    ['戊镇镇长', 'x', 'wuzhen'],
    ['市发展改革委主任', '在全市优化营商环境工作会议上的发言', 'zaiquanshiyou'],
    [null, '绿色发展', 'lvsefazhan'],
  ])('%s / %s → %s', (role, title, id) => {
    expect(baseId(role, title)).toBe(id);
  });

  test('ids are unique in the collection', () => {
    const pieces = [
      { role: '江北区委书记', title: 'a' },
      { role: '江北区区长', title: 'b' },
      { role: '江北区委书记', title: 'c' },
    ];
    expect(uniqueIds(pieces)).toEqual(['jiangbei', 'jiangbei-2', 'jiangbei-3']);
  });
});
