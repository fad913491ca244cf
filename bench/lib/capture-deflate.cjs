/**
 * Preloaded (`node -r`) into a huibian build by bench/pdf-deflate.mjs: writes every
 * buffer pdfkit deflates (zlib.deflateSync without options: the PDF's streams) to
 * $HUIBIAN_DEFLATE_CAPTURE as numbered files, so the benchmark compresses the streams
 * a real build compresses. Changes nothing in the build's output.
 */
const zlib = require('node:zlib');
const fs = require('node:fs');
const path = require('node:path');

const dir = process.env.HUIBIAN_DEFLATE_CAPTURE;
const original = zlib.deflateSync;
let n = 0;
zlib.deflateSync = function deflateSync(buf, opts) {
  if (dir && opts === undefined) fs.writeFileSync(path.join(dir, `${String(n++).padStart(6, '0')}.bin`), buf);
  return original.call(this, buf, opts);
};
