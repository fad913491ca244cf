/**
 * Renders shared by the DOCX test files: each DOCX is built once per test file (subsetting
 * the 14 MB Noto faces costs about a second) and its parts unzipped for XML assertions.
 */
import { unzipSync, strFromU8 } from 'fflate';
import { renderDocx, type RenderDocxInput } from '../../src/render/docx/index.js';
import { shippedFontBook, sampleCollection, shippedTemplate, onePiecePerPage, FIXED_DATE } from './helpers.js';

export interface Unpacked {
  readonly buffer: Buffer;
  readonly files: Record<string, Uint8Array>;
  readonly names: readonly string[];
  xml(path: string): string;
  readonly warnings: Awaited<ReturnType<typeof renderDocx>>['warnings'];
}

export function unpack(buffer: Buffer, warnings: Unpacked['warnings'] = []): Unpacked {
  const files = unzipSync(buffer);
  return {
    buffer,
    files,
    names: Object.keys(files),
    xml: (p: string) => {
      const f = files[p];
      if (!f) throw new Error(`no part ${p}`);
      return strFromU8(f);
    },
    warnings,
  };
}

export async function render(input: Partial<RenderDocxInput> = {}): Promise<Unpacked> {
  const collection = input.collection ?? (await sampleCollection());
  const r = await renderDocx({
    collection,
    template: input.template ?? (await shippedTemplate('compilation')),
    fonts: input.fonts ?? (await shippedFontBook()),
    facts: input.facts ?? onePiecePerPage(collection),
    target: input.target ?? { kind: 'compilation' },
    meta: input.meta ?? { creationDate: FIXED_DATE },
  });
  return unpack(r.buffer, r.warnings);
}
