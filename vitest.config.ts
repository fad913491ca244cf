import { defineConfig } from 'vitest/config';

// Tests that render PDFs or convert DOCX through LibreOffice take seconds each;
// two workers match the two cores CI has.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: 'forks',
    maxWorkers: 2,
    reporters: ['default'],
    globalSetup: ['tests/global-setup.ts'],
  },
});
