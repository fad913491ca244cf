/**
 * Package parts huibian writes whole and hands to docx's `Packer` as overrides:
 * the font table with the embedded faces (ECMA-376 Part 1 §17.8.3.10 w:fonts, §17.8.3.3
 * w:embedRegular/w:embedBold), its relationships, and the settings part (§17.15.1.78
 * w:settings) with the Chinese line-breaking switches docx has no option for:
 * §17.15.1.18 w:characterSpacingControl compressPunctuation, §17.15.1.45 w:embedTrueTypeFonts,
 * §17.15.1.74 w:saveSubsetFonts, §17.10.1 w:evenAndOddHeaders. No updateFields: the
 * contents arrives filled in.
 */
import { el, serializeDocument, type XmlNode } from '../package/index.js';
import { obfuscateFont, type EmbeddedFace } from './fonts.js';

const NS_W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

export interface OverridePart {
  readonly path: string;
  readonly data: string | Uint8Array;
}

/** Obfuscated font parts, by font key (derived from the bytes): a build's documents share them. */
const obfuscatedByKey = new Map<string, Uint8Array>();

function obfuscated(face: EmbeddedFace): Uint8Array {
  let data = obfuscatedByKey.get(face.key);
  if (!data) {
    data = obfuscateFont(face.data, face.key);
    if (obfuscatedByKey.size >= 32) obfuscatedByKey.delete(obfuscatedByKey.keys().next().value!);
    obfuscatedByKey.set(face.key, data);
  }
  return data;
}

/** Families named by the styles, for the font table (each once, in first-use order). */
export function fontTableParts(families: readonly string[], embedded: readonly EmbeddedFace[]): OverridePart[] {
  const parts: OverridePart[] = [];
  const rels: XmlNode[] = [];
  const fontNodes: XmlNode[] = [];
  let n = 0;
  for (const family of families) {
    const kids: XmlNode[] = [
      el('w:charset', { 'w:val': '86' }),
      el('w:family', { 'w:val': 'roman' }),
      el('w:pitch', { 'w:val': 'variable' }),
    ];
    for (const slot of ['regular', 'bold'] as const) {
      const face = embedded.find((e) => e.family === family && e.slot === slot);
      if (!face) continue;
      n++;
      const id = `rId${n}`;
      const file = `fonts/font${n}.odttf`;
      rels.push(el('Relationship', { Id: id, Type: `${NS_R}/font`, Target: file }));
      parts.push({ path: `word/${file}`, data: obfuscated(face) });
      const attrs: Record<string, string> = { 'r:id': id, 'w:fontKey': `{${face.key}}` };
      if (face.subsetted) attrs['w:subsetted'] = '1';
      kids.push(el(slot === 'regular' ? 'w:embedRegular' : 'w:embedBold', attrs));
    }
    fontNodes.push(el('w:font', { 'w:name': family }, kids));
  }
  parts.unshift(
    {
      path: 'word/fontTable.xml',
      data: serializeDocument(el('w:fonts', { 'xmlns:w': NS_W, 'xmlns:r': NS_R }, fontNodes)),
    },
    {
      path: 'word/_rels/fontTable.xml.rels',
      data: serializeDocument(el('Relationships', { xmlns: NS_PKG_REL }, rels)),
    },
  );
  return parts;
}

export interface SettingsOptions {
  readonly evenAndOddHeaders: boolean;
  readonly embedFonts: boolean;
  /** Default tab stop, twips. */
  readonly defaultTabStopTwip: number;
  readonly lang: string;
}

/** word/settings.xml, in CT_Settings element order. */
export function settingsPart(o: SettingsOptions): OverridePart {
  const kids: XmlNode[] = [];
  if (o.embedFonts) kids.push(el('w:embedTrueTypeFonts'), el('w:saveSubsetFonts'));
  kids.push(el('w:defaultTabStop', { 'w:val': o.defaultTabStopTwip }));
  if (o.evenAndOddHeaders) kids.push(el('w:evenAndOddHeaders'));
  kids.push(el('w:characterSpacingControl', { 'w:val': 'compressPunctuation' }));
  kids.push(
    el('w:compat', {}, [
      // §17.15.3.7: a line ended by a hard break is not stretched (the PDF never justifies it).
      el('w:doNotExpandShiftReturn'),
      el('w:compatSetting', {
        'w:name': 'compatibilityMode',
        'w:uri': 'http://schemas.microsoft.com/office/word',
        'w:val': '15',
      }),
    ]),
  );
  kids.push(el('w:themeFontLang', { 'w:val': 'en-US', 'w:eastAsia': o.lang }));
  return {
    path: 'word/settings.xml',
    data: serializeDocument(el('w:settings', { 'xmlns:w': NS_W, 'xmlns:r': NS_R }, kids)),
  };
}
