/**
 * The run folder (`reports/<run>/`): where stages read and write artifacts. Row-level
 * artifacts live under `artifacts/`, which must never be published; the report,
 * results.json, charts and manifest at the top level hold no row-level data.
 */
import { readdir, readFile, rm } from 'node:fs/promises';
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
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new UsageError(`${this.path(rel)} is damaged (not JSON): run \`ips-rct ${producedBy}\` (or \`ips-rct run\`) again`);
    }
  }

  /** Reads a JSON file if it is there and readable, else null (for optional history). */
  async readJsonIfPresent<T>(rel: string): Promise<T | null> {
    try {
      return JSON.parse(await readFile(this.path(rel), 'utf8')) as T;
    } catch {
      return null;
    }
  }

  /** Removes temporary files a killed process may have left, so none is mistaken for output. */
  async removeTemporaries(): Promise<void> {
    let names: string[];
    try {
      names = (await readdir(this.dir, { recursive: true })) as string[];
    } catch {
      return;
    }
    for (const name of names) if (name.endsWith('.tmp')) await rm(this.path(name), { force: true });
  }

  /** Removes a file or folder if present, so a stale output never looks current. */
  async remove(rel: string): Promise<void> {
    await rm(this.path(rel), { recursive: true, force: true });
  }
}
