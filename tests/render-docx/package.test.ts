/**
 * Packaging (src/render/docx/package.ts): the parts taken from docx's compiler are
 * the parts docx's Packer zips, in its order and byte for byte — so the fast path
 * changes nothing in the file — and the installed docx still keeps its compiler
 * where package.ts looks for it (a docx upgrade that moves it fails here instead
 * of silently falling back to deflating every part twice).
 */
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { corePart, docxCompiler, docxParts, repackDeterministic } from '../../src/render/docx/package.js';

const doc = (): Document =>
  new Document({
    creator: 'huibian',
    sections: [{ children: [new Paragraph({ children: [new TextRun('汇编 GDP 2023')] })] }],
  });
// docx would write the clock's time into docProps/core.xml: the build overrides it, as here.
const core = corePart({ title: 't', creator: 'huibian', date: new Date(Date.UTC(2023, 9, 24)), lang: 'zh-CN' });
const overrides = [
  {
    path: 'word/settings.xml',
    data: '<?xml version="1.0"?><w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>',
  },
  { path: core.path, data: core.data as string },
];

describe('DOCX packaging', () => {
  it('finds the compiler inside the installed docx’s Packer', () => {
    expect(docxCompiler()).not.toBeNull();
  });

  it('takes from it exactly the parts Packer.toBuffer zips, in the same order, overrides in place', async () => {
    const fast = await docxParts(doc(), overrides);
    const zipped = unzipSync(await Packer.toBuffer(doc(), false, overrides));
    expect(Object.keys(fast)).toEqual(Object.keys(zipped));
    for (const k of Object.keys(zipped)) expect(Buffer.from(fast[k]!).equals(Buffer.from(zipped[k]!)), k).toBe(true);
    expect(Buffer.from(fast['word/settings.xml']!).toString()).toBe(overrides[0]!.data);
  });

  it('zips them deterministically: [Content_Types].xml first, fixed times, binary parts added', async () => {
    const date = new Date(Date.UTC(2023, 9, 24));
    const extra = [{ path: 'word/fonts/font1.odttf', data: new Uint8Array([1, 2, 3]) }];
    const a = repackDeterministic(await docxParts(doc(), overrides), date, extra);
    const b = repackDeterministic(await docxParts(doc(), overrides), date, extra);
    expect(a.equals(b)).toBe(true);
    const names = Object.keys(unzipSync(a));
    expect(names.slice(0, 2)).toEqual(['[Content_Types].xml', '_rels/.rels']);
    expect(names).toContain('word/fonts/font1.odttf');
  });
});
