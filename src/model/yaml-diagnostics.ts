/**
 * The `yaml` parser's problems as positioned diagnostics, for every YAML the project
 * reads (collection.yaml, piece front matter, template files).
 *
 * - Each error and each warning (an unresolved tag, an unknown directive …) is reported
 *   where the parser found it; warnings are passed on as warnings.
 * - A tab in a line's indentation (YAML indents with spaces only, YAML 1.2 §6.1) is
 *   one error at the tab. The parser reports it as a cascade — the tab, then the
 *   mapping it broke, up to four errors, some on the line before — so when the text
 *   has such lines, the errors reported are one per tab-indented line plus those the
 *   text still has with those lines blanked (made spaces: same offsets, same positions).
 */
import { parseDocument, type Document, type LineCounter } from 'yaml';
import type { Pos } from './types.js';
import type { Diagnostics } from './diagnostics.js';

/** Strips yaml's “ at line L, column C:” tail and the code excerpt from a message. */
export function yamlMessage(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

/** Offsets of the tabs in the indentation of each line (a line of only white space has none). */
export function tabIndentOffsets(text: string): number[] {
  const out: number[] = [];
  const re = /^([ \t]*)(?=\S)/gm;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    for (let i = m[1]!.indexOf('\t'); i >= 0; i = m[1]!.indexOf('\t', i + 1)) out.push(m.index + i);
    if (m[0].length === 0) re.lastIndex++;
  }
  return out;
}

/**
 * Reports `doc`'s errors and warnings at their positions (`posAt` maps an offset of
 * `text` to a file position). Returns true when the YAML has errors.
 */
export function reportYamlProblems(
  text: string,
  doc: Pick<Document, 'errors' | 'warnings'>,
  posAt: (offset: number) => Pos,
  diags: Diagnostics,
): boolean {
  for (const w of doc.warnings) diags.warning(posAt(w.pos[0]), `YAML: ${yamlMessage(w.message)}`);
  if (doc.errors.length === 0) return false;
  const tabs = tabIndentOffsets(text);
  let errors = doc.errors;
  if (tabs.length > 0) {
    const spaced = text.split(''); // UTF-16 units, as the parser's offsets count
    for (const at of tabs) {
      const end = text.indexOf('\n', at);
      for (let i = text.lastIndexOf('\n', at) + 1; i < (end < 0 ? text.length : end); i++) spaced[i] = ' ';
    }
    errors = parseDocument(spaced.join(''), { prettyErrors: false }).errors;
  }
  const reported: { pos: Pos; message: string }[] = errors.map((e) => ({
    pos: posAt(e.pos[0]),
    message: `invalid YAML: ${yamlMessage(e.message)}`,
  }));
  // One error a line, at its first tab.
  const tabLines = new Set<number>();
  for (const at of tabs) {
    const pos = posAt(at);
    if (tabLines.has(pos.line)) continue;
    tabLines.add(pos.line);
    reported.push({ pos, message: 'invalid YAML: a tab in the indentation (YAML indents with spaces only)' });
  }
  reported.sort((a, b) => a.pos.line - b.pos.line || a.pos.column - b.pos.column);
  for (const r of reported) diags.error(r.pos, r.message);
  return true;
}

/** `posAt` for a text parsed with `lineCounter`, starting `lineOffset` lines into `file`. */
export function yamlPosAt(lineCounter: LineCounter, file: string, lineOffset = 0): (offset: number) => Pos {
  return (offset) => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line: line + lineOffset, column: col };
  };
}
