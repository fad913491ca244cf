/**
 * Bylines of Chinese official speeches (署名): “<role><author>”, the role ending in a
 * title word (书记/区长/县长/主任/局长…). Splits role and author, and recovers a
 * subtitle (副题) that text extraction glued in front of the role
 * (“加快建设现代制造业基地永川区委书记张智奎”).
 */
import { cpLength, SENTENCE_PUNCT } from './chars.js';

/** Title words a role ends with; longer alternatives first so that 党工委书记 wins over 书记. */
export const TITLE_WORDS: readonly string[] = [
  '党工委书记',
  '党组书记',
  '党委书记',
  '副书记',
  '书记',
  '副区长',
  '区长',
  '副县长',
  '县长',
  '副市长',
  '市长',
  '副州长',
  '州长',
  '副省长',
  '省长',
  '副镇长',
  '镇长',
  '副乡长',
  '乡长',
  '副主任',
  '主任',
  '副局长',
  '局长',
  '副厅长',
  '厅长',
  '副部长',
  '部长',
  '副主席',
  '主席',
  '副院长',
  '院长',
  '副校长',
  '校长',
  '董事长',
  '总经理',
  '社长',
  '署长',
  '会长',
  '秘书长',
  '行长',
  '检察长',
  '处长',
  '所长',
  '台长',
  '主委',
];

const TITLE_ALT = TITLE_WORDS.join('|');
/** Whole byline: role (ends in a title word) + author of 2–4 Han characters (· allowed). */
const BYLINE = new RegExp(`^(.+?(?:${TITLE_ALT}))([\\p{Script=Han}·]{2,4})$`, 'u');
const ROLE_ONLY = new RegExp(`^(.+(?:${TITLE_ALT}))$`, 'u');
/** Role, optional spaces, author of 2–4 Han characters that may be padded with spaces. */
const BYLINE_SPACED = new RegExp(`^(.+?(?:${TITLE_ALT}))[\\s\\u3000]*((?:[\\p{Script=Han}·][\\s\\u3000]*){2,4})$`, 'u');

/**
 * What follows the administrative unit (区/县/市/省…) up to the end of a role: the
 * Party committee or government (区委, 党工委, 政府…) or a department (司法厅,
 * 发展改革委, 办公室…), then the title word.
 */
const ORG_TAIL = new RegExp(
  `^(?:[区县市州]委|党工委|党委|工委|委|政府|人大常委会|人大|政协|\\p{Script=Han}{1,8}?(?:厅|局|委员会|委|办公室|办|部|院|署|中心))?(?:${TITLE_ALT})$`,
  'u',
);
/** A role longer than this with no unit/role pattern may have a subtitle glued to it. */
const LONG_ROLE = 14;
const UNIT = /[区县市州旗盟省镇乡]/u;
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

/** Index of the administrative unit character (区/县/市/省…) a role's organisation follows, or -1. */
function unitIndex(chars: readonly string[]): number {
  for (let i = 1; i < chars.length; i++) {
    if (UNIT.test(chars[i]) && ORG_TAIL.test(chars.slice(i + 1).join(''))) return i;
  }
  return -1;
}

/**
 * Split a role into a glued-on subtitle and the real role: the place name before the
 * unit (区/县…) is taken as 2 characters (1 when the unit repeats: 忠县县委), extended
 * over “…族自治”; a remaining prefix of ≥ 4 characters that does not itself end like a
 * place name is the subtitle.
 */
export function splitRolePrefix(role: string): { subtitle: string | null; role: string } {
  const chars = Array.from(role);
  const i = unitIndex(chars);
  if (i >= 0) {
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
  }
  return { subtitle: null, role };
}

/** Higher-level place names a role may begin with before its own place (西部科学城重庆高新区 → 高新区). */
const HIGHER_PLACE =
  /(?:北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|贵州|云南|陕西|甘肃|青海|内蒙古|广西|西藏|宁夏|新疆|[省市州盟])$/u;
