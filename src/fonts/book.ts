/**
 * The font book of one build (README “Fonts”): for every role and bold/regular, the
 * chain of faces to draw with — the role's template candidates found, in order,
 * then the template-wide fallback — plus what was chosen, for report.json.
 *
 * Errors (SourceError at the template file): a role with no face at all; a face
 * whose licence forbids embedding (OS/2 fsType 0x0002) when a PDF or an OFD is made
 * (fixed-layout files carry their fonts).
 * Warnings: the same face for a DOCX-only build (named, not embedded), faces that
 * forbid subsetting, variable fonts passed over, unreadable files in fonts/.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { Diagnostics, filePos, type Diagnostic } from '../model/diagnostics.js';
import { FONT_ROLES, STYLE_NAMES, type FontRole, type ResolvedTemplate } from '../template/index.js';
import { discoverFonts } from './discover.js';
import { mayEmbed, type OutputFormat } from './embedding.js';
import { faceFromInfo, prefetchFontFiles, type FontkitFace } from './face.js';
import { matchCandidate, targetWeight } from './match.js';
import type { FontBook, FontFace, FontReportEntry } from './types.js';

export interface LoadFontBookOptions {
  /** Folder holding the project's `fonts/` folder. */
  readonly projectDir: string;
  /** Scan the system font folders (default true). */
  readonly systemFonts?: boolean;
  /** More folders searched right after the project's fonts/. */
  readonly extraDirs?: string[];
  /** System font folders to scan instead of the platform's (tests, unusual installs). */
  readonly systemDirs?: string[];
  /** The outputs to be made (default PDF and DOCX): a restricted face is an error only for the PDF and the OFD. */
  readonly formats?: readonly OutputFormat[];
  /** Use the npm defaults (default true; tests turn them off). */
  readonly npmFonts?: boolean;
  /** Where converted fonts are cached (default: see cache.ts). */
  readonly cacheDir?: string;
}

class Book implements FontBook {
  readonly faces: ReadonlyMap<string, FontFace>;
  readonly report: readonly FontReportEntry[];
  /** By role, then [regular, bold]: layout and the coverage check ask once per character, so no key strings. */
  private readonly chains = new Map<FontRole, [readonly FontFace[] | undefined, readonly FontFace[] | undefined]>();

  constructor(chains: Map<string, FontFace[]>, report: FontReportEntry[]) {
    this.report = report;
    for (const role of FONT_ROLES) {
      const entry = (bold: boolean): readonly FontFace[] | undefined => {
        const c = chains.get(chainKey(role, bold));
        return c && c.length > 0 ? c : undefined;
      };
      this.chains.set(role, [entry(false), entry(true)]);
    }
    const faces = new Map<string, FontFace>();
    for (const c of chains.values()) for (const f of c) faces.set(f.key, f);
    this.faces = faces;
  }

  chain(role: FontRole, bold: boolean): readonly FontFace[] {
    const c = this.chains.get(role)?.[bold ? 1 : 0];
    if (!c) throw new Error(`font book has no face for role ${role}`);
    return c;
  }

  /** The chain's first face that draws `codePoint` (faces memoise their answers), or null. */
  faceFor(role: FontRole, bold: boolean, codePoint: number): FontFace | null {
    for (const f of this.chain(role, bold)) if (f.hasGlyph(codePoint)) return f;
    return null;
  }
}

const chainKey = (role: FontRole, bold: boolean): string => `${role}/${bold ? 'bold' : 'regular'}`;

function sizeMb(file: string): string {
  try {
    return `${(statSync(file).size / 1048576).toFixed(1)} MB`;
  } catch {
    return 'the whole file';
  }
}

