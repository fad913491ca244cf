/**
 * Fidelity: LibreOffice paginates the DOCX as the contents says. One conversion per file
 * (own profile, DESIGN.md), then pdftotext per page: each piece's title stands on the page
 * its contents entry names (frontPages + number), and every paragraph's text is present.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { render } from './shared.js';
import { sampleCollection, onePiecePerPage } from './helpers.js';
import { inlineText } from '../../src/render/docx/inlines.js';

const squash = (s: string) => s.replace(/\s+/g, '');
let pages: string[] = [];
const c = sampleCollection();
const layout = onePiecePerPage(c);

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'huibian-docx-'));
  const u = await render({ collection: c, pages: layout });
  const file = join(dir, 'compilation.docx');
  writeFileSync(file, u.buffer);
  execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, file], {
    stdio: 'ignore',
    timeout: 90_000,
  });
  const pdf = join(dir, 'compilation.pdf');
  if (!existsSync(pdf)) throw new Error('LibreOffice produced no PDF');
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  pages = text.split('\f').filter((p, i, a) => i < a.length - 1 || p.trim() !== '');
}, 120_000);

describe('LibreOffice rendering of the compilation', () => {
  it('has the contents page plus the body pages the layout gave', () => {
    expect(pages.length).toBe(layout.frontPages + layout.bodyPages);
  });

  it('shows the cached page numbers in the contents', () => {
    const toc = pages[0];
    for (const p of c.pieces) expect(toc).toMatch(new RegExp(`\\.{3,}\\s*${layout.piecePages[p.n - 1].startPage}\\s*$`, 'm'));
  });

  it('puts every piece title on the page its contents entry names', () => {
    for (const pp of layout.piecePages) {
      const title = c.pieces[pp.n - 1].title;
      const page = pages[layout.frontPages + pp.startPage - 1];
      expect(squash(page), `piece ${pp.n} on page ${pp.startPage}`).toContain(squash(title));
    }
  });

  it('contains all the text', () => {
    const all = squash(pages.join(''));
    for (const p of c.pieces) {
      for (const b of p.blocks) if (b.kind === 'paragraph') expect(all).toContain(squash(inlineText(b.inlines)));
    }
  });

  it('prints the page numbers in the footer format', () => {
    expect(pages[1]).toMatch(/—\s*1\s*—/);
    expect(pages[0]).not.toMatch(/—\s*\d+\s*—/);
  });
});
