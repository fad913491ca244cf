/** A code block: one set line per source line (an empty one keeps its height), left-aligned, never justified. */
import type { SetLine } from '../paragraph-types.js';
import { pitchPt } from '../geometry.js';
import { warnOverfull } from '../overfull.js';
import { spanOf } from '../spans.js';
import type { BlockHandler } from './context.js';

export const code: BlockHandler<'code'> = (env, b, block, frame) => {
  const { t } = env;
  const style = t.styles.code;
  const lines: SetLine[] = [];
  const xPt = frame.leftPt + style.leftIndentPt;
  const widthPt = env.area.widthPt - xPt - frame.rightPt - style.rightIndentPt;
  block.lines.forEach((text, k) => {
    const at = { ...block.pos, line: block.pos.line + 1 + k, column: 1 };
    const content = text ? [spanOf(text, style, at)] : [spanOf('\u3000', style, at)];
    const set = env.set(content, {
      widthPt,
      firstIndentPt: 0,
      restIndentPt: 0,
      align: 'left',
      kinsoku: t.kinsoku,
      maxGapStretchEm: t.maxGapStretchEm,
      fonts: env.fonts,
      trailer: null,
      charPitchPt: null,
    });
    warnOverfull(env.diag, content, set, widthPt, 0, 0);
    lines.push(...set);
  });
  b.addLines(lines, {
    xPt,
    pitchPt: pitchPt(t, style),
    spaceBeforePt: style.spaceBeforePt,
    spaceAfterPt: style.spaceAfterPt,
    splittable: true,
    keepWithNext: false,
  });
};
