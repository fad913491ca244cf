/**
 * Subsetting with harfbuzz's WebAssembly build (harfbuzzjs's `harfbuzz-subset.wasm`),
 * each font file put into WebAssembly memory once per process — an instance of its own,
 * the module's memory being fixed — and kept there as a harfbuzz face for every subset
 * made of it.
 *
 * `subset-font` (the library this follows call for call: all layout features kept, the
 * given name IDs kept, the characters' glyphs and their closure) copies the whole font
 * into WebAssembly memory and parses it again for every subset: 10–15 MB a call, which
 * cost ~9 ms each time — most of an OFD handout, which subsets its four faces to its own
 * characters. The bytes made here are the same as subset-font's (tested).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The slice of harfbuzz's C API the subsetter calls. */
interface Harfbuzz {
  readonly memory: WebAssembly.Memory;
  _initialize(): void;
  malloc(n: number): number;
  free(p: number): void;
  hb_blob_create(data: number, length: number, mode: number, user: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_data(blob: number, length: number): number;
  hb_blob_get_length(blob: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_set_add(set: number, value: number): void;
  hb_set_clear(set: number): void;
  hb_set_invert(set: number): void;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_set(input: number, which: number): number;
  hb_subset_input_unicode_set(input: number): number;
  hb_subset_or_fail(face: number, input: number): number;
}

const HB_MEMORY_MODE_WRITABLE = 2;
const HB_SUBSET_SETS_NAME_ID = 4;
const HB_SUBSET_SETS_LAYOUT_FEATURE_TAG = 6;

/** The module, compiled once per process. */
let module: WebAssembly.Module | null = null;

/**
 * One harfbuzz instance per font file, holding the font as a face. The module's memory
 * is fixed (68 MB, it does not grow), so fonts do not share one: each gets its own.
 */
const loaded = new Map<string, { readonly hb: Harfbuzz; readonly face: number }>();

/** Forgets every font loaded (their memories go with their instances). */
export function clearHbFaces(): void {
  loaded.clear();
}

/** The harfbuzz instance holding `bytes` as a face, or null when they do not fit in its memory. */
function load(key: string, bytes: Uint8Array): { readonly hb: Harfbuzz; readonly face: number } | null {
  const known = loaded.get(key);
  if (known) return known;
  module ??= new WebAssembly.Module(readFileSync(require.resolve('harfbuzzjs/dist/harfbuzz-subset.wasm')));
  const hb = new WebAssembly.Instance(module, {}).exports as unknown as Harfbuzz;
  hb._initialize();
  const at = hb.malloc(bytes.byteLength);
  if (at === 0) return null;
  new Uint8Array(hb.memory.buffer).set(bytes, at);
  const blob = hb.hb_blob_create(at, bytes.byteLength, HB_MEMORY_MODE_WRITABLE, 0, 0);
  const face = hb.hb_face_create(blob, 0);
  hb.hb_blob_destroy(blob);
  const entry = { hb, face };
  loaded.set(key, entry);
  return entry;
}

/**
 * A TrueType/OpenType file of the font `bytes` (a single-face SFNT; `key` names it for
 * the process) holding the glyphs of `codePoints` and what they need, every layout
 * feature, and the name records `nameIds`.
 */
export function hbSubset(
  key: string,
  bytes: Uint8Array,
  codePoints: readonly number[],
  nameIds: readonly number[],
): Buffer | null {
  const font = load(key, bytes);
  if (!font) return null;
  const { hb: h, face } = font;
  const input = h.hb_subset_input_create_or_fail();
  if (input === 0) throw new Error('harfbuzz could not create a subset input');
  let subset = 0;
  try {
    const features = h.hb_subset_input_set(input, HB_SUBSET_SETS_LAYOUT_FEATURE_TAG);
    h.hb_set_clear(features);
    h.hb_set_invert(features);
    const names = h.hb_subset_input_set(input, HB_SUBSET_SETS_NAME_ID);
    for (const id of nameIds) h.hb_set_add(names, id);
    const unicodes = h.hb_subset_input_unicode_set(input);
    for (const cp of codePoints) h.hb_set_add(unicodes, cp);
    subset = h.hb_subset_or_fail(face, input);
  } finally {
    h.hb_subset_input_destroy(input);
  }
  // Out of memory, most likely: the caller falls back to subset-font.
  if (subset === 0) return null;
  const blob = h.hb_face_reference_blob(subset);
  try {
    const at = h.hb_blob_get_data(blob, 0);
    const length = h.hb_blob_get_length(blob);
    if (length === 0) throw new Error(`harfbuzz made an empty subset of ${key}`);
    return Buffer.from(new Uint8Array(h.memory.buffer, at, length));
  } finally {
    h.hb_blob_destroy(blob);
    h.hb_face_destroy(subset);
  }
}
