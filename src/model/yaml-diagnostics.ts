/**
 * The `yaml` parser's problems as positioned diagnostics, for every YAML the project
 * reads (collection.yaml, piece front matter, template files).
 *
 * - Each error and each warning (an unresolved tag, an unknown directive …) is reported
 *   where the parser found it; warnings are passed on as warnings.
 * - A tab in a line's indentation (YAML indents with spaces only, YAML 1.2 §6.1) is
 *   one error at the tab. The parser reports it as a cascade — the tab, then the
 *   mapping it broke, up to four errors, some on the line before — so when the text
 *   has such lines, the errors reported are one per tab-indented line plus those that
 *   remain whatever the tabs stood for: the text is parsed again with each such tab
 *   read as 0, 1, 2 or 4 spaces, and with those lines blanked, and the reading with
 *   the fewest errors gives the rest (mapped back to the original positions).
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

/** A reading of the text with its indentation tabs replaced, and the way back to the original offsets. */
interface TabReading {
  readonly text: string;
  readonly toOriginal: (offset: number) => number;
}

/** The text with each tab (offsets `tabs`, ascending) read as 0, 1, 2 and 4 spaces, then with their lines blanked. */
function tabReadings(text: string, tabs: readonly number[]): TabReading[] {
  const readings = [0, 1, 2, 4].map((width): TabReading => {
    let out = '';
    let from = 0;
    for (const at of tabs) {
      out += text.slice(from, at) + ' '.repeat(width);
      from = at + 1;
    }
    out += text.slice(from);
    const toOriginal = (offset: number): number => {
      let k = -1;
      while (k + 1 < tabs.length && tabs[k + 1]! + (k + 1) * (width - 1) <= offset) k++;
      if (k < 0) return offset;
      const start = tabs[k]! + k * (width - 1);
      return offset < start + width ? tabs[k]! : offset - (k + 1) * (width - 1);
    };
    return { text: out, toOriginal };
  });
  const blank = text.split(''); // UTF-16 units, as the parser's offsets count
  for (const at of tabs) {
    const end = text.indexOf('\n', at);
    for (let i = text.lastIndexOf('\n', at) + 1; i < (end < 0 ? text.length : end); i++) blank[i] = ' ';
  }
  return [...readings, { text: blank.join(''), toOriginal: (offset) => offset }];
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
  let errors: { offset: number; message: string }[] = doc.errors.map((e) => ({ offset: e.pos[0], message: e.message }));
  if (tabs.length > 0) {
    for (const reading of tabReadings(text, tabs)) {
      const again = parseDocument(reading.text, { prettyErrors: false }).errors;
      if (again.length < errors.length) {
        errors = again.map((e) => ({ offset: reading.toOriginal(e.pos[0]), message: e.message }));
      }
    }
  }
  const reported: { pos: Pos; message: string }[] = errors.map((e) => ({
    pos: posAt(e.offset),
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
