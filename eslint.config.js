// Lint: typescript-eslint's recommended rules, plus two rules on imports between
// the pipeline's phase folders (docs/design.md “One-way imports”):
// - dependencies go one way: each folder may import only the folders listed for it
//   (render/pdf, render/docx and render/ofd are three writers: none imports another;
//   what they share lives in render/package, or in fonts when it is about glyphs);
// - a phase is imported through its index.ts only, never its internals. src/model
//   (the document model and the small shared vocabularies) has no internals to hide:
//   its modules are imported directly.
import tseslint from 'typescript-eslint';

const ALLOWED = {
  cli: ['app', 'model'],
  app: ['sources', 'template', 'fonts', 'layout', 'render/pdf', 'render/docx', 'render/ofd', 'import', 'model'],
  import: ['sources', 'model'],
  sources: ['model'],
  template: ['model'],
  fonts: ['template', 'model'],
  layout: ['fonts', 'template', 'model'],
  'render/pdf': ['render/package', 'layout', 'fonts', 'template', 'model'],
  'render/docx': ['render/package', 'layout', 'fonts', 'template', 'model'],
  'render/ofd': ['render/package', 'layout', 'fonts', 'template', 'model'],
  'render/package': ['model'],
  model: [],
};
const ALL = Object.keys(ALLOWED);
/** Phases whose modules may be imported directly (no index.ts in between). */
const OPEN = ['model'];

/** Import specifiers that reach `folder` (a path under src/) from another folder. */
const reaching = (folder) => {
  const last = folder.split('/').pop();
  return [`**/${folder}`, `**/${folder}/**`, `../${last}`, `../${last}/**`];
};

const boundaries = ALL.map((folder) => {
  const forbidden = ALL.filter((f) => f !== folder && !ALLOWED[folder].includes(f));
  const throughIndex = ALLOWED[folder].filter((f) => !OPEN.includes(f));
  return {
    files: [`src/${folder}/**/*.ts`],
    ignores: ALL.filter((f) => f.startsWith(`${folder}/`)).map((f) => `src/${f}/**/*.ts`),
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...forbidden.map((f) => ({
              group: reaching(f),
              message: `src/${folder}/ may not import src/${f}/ (docs/design.md “One-way imports”)`,
            })),
            ...throughIndex.map((f) => ({
              group: [`**/${f}/**`, `!**/${f}/index.js`],
              message: `import src/${f}/ through its index.ts, not its internals (docs/design.md “One-way imports”)`,
            })),
          ],
        },
      ],
    },
  };
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'out/**', 'bench/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  ...boundaries,
);
