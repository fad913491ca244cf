/**
 * Fallback peak-RSS probe for machines without GNU time: runs a Node script
 * in this process (argv as if it had been started directly) and, on exit,
 * prints `HB_MAXRSS_KB=<n> HB_CPU_MS=<n>` (process.resourceUsage(): maxRSS in
 * kilobytes, user + system CPU in ms) as the last line of stderr for bench/lib/measure.mjs.
 *
 * Usage: node bench/rss-wrapper.mjs <script.mjs|js> [args...]
 */
import { writeSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [script, ...args] = process.argv.slice(2);
process.argv = [process.argv[0], path.resolve(script), ...args];
process.on('exit', () => {
  const u = process.resourceUsage();
  writeSync(2, `\nHB_MAXRSS_KB=${u.maxRSS} HB_CPU_MS=${Math.round((u.userCPUTime + u.systemCPUTime) / 1000)}\n`);
});
await import(pathToFileURL(path.resolve(script)).href);
