import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { SourceError } from '../../src/model/diagnostics.js';
import { loadTemplate } from '../../src/template/index.js';
import { TEMPLATES, errorsOf, tempFolder } from './helpers.js';

describe('template errors: every problem at once, at its YAML node', () => {
  it('malformed YAML', async () => {
    expect(await errorsOf('extends: compilation\npage:\n  size: A4\n   margins: 1mm\n')).toEqual([
      't.yaml:3:9: invalid YAML: Nested mappings are not allowed in compact mappings',
      't.yaml:3:9: invalid YAML: Implicit keys need to be on a single line',
    ]);
    expect(await errorsOf('extends: compilation\nlist:\n  bullets: [●\n')).toEqual([
      't.yaml:4:1: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
    ]);
    expect(await errorsOf('- a\n- b\n')).toEqual([
      't.yaml:1:1: a template must be a mapping of keys (page:, fonts:, styles: …)',
    ]);
  });

  it('duplicate keys', async () => {
    expect(await errorsOf('extends: compilation\nthematicBreak: page\nthematicBreak: space\n')).toEqual([
      't.yaml:3:1: invalid YAML: Map keys must be unique',
    ]);
  });

  it('unknown keys, with did-you-mean for misspellings', async () => {
    const text = [
      'extends: compilation',
      'pgae:', //                          2: swapped letters
      '  size: A4',
      'styles:',
      '  bdy: { size: 12pt }', //          5: a letter missing
      '  body: { szie: 12pt }', //         6
      'fonts:',
      '  titel: [X]', //                   8
      'contents:',
      '  entyr: "{n}"', //                10
      'colour: red', //                   11: nothing close
    ].join('\n');
    expect(await errorsOf(text)).toEqual([
      't.yaml:2:1: unknown key "pgae" (did you mean "page"?)',
      't.yaml:5:3: unknown style "bdy" (did you mean "body"?)',
      't.yaml:6:11: unknown key "szie" (did you mean "size"?)',
      't.yaml:8:3: unknown font role "titel" (did you mean "title"?)',
      't.yaml:10:3: unknown key "entyr" (did you mean "entry"?)',
      't.yaml:11:1: unknown key "colour" (known: description, extends, page, grid, fonts, styles, kinsoku, maxGapStretch, contents, pageNumber, header, pieceNewPage, partTitlePage, thematicBreak, list, table, footnotes)',
    ]);
  });

  it('the stretch cap per gap: a length greater than zero, at its node', async () => {
    expect(await errorsOf('extends: compilation\nmaxGapStretch: 0\n')).toEqual([
      't.yaml:2:16: maxGapStretch must be greater than zero, got 0',
    ]);
    expect(await errorsOf('extends: compilation\nmaxGapStretch: -0.5em\n')).toEqual([
      't.yaml:2:16: maxGapStretch must be greater than zero, got "-0.5em"',
    ]);
    expect((await errorsOf('extends: compilation\nmaxGapStretch: wide\n'))[0]).toMatch(
      /^t\.yaml:2:16: maxGapStretch: /,
    );
  });

  it('a misspelt choice gets a did-you-mean too', async () => {
    expect(
      await errorsOf('extends: compilation\nstyles:\n  byline: { align: centre }\npageNumber: { position: outsdie }\n'),
    ).toEqual([
      't.yaml:3:20: styles.byline.align must be one of justify, left, center, right, got "centre" (did you mean "center"?)',
      't.yaml:4:25: pageNumber.position must be one of center, outside, right, left, got "outsdie" (did you mean "outside"?)',
    ]);
  });

  it('wrong types', async () => {
    const text = [
      'extends: compilation',
      'styles:',
      '  body: { bold: yes, align: middle, font: serif }',
      'pieceNewPage: 1',
      'fonts:',
      '  hei: [{ family: 黑体, weight: 1000 }, [x]]',
      'grid: [22, 28]',
      'kinsoku: loose',
      'list: { numbering: "{n}.", bullets: [●, "", [x]] }',
    ].join('\n');
    expect(await errorsOf(text)).toEqual([
      't.yaml:3:17: styles.body.bold must be true or false, got "yes"',
      't.yaml:3:29: styles.body.align must be one of justify, left, center, right, got "middle"',
      't.yaml:3:43: styles.body.font must be one of title, body, hei, kai, song, got "serif"',
      't.yaml:4:15: pieceNewPage must be true or false, got 1',
      't.yaml:6:31: fonts.hei[0].weight must be a whole number from 100 to 900, got 1000',
      't.yaml:6:39: fonts.hei[1] must be a family name or { family, weight }, got a list',
      't.yaml:7:7: grid must be a mapping, got a list',
      't.yaml:8:10: kinsoku must be one of none, basic, gb, strict, got "loose"',
      't.yaml:9:20: list.numbering must be a list of markers, one per depth, got "{n}."',
      't.yaml:9:41: list.bullets[1] must not be empty',
      't.yaml:9:45: list.bullets[2] must be text, got a list',
    ]);
  });

  it('bad units', async () => {
    const text =
      'extends: compilation\npage:\n  margins: { top: 12px, bottom: 12, left: 2em, right: 1grid }\n' +
      'styles:\n  body: { size: 大号, firstIndent: 2ch }\n';
    expect(await errorsOf(text)).toEqual([
      't.yaml:3:19: page.margins.top: "12px" is not a length (use a number with mm, cm, pt or in)',
      't.yaml:3:33: page.margins.bottom: 12 is not a length (use a number with mm, cm, pt or in)',
      't.yaml:3:43: page.margins.left: "2em" is not a length (use a number with mm, cm, pt or in)',
      't.yaml:3:55: page.margins.right: "1grid" needs a grid, and this template has none',
      't.yaml:5:17: styles.body.size: "大号" is not a length (use a number with mm, cm, pt or in, or a 字号 name such as 三号)',
      't.yaml:5:34: styles.body.firstIndent: "2ch" is not a length (use a number with mm, cm, pt, in or em)',
    ]);
  });

  it('negative margins and spacing', async () => {
    expect(
      await errorsOf(
        'extends: compilation\npage:\n  margins: { top: -5mm, left: -1pt }\nstyles:\n  byline: { spaceAfter: -2pt }\n',
      ),
    ).toEqual([
      't.yaml:3:19: page.margins.top must not be negative, got "-5mm"',
      't.yaml:3:31: page.margins.left must not be negative, got "-1pt"',
      't.yaml:5:25: styles.byline.spaceAfter must not be negative, got "-2pt"',
    ]);
  });

  it('table and footnote values: negative lengths, a percentage over 100, a wrong type', async () => {
    const text = [
      'extends: compilation',
      'table: { cellPadding: -1pt, rule: thin, shortCell: 4em }',
      'footnotes: { ruleLength: 150%, rule: -0.5pt }',
    ].join('\n');
    expect(await errorsOf(text)).toEqual([
      't.yaml:2:23: table.cellPadding must not be negative, got "-1pt"',
      't.yaml:2:35: table.rule: "thin" is not a length (use a number with mm, cm, pt, in or em)',
      't.yaml:3:26: footnotes.ruleLength must be at most 100%, got "150%"',
      't.yaml:3:38: footnotes.rule must not be negative, got "-0.5pt"',
    ]);
    expect(await errorsOf('extends: compilation\nfootnotes: { ruleLength: 3cm, rule: 1pt, colour: red }\n')).toEqual([
      't.yaml:2:42: unknown key "colour" (known: ruleLength, rule)',
    ]);
  });

  it('zero or negative font size', async () => {
    expect(await errorsOf('extends: compilation\nstyles:\n  body: { size: 0pt }\n  byline: { size: -3pt }\n')).toEqual([
      't.yaml:3:17: styles.body.size must be greater than zero, got "0pt"',
      't.yaml:4:19: styles.byline.size must be greater than zero, got "-3pt"',
    ]);
  });

  it('a grid that cannot hold one character', async () => {
    expect(await errorsOf('extends: official\ngrid: { lines: 40, chars: 60 }\n')).toEqual([
      't.yaml:2:16: grid.lines: 40 lines give a 15.9pt line pitch, less than the 16pt body size: a line cannot hold one character',
      't.yaml:2:27: grid.chars: 60 characters give a 7.35pt character pitch, less than half the 16pt body size: a character cannot fit',
    ]);
    expect(await errorsOf('extends: official\ngrid: { lines: 0, chars: 2.5 }\n')).toEqual([
      't.yaml:2:16: grid.lines must be a whole number ≥ 1, got 0',
      't.yaml:2:26: grid.chars must be a whole number ≥ 1, got 2.5',
    ]);
  });

  it('a type area of zero or negative size', async () => {
    const text = 'extends: compilation\npage:\n  margins: { left: 105mm, right: 110mm, top: 150mm, bottom: 147mm }\n';
    expect(await errorsOf(text)).toEqual([
      't.yaml:3:12: type area is -14.17pt wide: the left and right margins leave no room on the 595.28pt wide page',
      't.yaml:3:12: type area is 0pt high: the top and bottom margins leave no room on the 841.89pt high page',
    ]);
  });

  it('bad placeholders and page-number format', async () => {
    const text =
      'extends: compilation\ncontents:\n  entry: "{n}．{tilte}"\npageNumber:\n  format: "第页"\n' +
      'header:\n  text: "{collection} {author}"\n  gap: 3mm\n';
    expect(await errorsOf(text)).toEqual([
      't.yaml:3:10: contents.entry: unknown placeholder "tilte" (did you mean "title"?)',
      't.yaml:5:11: pageNumber.format must contain {n}, got "第页"',
      't.yaml:7:9: header.text: unknown placeholder "author" (known: collection, source, date, title)',
    ]);
  });

  it('missing keys in a template written from scratch, and style chains', async () => {
    const text = [
      'page: { size: [210mm, 0mm], margins: 20mm }',
      'styles:',
      '  body: { font: body }',
      '  pieceTitle: { base: bdy }',
      '  byline: { base: subtitle }',
      '  subtitle: { base: byline }',
    ].join('\n');
    expect(await errorsOf(text)).toEqual([
      't.yaml:1:1: missing "fonts" in the template',
      't.yaml:1:1: missing "maxGapStretch" in the template',
      't.yaml:1:1: missing "contents" in the template',
      't.yaml:1:1: missing "pageNumber" in the template',
      't.yaml:1:1: missing "pieceNewPage" in the template',
      't.yaml:1:1: missing "list" in the template',
      't.yaml:1:1: missing "table" in the template',
      't.yaml:1:1: missing "footnotes" in the template',
      't.yaml:1:23: page.size height must be greater than zero, got "0mm"',
      't.yaml:3:9: missing "size" in styles.body',
      't.yaml:3:9: missing "line" in styles.body',
      't.yaml:4:23: styles.pieceTitle.base: unknown style "bdy" (did you mean "body"?)',
      't.yaml:5:19: styles: "base" goes round in a circle (subtitle → byline → subtitle)',
    ]);
  });

  it('unknown template name, positioned at the caller’s template: line', async () => {
    const dir = tempFolder({});
    const refPos = { file: path.join(dir, 'collection.yaml'), line: 4, column: 11 };
    const err = await loadTemplate('offical', { templatesDir: TEMPLATES, baseDir: dir, refPos }).catch((e) => e);
    expect(err).toBeInstanceOf(SourceError);
    expect((err as SourceError).diagnostics).toEqual([
      { severity: 'error', ...refPos, message: 'unknown template "offical" (did you mean "official"?)' },
    ]);
    expect((err as SourceError).message).toBe(
      `${refPos.file}:4:11: error: unknown template "offical" (did you mean "official"?)`,
    );

    const far = await loadTemplate('newspaper', { templatesDir: TEMPLATES, baseDir: dir, refPos }).catch((e) => e);
    expect((far as SourceError).diagnostics[0].message).toBe(
      'unknown template "newspaper" (known: compilation, handout, official)',
    );
    const missing = await loadTemplate('./nope.yaml', { templatesDir: TEMPLATES, baseDir: dir, refPos }).catch(
      (e) => e,
    );
    expect((missing as SourceError).diagnostics.map((d) => [d.line, d.column, d.message])).toEqual([
      [4, 11, `template file not found: ${path.join(dir, 'nope.yaml')}`],
    ]);
  });

  it('unknown template in extends, and extends loops', async () => {
    expect(await errorsOf('extends: offical\n')).toEqual([
      't.yaml:1:10: unknown template "offical" (did you mean "official"?)',
    ]);
    expect(await errorsOf('extends: ./u.yaml\n', { 'u.yaml': 'extends: ./t.yaml\n' })).toEqual([
      't.yaml:1:1: "extends" goes round in a circle: t.yaml → u.yaml → t.yaml',
    ]);
  });

  it('errors in a parent template are reported in the parent file', async () => {
    const errs = await errorsOf('extends: ./parent.yaml\nlist: { bullets: [●] }\n', {
      'parent.yaml': 'extends: compilation\nstyles:\n  body: { size: 12 }\n',
    });
    expect(errs).toEqual([
      'parent.yaml:3:17: styles.body.size: 12 is not a length (use a number with mm, cm, pt or in, or a 字号 name such as 三号)',
    ]);
  });
});
