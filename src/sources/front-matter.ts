/**
 * A piece's YAML front matter (SPEC §1 “A piece”): title (required), subtitle,
 * role, author, date (YYYY-MM-DD), id (handout file name). Unknown keys are errors
 * with a did-you-mean hint; positions are those of the piece file.
 */
import type { Pos } from '../model/types.js';
import type { Diagnostics } from '../model/diagnostics.js';
import { YamlSource, describe, isYamlMap } from './yaml-fields.js';

export const PIECE_KEYS = ['title', 'subtitle', 'role', 'author', 'date', 'id'] as const;

export interface FrontMatter {
  readonly title: string | null;
  readonly subtitle: string | null;
  readonly role: string | null;
  readonly author: string | null;
  readonly date: string | null;
  readonly id: string | null;
  /** Position of the `title` value (or of the front matter when it has none). */
  readonly titlePos: Pos;
}

/** A handout id must be usable as a file name on every system. */
const SAFE_ID = /^[^\\/:*?"<>|\s.][^\\/:*?"<>|\s]*$/u;

/**
 * Reads front matter text. `startLine` is the file line of the opening `---`
 * (so YAML line 1 is file line startLine + 1).
 */
export function readFrontMatter(yamlText: string, file: string, startLine: number, diags: Diagnostics): FrontMatter {
  const y = new YamlSource(yamlText, file, diags, startLine);
  const fmPos: Pos = { file, line: startLine, column: 1 };
  const none: FrontMatter = { title: null, subtitle: null, role: null, author: null, date: null, id: null, titlePos: fmPos };
  if (y.broken) return none;
  if (!isYamlMap(y.root)) {
    if (y.root === null) diags.error(fmPos, 'missing "title" in the front matter');
    else diags.error(y.pos(y.root), `front matter must be a mapping of keys (title: …), not ${describe(y.root)}`);
    return none;
  }
  const e = y.entries(y.root, PIECE_KEYS, 'front matter key');
  const titlePair = e.get('title');
  if (!titlePair) diags.error(fmPos, 'missing "title" in the front matter');
  const id = y.string(e.get('id'), 'id');
  if (id !== null && !SAFE_ID.test(id)) {
    diags.error(y.valuePos(e.get('id')!), `"id" must be usable as a file name (no spaces, slashes or leading dot): "${id}"`);
  }
  return {
    title: y.string(titlePair, 'title'),
    subtitle: y.string(e.get('subtitle'), 'subtitle'),
    role: y.string(e.get('role'), 'role'),
    author: y.string(e.get('author'), 'author'),
    date: y.date(e.get('date'), 'date'),
    id: id !== null && SAFE_ID.test(id) ? id : null,
    titlePos: titlePair ? y.valuePos(titlePair) : fmPos,
  };
}