/** Finds and loads the faces for every role of `template`. */
export async function loadFontBook(
  template: ResolvedTemplate,
  opts: LoadFontBookOptions,
): Promise<{ book: FontBook; warnings: Diagnostic[] }> {
  const discovery = await discoverFonts({
    projectDir: opts.projectDir,
    systemFonts: opts.systemFonts,
    extraDirs: opts.extraDirs,
    systemDirs: opts.systemDirs,
    npmFonts: opts.npmFonts,
    cacheDir: opts.cacheDir,
  });
  const diags = new Diagnostics();
  const at = filePos(template.file);
  const formats = opts.formats ?? ['pdf', 'docx'];
  const projectFonts = join(opts.projectDir, 'fonts');
  for (const p of discovery.problems) {
    if (p.file.startsWith(projectFonts) || (opts.extraDirs ?? []).some((d) => p.file.startsWith(d)))
      diags.warning(filePos(p.file), p.message);
  }

  const chains = new Map<string, FontFace[]>();
  const taken = new Map<string, string[]>();
  const rejectedSeen = new Set<string>();
  for (const role of FONT_ROLES) {
    const candidates = [...(template.fonts[role] ?? []), ...template.fallback];
    for (const bold of [false, true]) {
      const chain: FontFace[] = [];
      const missed: string[] = [];
      for (const cand of candidates) {
        const m = matchCandidate(discovery.faces, cand.family, targetWeight(cand, bold));
        for (const r of m.rejected) {
          if (!rejectedSeen.has(r.reason)) diags.warning(filePos(r.face.file), r.reason);
          rejectedSeen.add(r.reason);
        }
        if (!m.face) {
          if (chain.length === 0) missed.push(cand.family);
          continue;
        }
        const face = faceFromInfo(m.face, cand.family, opts.cacheDir);
        if (!chain.includes(face)) chain.push(face);
      }
      chains.set(chainKey(role, bold), chain);
      taken.set(chainKey(role, bold), missed);
    }
    if (chains.get(chainKey(role, false))!.length === 0) {
      const tried = candidates.map((c) => c.family).join(', ') || '(no candidates)';
      diags.error(
        at,
        `no font found for role ${role}: tried ${tried} in ${projectFonts}, the system font folders and the npm defaults; put the font files in ${projectFonts}`,
      );
    }
  }

  const used = new Set<string>();
  for (const s of STYLE_NAMES) {
    const st = template.styles[s];
    if (st) used.add(chainKey(st.font, st.bold));
  }
  // Embedding permissions, once per face, for the chains a style uses (every role's regular chain too).
  const checked = new Set<string>();
  for (const [key, chain] of chains) {
    if (!used.has(key) && key.endsWith('/bold')) continue;
    for (const face of chain as FontkitFace[]) {
      if (checked.has(face.key)) continue;
      checked.add(face.key);
      const what = `font “${face.family}” (${face.sourceFile}, role ${key.split('/')[0]})`;
      if (face.embedding === 'restricted') {
        const msg = `${what} has a restricted licence (OS/2 fsType 0x${face.fsType.toString(16).padStart(4, '0')}): it may not be embedded`;
        const carrying = formats.filter((f) => f !== 'docx' && !mayEmbed(face.embedding, f));
        if (carrying.length > 0)
          diags.error(
            at,
            `${msg}, so the ${carrying.map((f) => f.toUpperCase()).join(' and the ')} cannot use it; remove it from the fonts or name another font in the template`,
          );
        else if (formats.includes('docx')) diags.warning(at, `${msg}; the DOCX names it without embedding it`);
      } else if (face.noSubset) {
        diags.warning(
          at,
          `${what} forbids subsetting (OS/2 fsType bit 0x0100): the whole font (${sizeMb(face.sourceFile)}) is embedded`,
        );
      }
    }
  }
  diags.throwIfErrors();

  const report: FontReportEntry[] = [];
  for (const role of FONT_ROLES) {
    for (const bold of [false, true]) {
      const key = chainKey(role, bold);
      const face = chains.get(key)![0] as FontkitFace;
      if (!used.has(key) && (bold || [...used].some((u) => u.startsWith(`${role}/`)))) continue;
      if (report.some((r) => r.role === role && r.weight === face.weight && r.file === face.sourceFile)) continue;
      report.push({
        role,
        weight: face.weight,
        family: face.family,
        file: face.sourceFile,
        origin: face.origin,
        embedded: mayEmbed(face.embedding, 'docx'),
        fallbacksTaken: taken.get(key) ?? [],
      });
    }
  }
  // The first face of every chain a style uses is read for the coverage check and layout
  // anyway: read those files now, side by side on libuv's threads, instead of one after
  // the other on the main thread when each is first measured.
  await prefetchFontFiles([...used].map((k) => (chains.get(k)![0] as FontkitFace).file));
  return { book: new Book(chains, report), warnings: diags.warnings };
}
