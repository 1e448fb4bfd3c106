/**
 * Writes that are never seen half-done: data goes to a temporary file beside the target,
 * then a rename (atomic on one file system) puts it in place.
 */
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';

let counter = 0;

/** Writes `data` to `path` atomically, creating the folder if needed. */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.${counter++}.tmp`;
  try {
    const handle = await open(tmp, 'w');
    try {
      await handle.writeFile(data);
      // On disk before the rename, so a power cut cannot leave a renamed but empty file.
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

/** Stable JSON text for artifacts: 2-space indent, trailing newline, keys in insertion order. */
export function toJsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
