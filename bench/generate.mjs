/**
 * Benchmark input generator: deterministic collections of N pieces in huibian's
 * source format (docs/sources.md: collection.yaml + `NN-id.md` with front matter
 * title/role/author), built from the real paragraphs of the sample collection.
 *
 * The same pieces are also written as one Typst document (`typst/main.typ`) and
 * one pandoc Markdown file (`pandoc.md`), so the peers set the same text.
 *
 * Paragraphs are split into segments (plain text, `**lead**`, `*emphasis*`),
 * shuffled with a fixed-seed PRNG, sometimes halved or joined (mixed lengths),
 * and sprinkled with Latin words and digits. Everything is a pure function of
 * (sample text, count, seed) except the two `write…` helpers.
 */
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { intBetween, mulberry32, pick, shuffled } from './lib/prng.mjs';

/** Latin words and digits mixed into generated text (Han–Latin spacing, Latin line breaking, digits). */
export const LATIN_INSERTS = [
  '新建5G基站1280个',
  'AI算力规模达到2.3 EFLOPS',
  '上线“Smart Park”智慧园区平台',
  'GDP同比增长6.1%',
  '引进ERP与MES系统137套',
  '建成IoT感知节点4.6万个',
  'R&D投入强度达3.2%',
  '与Siemens、Bosch等企业签约项目12个',
  '发布open data数据集256个',
  '完成ISO 9001认证企业38家',
];

// ---------------------------------------------------------------------------
// Reading the sample

/** Splits `---` front matter from a Markdown file. */
function splitFrontMatter(text) {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
  if (!m) return { meta: {}, body: text };
  return { meta: parseYaml(m[1]) ?? {}, body: text.slice(m[0].length) };
}

/**
 * Segments of one Markdown paragraph: `**x**` → lead, `*x*` → emphasis, the rest text.
 * Only the two inline forms the sample uses are recognised.
 * @returns {{kind: 'text'|'lead'|'em', text: string}[]}
 */
export function segmentParagraph(md) {
  const segments = [];
  const re = /\*\*(.+?)\*\*|\*(.+?)\*/g;
  let last = 0;
  for (let m; (m = re.exec(md));) {
    if (m.index > last) segments.push({ kind: 'text', text: md.slice(last, m.index) });
    segments.push(m[1] !== undefined ? { kind: 'lead', text: m[1] } : { kind: 'em', text: m[2] });
    last = m.index + m[0].length;
  }
  if (last < md.length) segments.push({ kind: 'text', text: md.slice(last) });
  return segments;
}

/** Paragraphs, titles and bylines of the sample collection folder. */
export async function readSample(sampleDir) {
  const files = (await readdir(sampleDir)).filter((f) => /^\d+-.*\.md$/.test(f)).sort();
  const paragraphs = [];
  const heads = [];
  for (const f of files) {
    const { meta, body } = splitFrontMatter(await readFile(path.join(sampleDir, f), 'utf8'));
    const own = [];
    for (const block of body.split(/\r?\n\s*\r?\n/)) {
      const joined = block
        .split(/\r?\n/)
        .map((l) => l.trim())
        .join('');
      if (joined !== '' && !joined.startsWith('#')) own.push(segmentParagraph(joined));
    }
    heads.push({
      file: f,
      id: String(meta.id ?? f.replace(/^\d+-|\.md$/g, '')),
      title: String(meta.title ?? f),
      subtitle: meta.subtitle ? String(meta.subtitle) : null,
      role: String(meta.role ?? ''),
      author: String(meta.author ?? ''),
      paragraphs: own,
    });
    paragraphs.push(...own);
  }
  if (paragraphs.length === 0) throw new Error(`no paragraphs found in ${sampleDir}`);
  return { paragraphs, heads };
}

/** The sample itself as a generated collection (for the peers' copy of the real sample). */
export function sampleAsCollection(sample, title) {
  return {
    title,
    pieces: sample.heads.map((h, i) => ({
      n: i + 1,
      id: h.id,
      title: h.title,
      subtitle: h.subtitle,
      role: h.role,
      author: h.author,
      paragraphs: h.paragraphs,
    })),
  };
}

// ---------------------------------------------------------------------------
// Generating (pure)

const textLength = (segs) => segs.reduce((n, s) => n + s.text.length, 0);

