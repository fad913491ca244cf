/**
 * One piece file (front matter + Markdown body) → `Piece` of the document model.
 *
 * Pure apart from reading image headers: usable by the collection loader, by
 * fixture tests and by the plain-text importer. Problems are returned as
 * diagnostics (errors and warnings), never thrown, so a caller can collect the
 * problems of every file before failing.
 */
import path from 'node:path';
import type { Definition, FootnoteDefinition, Nodes, Root, Yaml } from 'mdast';
import type { Footnote, Piece } from '../model/types.js';
import { Diagnostics, type Diagnostic } from '../model/diagnostics.js';
import { parseMarkdown } from './markdown.js';
import { readFrontMatter } from './front-matter.js';
import { stripBom } from './encoding.js';
import { checkNesting, checkPrefixes } from './nesting.js';
import { FootnoteState, NodeIds, posOf, type Ctx } from './handlers/context.js';
import { convertBlocks, convertInlines } from './handlers/index.js';
import type { ImageScope } from './image-path.js';
import { titleText } from './title-lines.js';

export interface PieceContext {
  /**
   * The piece file relative to the collection folder (becomes `Piece.file`; images
   * resolve from its folder). Default: the base name of `file`.
   */
  readonly relFile?: string;
  /** Absolute collection folder for images; null = images are errors. Default: the folder of `file`. */
  readonly collectionDir?: string | null;
}

export interface ParsedPiece {
  readonly piece: Piece;
  readonly diagnostics: Diagnostic[];
}

/** Collects footnote and link definitions anywhere in the tree. */
function collectDefinitions(
  node: Nodes,
  footnotes: Map<string, FootnoteDefinition>,
  links: Map<string, Definition>,
): void {
  if (node.type === 'footnoteDefinition' && !footnotes.has(node.identifier)) footnotes.set(node.identifier, node);
  if (node.type === 'definition' && !links.has(node.identifier)) links.set(node.identifier, node);
  if ('children' in node) for (const c of node.children) collectDefinitions(c as Nodes, footnotes, links);
}

/** Footnote bodies in number order; bodies may reference further footnotes, which get the next numbers. */
function readFootnotes(ctx: Ctx): Footnote[] {
  const out: Footnote[] = [];
  const fs = ctx.footnotes;
  // Numbers are given in order of first reference, so the map's order is number order; its
  // iterator is live: footnotes first referenced inside a footnote body are visited too.
  for (const [id, n] of fs.numbers) {
    const def = fs.definitions.get(id)!;
    out.push({ id, n, blocks: ctx.blocks(def.children, { ...ctx, atTop: false }), pos: posOf(def, ctx) });
  }
  for (const [id, def] of fs.definitions) {
    if (!fs.numbers.has(id)) ctx.diags.warning(posOf(def, ctx), `footnote "[^${def.label ?? id}]" is never referenced`);
  }
  return out;
}

/** The text with the given lines (1-based) emptied, the others and their numbers kept. */
function blankLines(text: string, lines: readonly number[]): string {
  const blank = new Set(lines);
  return text
    .split('\n')
    .map((l, i) => (blank.has(i + 1) ? '' : l))
    .join('\n');
}

/** Parses one piece. `file` is the path as the user named it (diagnostics); `n` its number in the compilation. */
export function parsePiece(text: string, file: string, n: number, pctx: PieceContext = {}): ParsedPiece {
  const diags = new Diagnostics();
  const relFile = pctx.relFile ?? path.basename(file);
  const collectionDir = pctx.collectionDir === undefined ? path.dirname(path.resolve(file)) : pctx.collectionDir;
  const images: ImageScope | null = collectionDir === null ? null : { collectionDir, relFile };
  // Lines nested absurdly deep are blanked (keeping line numbers) and reported.
  const source = stripBom(text);
  const deep = checkPrefixes(source, file, diags);
  const flat = deep.length === 0;
  const read = flat ? source : blankLines(source, deep);
  const tree: Root = parseMarkdown(read);
  const shallow = checkNesting(tree, file, diags);

  const yaml = tree.children[0]?.type === 'yaml' ? (tree.children[0] as Yaml) : null;
  const fm = yaml
    ? readFrontMatter(yaml.value, file, yaml.position?.start.line ?? 1, diags)
    : (diags.error({ file, line: 1, column: 1 }, 'missing front matter: a piece starts with "---", "title: …", "---"'),
      null);

  const pieceId = fm?.id ?? path.basename(relFile).replace(/\.(md|markdown)$/i, '');
  const footnotes = new FootnoteState();
  const definitions = new Map<string, Definition>();
  if (shallow) collectDefinitions(tree, footnotes.definitions, definitions);
  const ctx: Ctx = {
    file,
    diags,
    footnotes,
    ids: new NodeIds(pieceId),
    definitions,
    images,
    listDepth: 0,
    source: read,
    atTop: true,
    blocks: convertBlocks,
    inlines: convertInlines,
  };
  // Too deep to convert without overflowing the stack: the error is already reported.
  const body = shallow ? tree.children.filter((c) => c.type !== 'yaml') : [];
  const blocks = convertBlocks(body, ctx);
  const notes = readFootnotes(ctx);

  const hasBody = body.some((c) => c.type !== 'definition' && c.type !== 'footnoteDefinition');
  if (!hasBody && shallow && flat) {
    const endLine = (yaml?.position?.end.line ?? 0) + 1;
    diags.error({ file, line: yaml ? endLine : 1, column: 1 }, 'the piece is empty: it has no body text');
  }
  const role = fm?.role ?? null;
  const author = fm?.author ?? null;
  const piece: Piece = {
    n,
    id: pieceId,
    file: relFile,
    ...titleText(fm?.title ?? ''),
    subtitle: fm?.subtitle ?? null,
    role,
    author,
    byline: (role ?? '') + (author ?? ''),
    date: fm?.date ?? null,
    blocks,
    footnotes: notes,
    pos: fm?.titlePos ?? { file, line: 1, column: 1 },
    fieldPos: fm?.fieldPos ?? {},
  };
  return { piece, diagnostics: diags.items };
}
