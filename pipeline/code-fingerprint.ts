/**
 * The fingerprint of the code that computes every output: the tool's own source files
 * (src/ and pipeline/), its version, the installed versions of its dependencies, and the
 * Node.js version. Any change reruns every stage, since any stage may call changed code.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { installedVersions, TOOL_VERSION } from '../src/io/package-versions.ts';
import { hashValue, type InputValues } from './fingerprint.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SOURCE_FOLDERS = ['src', 'pipeline'];

/**
 * SHA-256 over the relative path and bytes of every file below `folders` of `root`, in
 * sorted path order (about 2 ms for this repository's few hundred files).
 */
export function sourceHash(root: string = ROOT, folders: readonly string[] = SOURCE_FOLDERS): string {
  const hash = createHash('sha256');
  const files = folders.flatMap((f) => filesBelow(join(root, f))).sort();
  for (const file of files) {
    const bytes = readFileSync(file);
    // Length-prefixed, so no two different trees can give the same stream.
    const name = relative(root, file).split(sep).join('/');
    hash.update(`${name}\u0000${bytes.byteLength}\u0000`).update(bytes);
  }
  return hash.digest('hex');
}

function filesBelow(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return filesBelow(p);
    return e.isFile() ? [p] : [];
  });
}

let cached: InputValues | null = null;

/**
 * The code inputs every stage shares: `code` (source hash), `version`, `packages` (hash of
 * the installed dependency versions) and `node`. Computed once per process.
 */
export function codeInputs(): InputValues {
  cached ??= {
    code: sourceHash(),
    version: TOOL_VERSION,
    packages: hashValue(installedVersions()),
    node: process.version,
  };
  return cached;
}