/** The first half of a paragraph, cut at a segment end or a 。 near the middle. */
function halve(segs) {
  if (segs.length >= 3) return segs.slice(0, Math.ceil(segs.length / 2));
  const s = segs[0];
  const cut = s.text.indexOf('。', Math.floor(s.text.length / 2));
  if (cut < 0 || cut === s.text.length - 1) return segs;
  return [{ kind: s.kind, text: s.text.slice(0, cut + 1) }];
}

/** Inserts a Latin/digit phrase after a random ， of a plain-text segment (if any). */
function sprinkleLatin(rand, segs) {
  const candidates = segs.map((s, i) => (s.kind === 'text' && s.text.includes('，') ? i : -1)).filter((i) => i >= 0);
  if (candidates.length === 0) return segs;
  const i = pick(rand, candidates);
  const text = segs[i].text;
  const commas = [...text.matchAll(/，/g)].map((m) => m.index);
  const at = pick(rand, commas) + 1;
  const out = [...segs];
  out[i] = { kind: 'text', text: `${text.slice(0, at)}${pick(rand, LATIN_INSERTS)}，${text.slice(at)}` };
  return out;
}

/** How many paragraphs a piece gets: short, medium or long pieces. */
function paragraphCount(rand) {
  const r = rand();
  if (r < 0.3) return intBetween(rand, 1, 3);
  if (r < 0.8) return intBetween(rand, 4, 6);
  return intBetween(rand, 7, 12);
}

/** Draws items one by one from shuffled decks of `items`, a new shuffle each time a deck runs out. */
function drawing(rand, items) {
  let deck = [];
  return () => {
    if (deck.length === 0) deck = shuffled(rand, items);
    return deck.pop();
  };
}

/**
 * A deterministic collection of `count` pieces from the sample's paragraphs.
 * @returns {{title: string, pieces: {n, id, title, subtitle, role, author, paragraphs}[]}}
 */
export function generatePieces(sample, count, seed = 20231024) {
  const rand = mulberry32(seed);
  const draw = drawing(rand, sample.paragraphs);
  const pieces = [];
  for (let n = 1; n <= count; n++) {
    const head = pick(rand, sample.heads);
    const paragraphs = [];
    const k = paragraphCount(rand);
    for (let p = 0; p < k; p++) {
      let segs = draw();
      const v = rand();
      if (v < 0.2) segs = halve(segs);
      else if (v < 0.3) segs = [...segs, { kind: 'text', text: '' }, ...draw()].filter((s) => s.text !== '');
      if (rand() < 0.35) segs = sprinkleLatin(rand, segs);
      paragraphs.push(segs);
    }
    pieces.push({
      n,
      id: `p${String(n).padStart(4, '0')}`,
      // Titles repeat across a large collection; a number keeps contents entries apart.
      title: count > sample.heads.length ? `${head.title}（${n}）` : head.title,
      subtitle: rand() < 0.15 ? (head.subtitle ?? '加快建设现代化新重庆') : null,
      role: head.role,
      author: head.author,
      paragraphs,
    });
  }
  return { title: `交流发言材料汇编（基准测试，${count}篇）`, pieces };
}

// ---------------------------------------------------------------------------
// Serialising (pure)

/** One paragraph as Markdown (the sample's inline forms). */
export function paragraphToMarkdown(segs) {
  return segs.map((s) => (s.kind === 'lead' ? `**${s.text}**` : s.kind === 'em' ? `*${s.text}*` : s.text)).join('');
}

const yamlString = (s) => JSON.stringify(s);

/** A piece file: front matter + paragraphs separated by blank lines. */
export function pieceToMarkdown(piece) {
  const fm = [
    '---',
    `title: ${yamlString(piece.title)}`,
    ...(piece.subtitle ? [`subtitle: ${yamlString(piece.subtitle)}`] : []),
    `role: ${yamlString(piece.role)}`,
    `author: ${yamlString(piece.author)}`,
    `id: ${piece.id}`,
    '---',
    '',
  ];
  return `${fm.join('\n')}${piece.paragraphs.map(paragraphToMarkdown).join('\n\n')}\n`;
}

/** File name of piece n: `NN-id.md`, NN at least two digits, wide enough for the collection. */
export function pieceFileName(piece, count) {
  return `${String(piece.n).padStart(Math.max(2, String(count).length), '0')}-${piece.id}.md`;
}

