/**
 * Image references in pieces (docs/sources.md “Images”): local PNG/JPEG files inside the collection
 * folder only. Remote URLs (`http:`, `https:`, `//`, any scheme), absolute paths,
 * paths that leave the folder — lexically (`..`) or through a symlink (checked with
 * realpath) — and files that are not PNG/JPEG are errors.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Pos } from '../model/types.js';
import type { Diagnostics } from '../model/diagnostics.js';
import { MAX_IMAGE_PIXELS, imageDamage, readImageHeader, type ImageHeader } from './image-header.js';

export interface ResolvedImage extends ImageHeader {
  /** Relative to the collection folder, with `/` separators. */
  readonly src: string;
}

export interface ImageScope {
  /** Absolute collection folder. */
  readonly collectionDir: string;
  /** The piece file relative to the collection folder: image paths are relative to its folder. */
  readonly relFile: string;
}

function isInside(root: string, p: string): boolean {
  const rel = path.relative(root, p);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** Validates one image URL and reads its header; reports problems and returns null. */
export function resolveImage(url: string, pos: Pos, scope: ImageScope, diags: Diagnostics): ResolvedImage | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//')) {
    const what = /^(https?:|\/\/)/i.test(url) ? 'remote image' : 'image URL';
    diags.error(pos, `${what} "${url}" is not allowed: images must be local files inside the collection folder`);
    return null;
  }
  let decoded: string;
  try {
    decoded = decodeURI(url);
  } catch {
    decoded = url;
  }
  if (path.isAbsolute(decoded) || /^[A-Za-z]:[\\/]/.test(decoded)) {
    diags.error(
      pos,
      `image path "${url}" is absolute: use a path relative to the piece file, inside the collection folder`,
    );
    return null;
  }
  const root = path.resolve(scope.collectionDir);
  const abs = path.resolve(root, path.dirname(scope.relFile), decoded);
  if (!isInside(root, abs)) {
    diags.error(pos, `image path "${url}" leaves the collection folder`);
    return null;
  }
  let real: string;
  try {
    real = fs.realpathSync(abs);
  } catch {
    diags.error(pos, `image file "${url}" not found`);
    return null;
  }
  if (!isInside(fs.realpathSync(root), real)) {
    diags.error(pos, `image path "${url}" leaves the collection folder (through a symbolic link)`);
    return null;
  }
  let bytes: Uint8Array;
  try {
    bytes = fs.readFileSync(real);
  } catch (e) {
    diags.error(pos, `image file "${url}" cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
    return null;
  }
  const header = readImageHeader(bytes);
  if (!header) {
    diags.error(pos, `image "${url}" is not a PNG or JPEG file`);
    return null;
  }
  // The size first: checking a huge image's data would mean inflating it.
  if (header.widthPx * header.heightPx > MAX_IMAGE_PIXELS) {
    const mp = Math.round((header.widthPx * header.heightPx) / 1e6);
    diags.error(
      pos,
      `image "${url}" is ${header.widthPx} × ${header.heightPx} px (${mp} megapixels); at most ${MAX_IMAGE_PIXELS / 1e6} megapixels are supported: scale it down`,
    );
    return null;
  }
  const damage = imageDamage(bytes, header);
  if (damage) {
    diags.error(pos, `image "${url}" cannot be used: ${damage}`);
    return null;
  }
  return { ...header, src: path.relative(root, abs).split(path.sep).join('/') };
}
