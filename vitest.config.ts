import { defineConfig } from 'vitest/config';

/**
 * Two projects. `unit` is the everyday loop (`npm run test:unit`): everything that
 * runs in-process in a few seconds. `slow` holds what needs LibreOffice, the built
 * CLI bundle end to end, big generated inputs or the typography corpus; only it
 * builds dist/ first (tests/global-setup.ts). `npm test` runs both.
 */
const SLOW = [
  // The real `huibian` command (bin/huibian.js → dist/bundle/) end to end.
  'tests/e2e/**/*.test.ts',
  'tests/render-pdf/two-em.test.ts',
  'tests/robustness/fonts.test.ts',
  'tests/robustness/output.test.ts',
  'tests/fuzz/**/*.test.ts',
  // Big inputs generated at run time.
  'tests/robustness/big.test.ts',
  'tests/robustness/catalogue.test.ts',
  // The typography corpus and its checker (LibreOffice, the CLI).
  'tests/typography/**/*.test.ts',
  // DOCX files converted to PDF by LibreOffice.
  'tests/render-docx/fidelity.test.ts',
  'tests/render-docx/fidelity-generated.test.ts',
  'tests/render-docx/fidelity-official.test.ts',
  'tests/render-docx/handout.test.ts',
  'tests/render-docx/header-fit.test.ts',
  'tests/render-docx/layout-facts.test.ts',
  'tests/render-docx/title-breaks.test.ts',
  'tests/render-docx/two-em.test.ts',
  'tests/render-docx/url-breaks.test.ts',
  // OFD read back by an independent reader in headless Chromium; the CLI with --format ofd.
  'tests/render-ofd/reader.test.ts',
  'tests/render-ofd/reader-sample.test.ts',
  'tests/render-ofd/reader-official.test.ts',
  'tests/render-ofd/cli.test.ts',
  // Whole collections rendered to PDF and OFD and read back with poppler, on both templates.
  'tests/render-ofd/structure.test.ts',
  'tests/render-pdf/generated.test.ts',
  // The Typst peer compile.
  'tests/bench/**/*.test.ts',
];

// Tests that render PDFs or convert DOCX through LibreOffice take seconds each;
// two workers match the two cores CI has.
export default defineConfig({
  test: {
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: 'forks',
    maxWorkers: 2,
    reporters: ['default'],
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/**/*.test.ts'], exclude: SLOW },
      },
      {
        extends: true,
        test: { name: 'slow', include: SLOW, globalSetup: ['tests/global-setup.ts'] },
      },
    ],
  },
});
