/** A thematic break: a page break, or the template's centred mark, as `thematicBreak` says. */
import { THEMATIC_BREAK_MARK } from '../../template/index.js';
import { addParagraph } from '../blocks.js';
import { spanOf } from '../spans.js';
import type { BlockHandler } from './context.js';

export const thematicBreak: BlockHandler<'thematicBreak'> = (env, b, block, frame) => {
  const { t } = env;
  if (t.thematicBreak === 'page') b.pageBreak();
  else
    addParagraph(env, b, {
      content: [spanOf(THEMATIC_BREAK_MARK, t.styles.body, block.pos)],
      style: t.styles.body,
      frame,
      splittable: false,
      keepWithNext: false,
      align: 'center',
      firstIndentPt: 0,
    });
};
