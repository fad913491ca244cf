/**
 * An image: scaled to the measure (aspect kept, never taller than the type area less its
 * caption), centred, never split, its box rounded up to whole grid lines; then its caption.
 */
import * as path from 'node:path';
import { addParagraph } from '../blocks.js';
import { pitchPt } from '../geometry.js';
import { spanOf } from '../spans.js';
import type { BlockHandler } from './context.js';

export const image: BlockHandler<'image'> = (env, b, img, frame) => {
  const { t, area } = env;
  const caption = t.styles.caption;
  const measurePt = area.widthPt - frame.leftPt - frame.rightPt;
  const captionPt = img.caption ? pitchPt(t, caption) + caption.spaceBeforePt : 0;
  const ratio = img.heightPx / Math.max(1, img.widthPx);
  // CSS px → pt at 96 dpi; never wider than the measure, never taller than the type area less its caption.
  let widthPt = Math.min(img.widthPx * 0.75, measurePt);
  let heightPt = widthPt * ratio;
  const maxH = area.heightPt - captionPt;
  if (heightPt > maxH) {
    heightPt = maxH;
    widthPt = heightPt / ratio;
  }
  const g = t.grid?.linePitchPt;
  const boxPt = g ? Math.ceil(heightPt / g - 0.001) * g : heightPt;
  const xPt = frame.leftPt + (measurePt - widthPt) / 2;
  b.addImage(
    path.resolve(env.dir, img.src),
    xPt,
    widthPt,
    heightPt,
    boxPt,
    caption.spaceBeforePt,
    img.caption ? 0 : caption.spaceAfterPt,
    !!img.caption,
  );
  if (img.caption)
    addParagraph(env, b, {
      content: [spanOf(img.caption, caption, img.pos)],
      style: { ...caption, spaceBeforePt: 0 },
      frame,
      splittable: false,
      keepWithNext: false,
      align: 'center',
      firstIndentPt: 0,
    });
};
