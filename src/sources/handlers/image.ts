/**
 * mdast `image` / `imageReference` standing alone in a paragraph → ImageBlock
 * (PNG/JPEG, local, inside the collection: ../image-path.ts). An image inside
 * running text is an error: the model has block images only.
 */
import type { Image, ImageReference } from 'mdast';
import type { ImageBlock } from '../../model/types.js';
import { resolveImage } from '../image-path.js';
import { posOf, type Ctx, type InlineHandler } from './context.js';

export function imageBlock(node: Image | ImageReference, ctx: Ctx): ImageBlock | null {
  const pos = posOf(node, ctx);
  let url: string;
  let title: string | null | undefined;
  if (node.type === 'image') {
    url = node.url;
    title = node.title;
  } else {
    const def = ctx.definitions.get(node.identifier);
    if (!def) {
      ctx.diags.error(pos, `image reference "${node.label ?? node.identifier}" has no definition`);
      return null;
    }
    url = def.url;
    title = def.title;
  }
  if (!ctx.images) {
    ctx.diags.error(pos, `image "${url}" cannot be used here: images need a collection folder`);
    return null;
  }
  const img = resolveImage(url, pos, ctx.images, ctx.diags);
  if (!img) return null;
  const alt = node.alt ?? '';
  return {
    kind: 'image',
    src: img.src,
    format: img.format,
    widthPx: img.widthPx,
    heightPx: img.heightPx,
    alt,
    caption: title ?? alt,
    pos,
  };
}

/** An image inside running text. */
export const inlineImage: InlineHandler<Image | ImageReference> = (node, ctx) => {
  ctx.diags.error(posOf(node, ctx), 'an image must stand alone in its own paragraph');
  return [];
};
