/**
 * The `yaml` parser's problems as positioned diagnostics, for every YAML the project
 * reads (collection.yaml, piece front matter, template files).
 *
 * - Each error and each warning (an unresolved tag, an unknown directive …) is reported
 *   where the parser found it; warnings are passed on as warnings.
 * - A tab in a line's indentation (YAML indents with spaces only, YAML 1.2 §6.1) is
 *   one error at the tab. The parser reports it as a cascade — the tab, then the
 *   mapping it broke, up to four errors, some at other lines — so when the text has
 *   such a line, the errors from that line on are replaced by one per tab-indented
 *   line; errors before it still stand.
 */
import type { Document, LineCounter } from 'yaml';
import type { Pos } from './types.js';
import type { Diagnostics } from './diagnostics.js';

/** Strips yaml's “ at line L, column C:” tail and the code excerpt from a message. */
export function yamlMessage(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

/** Offsets of the first tab in the indentation of each line that has one (a line of only white space has none). */
export function tabIndentOffsets(text: string): number[] {
  const out: number[] = [];
  const re = /^([ \t]*)(?=\S)/gm;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const tab = m[1].indexOf('\t');
    if (tab >= 0) out.push(m.index + tab);
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
  const firstTabLine = tabs.length > 0 ? posAt(tabs[0]!).line : Infinity;
  for (const err of doc.errors) {
    const pos = posAt(err.pos[0]);
    if (pos.line < firstTabLine) diags.error(pos, `invalid YAML: ${yamlMessage(err.message)}`);
  }
  for (const at of tabs) {
    diags.error(posAt(at), 'invalid YAML: a tab in the indentation (YAML indents with spaces only)');
  }
  return true;
}

/** `posAt` for a text parsed with `lineCounter`, starting `lineOffset` lines into `file`. */
export function yamlPosAt(lineCounter: LineCounter, file: string, lineOffset = 0): (offset: number) => Pos {
  return (offset) => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line: line + lineOffset, column: col };
  };
}
