/**
 * The repository documents itself: no tracked file (code, comments, tests,
 * templates, scripts, docs) may cite a document that a clone does not have —
 * a sibling `shared` folder or the contract, design or typography notes kept
 * outside the project. Comments cite `docs/` (docs/design.md, docs/sources.md,
 * docs/typography.md, …) instead.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

// Built from pieces so that this file does not match itself.
const OUTSIDE = new RegExp(
  [
    String.raw`\.\./` + 'shared',
    String.raw`\b(?:` + ['SP' + 'EC', 'DES' + 'IGN', 'TYPO' + 'GRAPHY'].join('|') + String.raw`)(?:\.md\b|\s*§|:)`,
  ].join('|'),
);

/** `path:line: text` for every line of a tracked text file that cites a document outside the repository. */
function outsideCitations(files: readonly string[], read: (file: string) => Buffer): string[] {
  const found: string[] = [];
  for (const file of files) {
    const bytes = read(file);
    if (bytes.includes(0)) continue; // fonts, images, Word files
    bytes
      .toString('utf8')
      .split('\n')
      .forEach((line, i) => {
        if (OUTSIDE.test(line)) found.push(`${file}:${i + 1}: ${line.trim()}`);
      });
  }
  return found;
}

describe('the repository is self-contained', () => {
  it('flags each way of citing a document outside the repository', () => {
    const lines: Record<string, string> = {
      'a.ts': ' * Orchestration (' + 'DES' + 'IGN.md: app/)',
      'b.ts': ' * Fonts (' + 'SP' + 'EC §5): discovery',
      'c.ts': ' * subtitle (' + 'TYPO' + 'GRAPHY: a subtitle …)',
      'd.md': 'see ../' + 'shared/notes.md',
      'e.ts': ' * Fonts (docs/design.md, “Fonts”); a ' + 'SP' + 'ECIAL case; ' + 'DES' + 'IGNER',
    };
    const found = outsideCitations(Object.keys(lines), (f) => Buffer.from(lines[f]));
    expect(found.map((l) => l.split(':')[0])).toEqual(['a.ts', 'b.ts', 'c.ts', 'd.md']);
  });

  it('no tracked file cites a document the repository does not have', () => {
    const files = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' }).split('\0').filter(Boolean);
    expect(files.length).toBeGreaterThan(100);
    expect(outsideCitations(files, (f) => readFileSync(join(ROOT, f)))).toEqual([]);
  });
});
