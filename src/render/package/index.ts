/**
 * What the writers share: the escaping XML element writer and the deterministic zip
 * writer. Knows no output format: a writer builds its parts with these and decides
 * their names and order.
 */
export { el, escapeXml, serialize, serializeDocument, type XmlAttrs, type XmlNode, type XmlText } from './xml.js';
export { zipDeterministic, zipTime, type ZipEntry } from './zip.js';