/** Administrative suffixes dropped from a place name, longest first (unless one character would remain). */
/** The 55 ethnic minorities' names as they appear in autonomous place names (彭水苗族土家族自治县). */
const ETHNIC =
  '蒙古|回|藏|维吾尔|苗|彝|壮|布依|朝鲜|满|侗|瑶|白|土家|哈尼|哈萨克|傣|黎|傈僳|佤|畲|高山|拉祜|水|东乡|纳西|景颇|柯尔克孜|土|达斡尔|仫佬|羌|布朗|撒拉|毛南|仡佬|锡伯|阿昌|普米|塔吉克|怒|乌孜别克|俄罗斯|鄂温克|德昂|保安|裕固|京|塔塔尔|独龙|鄂伦春|赫哲|门巴|珞巴|基诺|各';
const PLACE_SUFFIX = [
  new RegExp(`(?:(?:${ETHNIC})族)+自治[县州旗区]$`, 'u'),
  /自治[县州旗区]$/u,
  /特别行政区$/u,
  /新区$/u,
  /[省市区县州旗盟镇乡]$/u,
];

/**
 * The place a role names, without its administrative suffix (西部科学城重庆高新区党工委书记 →
 * 高新, 彭水苗族土家族自治县委书记 → 彭水, 忠县县委书记 → 忠县), or null.
 */
export function placeOfRole(role: string): string | null {
  const chars = Array.from(role);
  const i = unitIndex(chars);
  if (i < 0) return null;
  let place = chars.slice(0, i + 1);
  // The place begins after the last higher-level name before it, if any remains.
  for (let j = place.length - 2; j >= 1; j--) {
    if (HIGHER_PLACE.test(place.slice(0, j).join('')) && place.length - j >= 2) {
      place = place.slice(j);
      break;
    }
  }
  const text = place.join('');
  for (const suffix of PLACE_SUFFIX) {
    const stem = text.replace(suffix, '');
    if (stem !== text && cpLength(stem) >= 2) return stem;
  }
  return text;
}

/**
 * A byline written with a space between role and name (`role　name`, `role name`;
 * names padded to three cells, `李　电`, are joined), or without one when the role
 * ends in a known title word. Null when the text is not a byline.
 */
export function splitBylineSpaced(text: string): { role: string; author: string } | null {
  const t = text.trim();
  if (t === '' || SENTENCE_PUNCT.test(t) || cpLength(t) > 45) return null;
  const squeeze = (s: string) => s.replace(/[\s\u3000]+/gu, '');
  const m = BYLINE_SPACED.exec(t);
  if (m) return { role: squeeze(m[1]), author: squeeze(m[2]) };
  const s = /^(\S.*?\S)[\s\u3000]+([\p{Script=Han}·](?:[\s\u3000]?[\p{Script=Han}·]){1,3})$/u.exec(t);
  if (s && !/[\s\u3000]/u.test(s[1].slice(-1))) return { role: squeeze(s[1]), author: squeeze(s[2]) };
  return null;
}

/**
 * Split a byline line. `contentsByline` (the contents entry's text before “：”) is used
 * when the body line lacks it; when the contents byline ends with the body line, the
 * extra front is the subtitle.
 */
export function splitByline(text: string): BylineParts {
  const m = BYLINE.exec(text);
  const roleText = m ? m[1] : ROLE_ONLY.test(text) ? text : null;
  if (roleText === null)
    return {
      subtitle: null,
      role: null,
      author: text,
      guess: `byline “${text}” has no known title word; taken as the author`,
    };
  const author = m ? m[2] : null;
  const { subtitle, role } = splitRolePrefix(roleText);
  let guess: string | null = null;
  if (subtitle) guess = `split “${text}” into subtitle “${subtitle}”, role “${role}”, author “${author ?? ''}”`;
  else if (cpLength(role) > LONG_ROLE && unitIndex(Array.from(role)) < 0) {
    guess = `no unit and title pattern (…省/市/区/县 + 厅/局/委/办 + 厅长/局长/书记/主任…) in “${role}”: all of it taken as the role; a subtitle may be glued to it`;
  }
  return { subtitle, role, author, guess };
}
