// Lint: typescript-eslint's recommended rules, plus the one-way imports between
// the pipeline's phase folders (docs/design.md “One-way imports”): each folder may import only the
// folders listed for it.
import tseslint from 'typescript-eslint';

const ALLOWED = {
  cli: ['app', 'model'],
  app: ['sources', 'template', 'fonts', 'layout', 'render', 'import', 'model'],
  import: ['sources', 'model'],
  sources: ['model'],
  template: ['model'],
  fonts: ['template', 'model'],
  layout: ['fonts', 'template', 'model'],
  render: ['layout', 'fonts', 'template', 'model'],
  model: [],
};
const ALL = Object.keys(ALLOWED);

const boundaries = ALL.map((folder) => {
  const forbidden = ALL.filter((f) => f !== folder && !ALLOWED[folder].includes(f));
  return {
    files: [`src/${folder}/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: forbidden.map((f) => ({
            group: [`**/${f}/*`, `**/${f}/**`, `../${f}`, `../../${f}`],
            message: `src/${folder}/ may not import src/${f}/ (docs/design.md “One-way imports”)`,
          })),
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
  // render/docx works from the model and the page numbers the layout resolved; it never reads the page tree's drawing.
);
