/**
 * Writing the recognised pieces as huibian sources: `collection.yaml`, one
 * `NN-<id>.md` per piece with YAML front matter, `import-removed.txt` (every removed
 * span with its input position and rule, grouped by input file), and the terminal
 * summary.
 */
import YAML from 'yaml';
import { formatDiagnostic } from '../model/diagnostics.js';
import {
  REMOVING_RULES,
  type DraftBanner,
  type DraftInput,
  type DraftPart,
  type OutputFile,
  type RemovedSpan,
} from './types.js';

/** First line of `import-removed.txt`; its presence marks a folder made by `huibian import`. */
export const REMOVED_FILE = 'import-removed.txt';
export const REMOVED_HEADER = '# huibian import: text removed from';

const yamlOptions = { lineWidth: 0 } as const;

export function pieceFileName(n: number, id: string): string {
  return `${String(n).padStart(2, '0')}-${id}.md`;
}

export interface PieceFront {
  readonly title: string;
  readonly subtitle: string | null;
  readonly role: string | null;
  readonly author: string | null;
  readonly date: string | null;
  readonly id: string;
}

export function pieceFile(path: string, f: PieceFront, markdown: string): OutputFile {
  const front: Record<string, string> = { title: f.title };
  if (f.subtitle) front.subtitle = f.subtitle;
  if (f.role) front.role = f.role;
  if (f.author) front.author = f.author;
  if (f.date) front.date = f.date;
  front.id = f.id;
  return { path, content: `---\n${YAML.stringify(front, yamlOptions)}---\n\n${markdown}\n` };
}

export function collectionFile(
  title: string,
  showCount: boolean,
  banner: DraftBanner | null,
  parts: readonly DraftPart[],
  pieceParts: readonly number[],
  files: readonly string[],
): OutputFile {
  const doc: Record<string, unknown> = { title };
  if (!showCount) doc.showCount = false;
  if (banner) {
    const b: Record<string, string> = {};
    if (banner.headline) b.headline = banner.headline;
    if (banner.name) b.name = banner.name;
    if (banner.source) b.source = banner.source;
    if (banner.date) b.date = banner.date;
    doc.banner = b;
  }
  doc.template = 'compilation';
  doc.lang = 'zh-CN';
  if (parts.length > 0) {
    doc.parts = parts.map((p, k) => ({ title: p.title, pieces: files.filter((_, i) => pieceParts[i] === k) }));
  } else {
    doc.pieces = files;
  }
  return { path: 'collection.yaml', content: YAML.stringify(doc, yamlOptions) };
}

function row(r: RemovedSpan): string {
  return `${r.part ? `${r.part}:` : ''}${r.line}:${r.column}\t${r.rule}\t${r.text}`;
}

/** `import-removed.txt`: one header line naming the inputs, then each input's removed spans in input order. */
export function removedFile(
  inputs: readonly { fileName: string; format: string; removed: readonly RemovedSpan[] }[],
): OutputFile {
  const lines = [
    `${REMOVED_HEADER} ${inputs.map((i) => `${i.fileName} (${i.format})`).join(', ')}`,
    '# line:column<TAB>rule<TAB>text',
  ];
  for (const input of inputs) {
    if (inputs.length > 1) lines.push(`# ${input.fileName}`);
    const sorted = [...input.removed].sort(
      (a, b) => (a.part ?? '').localeCompare(b.part ?? '') || a.line - b.line || a.column - b.column,
    );
    lines.push(...sorted.map(row));
  }
  return { path: REMOVED_FILE, content: lines.join('\n') + '\n' };
}

/** The summary of one input: pieces found, rules fired, guesses with their positions. */
export function inputSummary(input: DraftInput, ids: readonly string[]): string {
  const out: string[] = [];
  const checks: string[] = [];
  if (input.contentsEntries !== null) checks.push(`contents lists ${input.contentsEntries}`);
  if (input.count !== null) checks.push(`title says ${input.count}`);
  out.push(`huibian import: ${input.fileName} (${input.format})`);
  out.push(
    `pieces found: ${input.pieces.length}${checks.length ? ` (${checks.join(', ')})` : ''}${input.parts.length ? ` in ${input.parts.length} parts` : ''}`,
  );
  input.pieces.forEach((p, i) => {
    const by = [p.role, p.author].filter(Boolean).join('');
    out.push(
      `  ${ids[i] ?? String(i + 1).padStart(2, '0')}  ${p.title.replace(/\n/g, '')}${by ? ` — ${by}` : ''}  (${input.format === 'Word' ? 'paragraph' : 'line'} ${p.line})`,
    );
  });
  out.push('cleaning rules fired:');
  const width = Math.max(...input.rules.map((n) => n.length));
  for (const n of input.rules) {
    const tag = REMOVING_RULES.includes(n) ? '' : ' (kept text)';
    out.push(`  ${n.padEnd(width)}  ${String(input.ledger.counts[n]).padStart(4)}${tag}`);
  }
  const guesses = input.ledger.guesses;
  if (guesses.length === 0) out.push('guesses to check: none');
  else {
    out.push(`guesses to check: ${guesses.length}`);
    for (const g of [...guesses].sort((a, b) => a.line - b.line)) {
      out.push(
        formatDiagnostic({ severity: 'warning', file: input.fileName, line: g.line, column: 1, message: g.message }),
      );
    }
  }
  return out.join('\n');
}
