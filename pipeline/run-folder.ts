/**
 * The run folder (`reports/<run>/`): where stages read and write artifacts. Row-level
 * artifacts live under `artifacts/`, which must never be published; the report,
 * results.json, charts and manifest at the top level hold no row-level data.
 */
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { toJsonText, writeFileAtomic } from '../src/io/atomic-write.ts';
import { UsageError } from '../src/io/errors.ts';

export class RunFolder {
  constructor(readonly dir: string) {}

  /** Absolute or cwd-relative path of a file in the run folder. */
  path(rel: string): string {
    return join(this.dir, rel);
  }

  /** Writes a JSON artifact atomically. */
  async writeJson(rel: string, value: unknown): Promise<void> {
    await writeFileAtomic(this.path(rel), toJsonText(value));
  }

  /** Writes a text file atomically. */
  async writeText(rel: string, text: string): Promise<void> {
    await writeFileAtomic(this.path(rel), text);
  }

  /**
   * Reads a JSON artifact an earlier stage wrote; a missing one is a usage error that
   * names the command to run first.
   */
  async readJson<T>(rel: string, producedBy: string): Promise<T> {
    let text: string;
    try {
      text = await readFile(this.path(rel), 'utf8');
    } catch {
      throw new UsageError(`${this.path(rel)} is missing: run \`ips-rct ${producedBy}\` (or \`ips-rct run\`) first`);
    }
    return JSON.parse(text) as T;
  }

  /** Removes a file or folder if present, so a stale output never looks current. */
  async remove(rel: string): Promise<void> {
    await rm(this.path(rel), { recursive: true, force: true });
  }
}
