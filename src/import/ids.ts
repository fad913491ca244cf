/**
 * Piece ids (the handout file names, `gaoxin`, `jiangbei`): the pinyin (pinyin-pro,
 * word-aware for polyphones: 长寿 → changshou) of the place the byline's role names,
 * its administrative suffix dropped unless one character would remain (高新区 →
 * gaoxin, 忠县 → zhongxian, 彭水苗族土家族自治县 → pengshui); else of the title's
 * first characters. Unique within the collection (`-2`, `-3` appended).
 */
import { pinyin } from 'pinyin-pro';
import { placeOfRole } from './byline.js';
import { isOneHan } from '../model/cjk.js';

/** Characters of the title an id is made from when the role names no place. */
const TITLE_CHARS = 4;

function toPinyin(text: string): string {
  const han = Array.from(text).filter(isOneHan).join('');
  if (han === '')
    return text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
  return pinyin(han, { toneType: 'none', type: 'array', v: true })
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** The id a piece would get on its own. */
export function baseId(role: string | null, title: string): string {
  const place = role === null ? null : placeOfRole(role);
  if (place !== null) {
    const id = toPinyin(place);
    if (id !== '') return id;
  }
  const head = Array.from(title.replace(/[^\p{Script=Han}A-Za-z0-9]/gu, ''))
    .slice(0, TITLE_CHARS)
    .join('');
  return toPinyin(head) || 'piece';
}

/** Ids for pieces in order, made unique with `-2`, `-3`, … */
export function uniqueIds(pieces: readonly { role: string | null; title: string }[]): string[] {
  const used = new Set<string>();
  return pieces.map((p) => {
    const base = baseId(p.role, p.title);
    let id = base;
    for (let k = 2; used.has(id); k++) id = `${base}-${k}`;
    used.add(id);
    return id;
  });
}
