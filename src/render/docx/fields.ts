/**
 * Complex fields written clean, with their cached results (ECMA-376 Part 1 §17.16.18
 * w:fldChar begin/separate/end, §17.16.23 w:instrText): the TOC field around the contents
 * (§17.16.5.68 TOC \o "1-2" \h \z \u), PAGEREF (§17.16.5.45) with the page number the
 * layout resolved, HYPERLINK (§17.16.5.25) for links — a field needs no relationship id,
 * so links stay deterministic. Bookmarks (§17.13.6.2 w:bookmarkStart) get ids from the
 * writer's own counter, not docx's process-wide one.
 */
import {
  BookmarkEnd,
  BookmarkStart,
  BuilderElement,
  ImportedXmlComponent,
  TextRun,
  type ParagraphChild,
  type XmlComponent,
} from 'docx';
import { el, serialize } from '../package/index.js';

export function fldChar(type: 'begin' | 'separate' | 'end'): XmlComponent {
  return new BuilderElement<{ type: string }>({
    name: 'w:fldChar',
    attributes: { type: { key: 'w:fldCharType', value: type } },
  });
}

export function instrText(instr: string): XmlComponent {
  return ImportedXmlComponent.fromXmlString(
    serialize(el('w:instrText', { 'xml:space': 'preserve' }, [{ text: ` ${instr} ` }])),
  );
}

/** A run holding one field character. */
export function fieldCharRun(type: 'begin' | 'separate' | 'end', style?: string): TextRun {
  return new TextRun({ style, children: [fldChar(type)] });
}

/** The runs that open a field: begin, instruction, separate. */
export function fieldStart(instr: string, style?: string): TextRun[] {
  return [
    fieldCharRun('begin', style),
    new TextRun({ style, children: [instrText(instr)] }),
    fieldCharRun('separate', style),
  ];
}

/** A whole field with a plain-text cached result. */
export function simpleField(instr: string, cached: string, style?: string): TextRun[] {
  return [...fieldStart(instr, style), new TextRun({ style, text: cached }), fieldCharRun('end', style)];
}

/** `PAGEREF <bookmark> \h` with the page number as its cached result. */
export function pageRef(bookmark: string, page: number, style?: string): TextRun[] {
  return simpleField(`PAGEREF ${bookmark} \\h`, String(page), style);
}

export function quoteFieldArg(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** Bookmark start/end as paragraph children (docx's Bookmark class draws ids from a global counter). */
export function bookmarkAround(name: string, id: number, children: readonly ParagraphChild[]): ParagraphChild[] {
  return [
    new BookmarkStart(name, id) as unknown as ParagraphChild,
    ...children,
    new BookmarkEnd(id) as unknown as ParagraphChild,
  ];
}
