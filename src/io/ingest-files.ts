/**
 * Ingest from files on disk: each CSV file is read as a stream of chunks into
 * {@link DeliveryIngest}, and hashed (SHA-256) in the same pass, so no file is held in
 * memory whole and none is read twice (except a Windows-1252 file whose first non-ASCII
 * byte came after valid UTF-8 text, which is read again from its start).
 */
import { createHash } from 'node:crypto';
import { open, readFile, type FileHandle } from 'node:fs/promises';
import { NOT_TEXT, RESTART, type CsvReader } from './csv.ts';
import { CHUNK_BYTES } from './table-check.ts';
import { FILES } from './contract.ts';
import { sha256 } from './hash.ts';
import { CSV_FILES, DEFAULT_MAX_VIOLATIONS, DeliveryIngest, type CsvFileKey, type IngestResult, type Unreadable } from './ingest.ts';

/** Bytes read from disk at a time (decoded in slices of CHUNK_BYTES). */
const READ_BYTES = 1 << 20;

/** Paths of the plan and the three CSV files of a delivery. */
export type DeliveryPaths = Record<'plan' | CsvFileKey, string>;

/** A delivered input file as the manifest records it. */
export interface InputFile {
  file: string;
  bytes: number;
  sha256: string;
}

export interface FilesIngestResult extends IngestResult {
  /** SHA-256 of the plan file's bytes. */
  plan_sha256: string;
  /** The three CSV files in contract order, with their size and SHA-256. */
  inputs: InputFile[];
}


/**
 * Validates a delivery on disk and builds the dataset (see `ingest`); also returns the
 * size and SHA-256 of every file read. A missing file or a path that cannot be read (a
 * folder, no permission) is a contract violation; other read errors are thrown. Files are
 * read `chunkBytes` at a time.
 */
export async function ingestFiles(paths: DeliveryPaths, maxViolations = DEFAULT_MAX_VIOLATIONS, chunkBytes = READ_BYTES): Promise<FilesIngestResult> {
  const run = new DeliveryIngest(maxViolations);
  const planBytes = await readWhole(paths.plan);
  run.readPlan(planBytes);
  const inputs: InputFile[] = [];
  const buffer = new Uint8Array(chunkBytes);
  for (const key of CSV_FILES) {
    const handle = await openDelivered(paths[key]);
    if (handle === undefined || 'unreadable' in handle) {
      run.notRead(key, handle);
      continue;
    }
    try {
      const read = await streamInto(handle, buffer, (windows1252) => run.openFile(key, windows1252));
      if ('unreadable' in read) {
        run.notRead(key, read);
        continue;
      }
      run.closeFile(key, read.notText ? 'not text' : 'read');
      inputs.push({ file: FILES[key], bytes: read.bytes, sha256: read.sha256 });
    } finally {
      await handle.close();
    }
  }
  const result = run.result();
  // The plan was read, or readPlan would have thrown.
  return { ...result, plan_sha256: sha256(planBytes as Uint8Array), inputs };
}

/** A small file's bytes (the plan); missing and unreadable files become violations. */
async function readWhole(path: string): Promise<Uint8Array | Unreadable | undefined> {
  try {
    return await readFile(path);
  } catch (err) {
    return notReadable(err);
  }
}

async function openDelivered(path: string): Promise<FileHandle | Unreadable | undefined> {
  try {
    return await open(path, 'r');
  } catch (err) {
    return notReadable(err);
  }
}

/** A missing file (undefined) or one that is not readable; any other error is rethrown. */
function notReadable(err: unknown): Unreadable | undefined {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return undefined;
  if (code === 'EISDIR' || code === 'EACCES' || code === 'EPERM') return { unreadable: code === 'EISDIR' ? 'a folder' : 'no permission' };
  throw err;
}

/**
 * Reads a file chunk by chunk into a reader, hashing the same chunks. Starts over from the
 * first byte when the reader asks for a restart in Windows-1252; stops at a NUL byte.
 */
async function streamInto(
  handle: FileHandle,
  buffer: Uint8Array,
  open: (windows1252: boolean) => CsvReader,
): Promise<{ bytes: number; sha256: string; notText: boolean } | Unreadable> {
  for (const windows1252 of [false, true]) {
    const reader = open(windows1252);
    const hash = createHash('sha256');
    let position = 0;
    let status: ReturnType<CsvReader['push']> = 'ok';
    for (;;) {
      let bytesRead: number;
      try {
        ({ bytesRead } = await handle.read(buffer, 0, buffer.length, position));
      } catch (err) {
        const unreadable = notReadable(err);
        if (unreadable) return unreadable;
        throw err;
      }
      if (bytesRead === 0) break;
      const chunk = buffer.subarray(0, bytesRead);
      hash.update(chunk);
      position += bytesRead;
      for (let at = 0; at < bytesRead && status === 'ok'; at += CHUNK_BYTES) status = reader.push(chunk.subarray(at, at + CHUNK_BYTES));
      if (status !== 'ok') break;
    }
    if (status === 'ok') status = reader.end();
    if (status === RESTART) continue;
    return { bytes: position, sha256: hash.digest('hex'), notText: status === NOT_TEXT };
  }
  throw new Error('unreachable: Windows-1252 decoding cannot ask for a restart');
}
