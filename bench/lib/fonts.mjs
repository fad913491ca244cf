/**
 * The font files the peers get: the same files huibian used (from its
 * report.json `fonts`, docs/design.md “Outputs and report.json”, README “Fonts”), or the open defaults huibian falls back to.
 * Typst is given a folder holding links to exactly these files (fontPaths), so
 * it uses no system font.
 */
import { existsSync, readdirSync } from 'node:fs';
import os from 'node:os';
import { mkdir, rm, symlink } from 'node:fs/promises';
import path from 'node:path';

/** Open defaults (README “Fonts”): role → [family, weight, file relative to the project]. */
const DEFAULTS = {
  body: ['Noto Serif SC', 400, 'node_modules/@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf'],
  title: ['Noto Serif SC', 900, 'node_modules/@expo-google-fonts/noto-serif-sc/900Black/NotoSerifSC_900Black.ttf'],
  hei: ['Noto Sans SC', 500, 'node_modules/@expo-google-fonts/noto-sans-sc/500Medium/NotoSansSC_500Medium.ttf'],
  kai: ['LXGW WenKai', 400, null],
};

/** Typst reads TTF/OTF/TTC only (not WOFF/WOFF2). */
const typstReadable = (file) => /\.(ttf|otf|ttc)$/i.test(file);

/**
 * The TTF huibian converted a WOFF/WOFF2 font to (its font cache, src/fonts/cache.ts:
 * `<stem>-<key>.ttf` in $HUIBIAN_CACHE_DIR, node_modules/.cache/huibian/fonts or
 * ~/.cache/huibian/fonts), or null.
 */
export function convertedFont(root, file) {
  const stem = path
    .basename(file)
    .replace(/\.[^.]+$/, '')
    .replace(/[^\w.-]+/gu, '_');
  const dirs = [
    process.env.HUIBIAN_CACHE_DIR,
    path.join(root, 'node_modules/.cache/huibian/fonts'),
    path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'huibian/fonts'),
  ].filter(Boolean);
  for (const dir of dirs) {
    if (!existsSync(dir)) continue;
    const hit = readdirSync(dir)
      .filter((f) => f.startsWith(`${stem}-`) && /\.(ttf|otf)$/.test(f))
      .sort()[0];
    if (hit) return path.join(dir, hit);
  }
  return null;
}

/**
 * Families, weights and files per role for the peers.
 * @param root project folder
 * @param reportFonts report.json `fonts` of a huibian build (may be empty)
 */
export function peerFonts(root, reportFonts = []) {
  const roles = {};
  for (const [role, [family, weight, rel]] of Object.entries(DEFAULTS)) {
    const used = reportFonts.find((f) => f.role === role && (f.usedBy ?? 'compilation') === 'compilation');
    if (used && existsSync(used.file) && typstReadable(used.file)) {
      roles[role] = { family: used.family, weight: used.weight, file: used.file, from: 'report.json' };
    } else if (used && convertedFont(root, used.file)) {
      roles[role] = {
        family: used.family,
        weight: used.weight,
        file: convertedFont(root, used.file),
        from: "report.json, huibian's TTF cache",
      };
    } else {
      const file = rel ? path.join(root, rel) : null;
      roles[role] = { family, weight, file: file && existsSync(file) ? file : null, from: 'default' };
    }
  }
  // A role without a readable file (楷体 before huibian has cached its TTF) falls back to the body font.
  for (const r of Object.values(roles)) if (!r.file) Object.assign(r, { ...roles.body, from: 'body (no TTF)' });
  return {
    roles,
    typst: {
      body: roles.body.family,
      title: roles.title.family,
      titleWeight: roles.title.weight,
      hei: roles.hei.family,
      heiWeight: roles.hei.weight,
      kai: roles.kai.family,
    },
  };
}

/** A folder with links to exactly the given font files (for Typst's fontPaths). */
export async function linkFontDir(dir, fonts) {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const files = [...new Set(Object.values(fonts.roles).map((r) => r.file))];
  for (const f of files) await symlink(f, path.join(dir, path.basename(f)));
  return files;
}
