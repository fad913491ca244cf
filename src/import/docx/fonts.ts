/**
 * What a font name says in Chinese official writing: 黑体 (lead phrases, level-1
 * heads), 楷体 (second-level leads, bylines), 小标宋 (titles), 仿宋 (body). Only the
 * role is kept; the template decides the actual fonts.
 */
import type { RunFormat } from './formatting.js';

export type FontClass = 'hei' | 'kai' | 'title' | 'fang' | 'song' | 'other';

export function fontClass(name: string | null): FontClass {
  if (name === null) return 'other';
  if (/小标宋|标宋|XBS|Xiaobiaosong/i.test(name)) return 'title';
  if (/楷|kai/i.test(name)) return 'kai';
  if (/仿宋|fangsong|fang\s*song/i.test(name)) return 'fang';
  if (/黑|hei|yahei|gothic|sans/i.test(name)) return 'hei';
  if (/宋|song|serif|ming/i.test(name)) return 'song';
  return 'other';
}

/** The font class a run's Han text is drawn in (its East Asian font, else its Latin font). */
export function runFontClass(f: RunFormat | null): FontClass {
  return f === null ? 'other' : fontClass(f.eastAsiaFont ?? f.asciiFont);
}
