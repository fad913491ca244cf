/**
 * Bylines of Chinese official speeches (署名): “<role><author>”, the role ending in a
 * title word (书记/区长/县长/主任/局长…). Splits role and author, and recovers a
 * subtitle (副题) that text extraction glued in front of the role
 * (“加快建设现代制造业基地永川区委书记张智奎”).
 */
import { cpLength, SENTENCE_PUNCT } from './chars.js';

/** Title words a role ends with; longer alternatives first so that 党工委书记 wins over 书记. */
export const TITLE_WORDS: readonly string[] = [
  '党工委书记', '党组书记', '党委书记', '副书记', '书记',
  '副区长', '区长', '副县长', '县长', '副市长', '市长', '副州长', '州长', '副省长', '省长',
  '副镇长', '镇长', '副乡长', '乡长', '副主任', '主任', '副局长', '局长', '副厅长', '厅长',
  '副部长', '部长', '副主席', '主席', '副院长', '院长', '副校长', '校长', '董事长', '总经理',
  '社长', '署长', '会长', '秘书长', '行长', '检察长', '处长', '所长', '台长', '主委',
];

const TITLE_ALT = TITLE_WORDS.join('|');
/** Whole byline: role (ends in a title word) + author of 2–4 Han characters (· allowed). */
const BYLINE = new RegExp(`^(.+?(?:${TITLE_ALT}))([\\p{Script=Han}·]{2,4})$`, 'u');
const ROLE_ONLY = new RegExp(`^(.+(?:${TITLE_ALT}))$`, 'u');

/** What follows the administrative unit (区/县/市…) up to the end of a role. */
const ORG_TAIL = new RegExp(`^(?:[区县市州]委|党工委|党委|工委|委|政府|人大常委会|人大|政协)?(?:${TITLE_ALT})$`, 'u');
const UNIT = /[区县市州旗盟省]/u;
/** A prefix ending like this is part of the place name, not a subtitle. */
const PLACE_END =
  /(?:省|市|区|县|城|州|镇|乡|北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|贵州|云南|陕西|甘肃|青海|台湾|内蒙古|广西|西藏|宁夏|新疆|香港|澳门)$/u;

export interface BylineParts {
  readonly subtitle: string | null;
  readonly role: string | null;
  readonly author: string | null;
  /** Set when the split rests on a heuristic the user should check. */
  readonly guess: string | null;
}

/** Does this line look like a byline (no sentence punctuation, short, role + author)? */
export function isBylineLine(text: string): boolean {
  if (SENTENCE_PUNCT.test(text) || cpLength(text) > 45) return false;
  return BYLINE.test(text) || ROLE_ONLY.test(text);
}

/**
 * Split a role into a glued-on subtitle and the real role: the place name before the
 * unit (区/县…) is taken as 2 characters (1 when the unit repeats: 忠县县委), extended
 * over “…族自治”; a remaining prefix of ≥ 4 characters that does not itself end like a
 * place name is the subtitle.
 */
export function splitRolePrefix(role: string): { subtitle: string | null; role: string } {
  const chars = Array.from(role);
  for (let i = 1; i < chars.length; i++) {
    if (!UNIT.test(chars[i])) continue;
    const tail = chars.slice(i + 1).join('');
    if (!ORG_TAIL.test(tail)) continue;
    const region = chars.slice(0, i).join('');
    let stem: number;
    const autonomous = /[\p{Script=Han}]{2}(?:[\p{Script=Han}]{1,3}族)*自治$/u.exec(region);
    if (autonomous) stem = cpLength(autonomous[0]);
    else if (chars[i + 1] === chars[i]) stem = 1;
    else stem = Math.min(2, i);
    const prefix = chars.slice(0, i - stem).join('');
    if (cpLength(prefix) >= 4 && !PLACE_END.test(prefix) && !/[委党]/.test(prefix)) {
      return { subtitle: prefix, role: chars.slice(i - stem).join('') };
    }
    return { subtitle: null, role };
  }
  return { subtitle: null, role };
}

/**
 * Split a byline line. `contentsByline` (the contents entry's text before “：”) is used
 * when the body line lacks it; when the contents byline ends with the body line, the
 * extra front is the subtitle.
 */
export function splitByline(text: string): BylineParts {
  const m = BYLINE.exec(text);
  const roleText = m ? m[1] : ROLE_ONLY.test(text) ? text : null;
  if (roleText === null) return { subtitle: null, role: null, author: text, guess: `byline “${text}” has no known title word; taken as the author` };
  const author = m ? m[2] : null;
  const { subtitle, role } = splitRolePrefix(roleText);
  return {
    subtitle,
    role,
    author,
    guess: subtitle ? `split “${text}” into subtitle “${subtitle}”, role “${role}”, author “${author ?? ''}”` : null,
  };
}