export function collectionYaml(gen, count) {
  const lines = [
    '# Generated by bench/generate.mjs from the sample collection; do not edit.',
    `title: ${yamlString(gen.title)}`,
    'showCount: true',
    'banner:',
    '  headline: 以决战决胜姿态冲刺四季度、打好收官战',
    '  source: 重庆日报',
    '  date: 2023-10-24',
    'template: compilation',
    'lang: zh-CN',
    'pieces:',
    ...gen.pieces.map((p) => `  - ${pieceFileName(p, count)}`),
  ];
  return `${lines.join('\n')}\n`;
}

/** Escapes Typst markup characters in plain text. */
export function escapeTypst(s) {
  return s.replace(/[\\#$*_`<>@[\]~=+\-/'"]/g, (c) => `\\${c}`);
}

export function paragraphToTypst(segs) {
  return segs
    .map((s) =>
      s.kind === 'lead'
        ? `#lead[${escapeTypst(s.text)}];`
        : s.kind === 'em'
          ? `#kai[${escapeTypst(s.text)}];`
          : escapeTypst(s.text),
    )
    .join('');
}

const fmt = (x) => `${Math.round(x * 1000) / 1000}pt`;

/**
 * The whole collection as one Typst document with huibian's page setup:
 * page size and margins, body size and exact line pitch, justified, 2 em
 * first-line indent, one heading per piece starting a new page, an outline.
 * `setup` comes from bench/lib/page-setup.mjs; `fonts` names the families.
 */
export function collectionToTypst(gen, setup, fonts) {
  const body = setup.body;
  const head = [
    `#set document(title: ${JSON.stringify(gen.title)})`,
    `#set page(width: ${fmt(setup.page.widthPt)}, height: ${fmt(setup.page.heightPt)}, margin: (top: ${fmt(setup.page.marginTopPt)}, bottom: ${fmt(setup.page.marginBottomPt)}, left: ${fmt(setup.page.marginLeftPt)}, right: ${fmt(setup.page.marginRightPt)}), footer: context align(center, text(size: ${fmt(setup.pageNumberSizePt)}, counter(page).display())))`,
    // A line box exactly 1 em high, so leading = pitch − size gives the template's exact pitch.
    `#set text(font: ${JSON.stringify(fonts.body)}, size: ${fmt(body.sizePt)}, lang: "zh", region: "cn", top-edge: 1em, bottom-edge: 0em)`,
    `#set par(justify: true, first-line-indent: (amount: ${fmt(body.firstIndentPt)}, all: true), leading: ${fmt(body.linePt - body.sizePt)}, spacing: ${fmt(body.linePt - body.sizePt)})`,
    `#let lead(body) = text(font: ${JSON.stringify(fonts.hei)}, weight: ${fonts.heiWeight}, body)`,
    `#let kai(body) = text(font: ${JSON.stringify(fonts.kai)}, body)`,
    `#show heading.where(level: 1, outlined: true): it => { pagebreak(weak: true); set par(first-line-indent: 0pt, justify: false); align(center, text(font: ${JSON.stringify(fonts.title)}, weight: ${fonts.titleWeight}, size: ${fmt(setup.title.sizePt)}, it.body)) }`,
    `#let byline(body) = align(center, par(first-line-indent: 0pt, text(font: ${JSON.stringify(fonts.kai)}, body)))`,
    `#align(center, text(font: ${JSON.stringify(fonts.title)}, weight: ${fonts.titleWeight}, size: ${fmt(setup.title.sizePt)}, [${escapeTypst(gen.title)}]))`,
    '#outline(title: [目录], depth: 1)',
    '',
  ];
  const pieces = gen.pieces.map((p) => {
    const lines = [`= ${escapeTypst(p.title)}`];
    if (p.subtitle) lines.push(`#align(center, par(first-line-indent: 0pt)[——${escapeTypst(p.subtitle)}])`);
    lines.push(`#byline[${escapeTypst(p.role + p.author)}]`, '');
    for (const para of p.paragraphs) lines.push(paragraphToTypst(para), '');
    return lines.join('\n');
  });
  return `${head.join('\n')}\n${pieces.join('\n')}`;
}

/** Han/Latin characters of the pieces' bodies (not titles). */
export function bodyChars(gen) {
  return gen.pieces.reduce((n, p) => n + p.paragraphs.reduce((m, s) => m + textLength(s), 0), 0);
}

/** The whole collection as one pandoc Markdown file (a level-1 heading per piece). */
export function collectionToPandoc(gen) {
  const parts = [`---\ntitle: ${yamlString(gen.title)}\nlang: zh-CN\n---\n`];
  for (const p of gen.pieces) {
    parts.push(`# ${p.title}\n`);
    if (p.subtitle) parts.push(`——${p.subtitle}\n`);
    parts.push(`*${p.role}${p.author}*\n`);
    for (const para of p.paragraphs) parts.push(`${paragraphToMarkdown(para)}\n`);
  }
  return parts.join('\n');
}

// ---------------------------------------------------------------------------
// Writing

/**
 * Writes a generated collection to `outDir` (cleared first):
 * collection.yaml, NN-id.md per piece, pandoc.md and (with `typst`) typst/main.typ.
 * @returns the generated collection and the paths written.
 */
export async function writeCollection({ sampleDir, outDir, count, seed = 20231024, typst = null }) {
  const sample = await readSample(sampleDir);
  const gen = generatePieces(sample, count, seed);
  await rm(outDir, { recursive: true, force: true });
  await mkdir(path.join(outDir, 'typst'), { recursive: true });
  await writeFile(path.join(outDir, 'collection.yaml'), collectionYaml(gen, count));
  for (const p of gen.pieces) await writeFile(path.join(outDir, pieceFileName(p, count)), pieceToMarkdown(p));
  await writeFile(path.join(outDir, 'pandoc.md'), collectionToPandoc(gen));
  if (typst) await writeTypst(gen, outDir, typst.setup, typst.fonts);
  return { gen, chars: bodyChars(gen), dir: outDir };
}

export async function writeTypst(gen, outDir, setup, fonts) {
  const file = path.join(outDir, 'typst', 'main.typ');
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, collectionToTypst(gen, setup, fonts));
  return file;
}

// ---------------------------------------------------------------------------
// One big piece

/** Hard-wraps a paragraph's Markdown at `width` characters (text pasted from a PDF); never inside `**`/`*` markers. */
function hardWrap(md, width) {
  const out = [];
  let line = '';
  for (const token of md.match(/\*\*[^*]+\*\*|\*[^*]+\*|[^*]/g) ?? []) {
    if (line.length + token.length > width && line !== '') {
      out.push(line);
      line = '';
    }
    line += token;
  }
  if (line !== '') out.push(line);
  return out.join('\n');
}

/**
 * One piece of about `bytes` bytes of UTF-8 — a year of speeches in one file — from
 * the sample's paragraphs in generated order: a `##` heading every 25 paragraphs, a
 * third of the paragraphs hard-wrapped at 36 characters, a footnote (reference and
 * definition) every 5th paragraph, a three-item list every 40th and a block quote
 * every 60th. Pure: the same (sample, bytes, seed) give the same text.
 */
export function bigPieceMarkdown(sample, bytes, seed = 20231024) {
  const rand = mulberry32(seed);
  const draw = drawing(rand, sample.paragraphs);
  const parts = ['---\ntitle: 一年的发言（合订本）\nrole: 区委书记\nauthor: 张三\nid: big\n---\n'];
  let size = Buffer.byteLength(parts[0]);
  for (let k = 1; size < bytes; k++) {
    let p = paragraphToMarkdown(draw());
    if (k % 3 === 0) p = hardWrap(p, 36);
    if (k % 5 === 0) p += `[^n${k}]\n\n[^n${k}]: 资料来源：重庆日报，第${k}期。`;
    if (k % 25 === 1) p = `## 第${Math.ceil(k / 25)}部分\n\n${p}`;
    if (k % 40 === 0) p += '\n\n- 抓项目、抓招商\n- 抓改革、抓创新\n- 抓民生、抓安全';
    if (k % 60 === 0) p += `\n\n> ${paragraphToMarkdown(draw())}`;
    parts.push(p);
    size += Buffer.byteLength(p) + 2;
  }
  return `${parts.join('\n\n')}\n`;
}

/** Writes a collection of one big piece (`bigPieceMarkdown`) to `outDir` (cleared first). */
export async function writeBigPiece({ sampleDir, outDir, bytes, seed = 20231024 }) {
  const text = bigPieceMarkdown(await readSample(sampleDir), bytes, seed);
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  await writeFile(path.join(outDir, 'collection.yaml'), 'title: 一年的发言\npieces:\n  - 01-big.md\n');
  await writeFile(path.join(outDir, '01-big.md'), text);
  return { dir: outDir, bytes: Buffer.byteLength(text) };
}
