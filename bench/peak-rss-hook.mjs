/**
 * Loaded with `node --import` into a pipeline process when GNU time is not available: at
 * exit, writes the process's peak resident memory (KiB, `process.resourceUsage().maxRSS`)
 * to the file named by IPS_RCT_BENCH_RSS_FILE; bench/measure.ts reads it. Plain
 * JavaScript, because it is loaded before (or without) the TypeScript loader.
 */
import { writeFileSync } from 'node:fs';

const file = process.env.IPS_RCT_BENCH_RSS_FILE;
if (file) {
  process.on('exit', () => {
    writeFileSync(file, `${process.resourceUsage().maxRSS}\n`);
  });
}
