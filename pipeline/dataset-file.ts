/**
 * The dataset artifact on disk: how ingest stores the canonical dataset and how later
 * stages load it. One place, so its format can change without touching the stages.
 *
 * Format (version 1), a compact columnar file loaded with zero-copy typed-array views:
 *
 *   bytes 0–7    magic "IPSRCTDS"
 *   bytes 8–11   header length H (uint32, little-endian), a multiple of 8
 *   bytes 12–15  format version (uint32, little-endian)
 *   bytes 16…    header: JSON text (UTF-8) padded with spaces to H bytes
 *   then         data: each column's values as raw little-endian bytes, starting at its
 *                `offset` from the start of the data (a multiple of 8)
 *
 * The header gives each table's row count and, per column, its type: `int32`, `int16`,
 * `uint8`, `float64` (loaded as typed arrays over the file's bytes; NaN is a missing
 * amount), `nullable-float64` (NaN for null, loaded as a `(number | null)[]`), or
 * `dictionary` (int32 codes into the header's `values`, −1 for null, loaded as strings),
 * or `strings` (the values themselves in the header: participant identifiers, all distinct).
 */
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Dataset, ParticipantsTable } from '../src/io/dataset.ts';
import { UsageError } from '../src/io/errors.ts';
import { ARTIFACT } from './artifacts.ts';
import type { RunFolder } from './run-folder.ts';

const MAGIC = 'IPSRCTDS';
const VERSION = 1;
const PREAMBLE = 16;

type TypedKind = 'int32' | 'int16' | 'uint8' | 'float64';
type ColumnSpec =
  | { type: TypedKind; offset: number }
  | { type: 'nullable-float64'; offset: number }
  | { type: 'dictionary'; offset: number; values: string[] }
  | { type: 'strings'; values: string[] };

interface TableSpec {
  rows: number;
  columns: Record<string, ColumnSpec>;
}

interface Header {
  format: 'ips-rct dataset';
  version: number;
  /** Bytes of the data section (after the header). */
  data_bytes: number;
  participants: TableSpec;
  employment: TableSpec;
  questionnaires: TableSpec & { scores: Record<string, ColumnSpec> };
}

const BYTES: Record<ColumnSpec['type'], number> = {
  int32: 4,
  int16: 2,
  uint8: 1,
  float64: 8,
  'nullable-float64': 8,
  dictionary: 4,
  strings: 0,
};

const PARTICIPANT_STRINGS = ['participant_id', 'site', 'arm', 'randomized_on', 'sex', 'diagnosis', 'education'] as const;
const PARTICIPANT_NUMBERS = ['allocation_no', 'age', 'worked_last_5y', 'withdrawn'] as const;
const PARTICIPANT_COLUMNS: (keyof ParticipantsTable)[] = [
  'participant_id', 'site', 'arm', 'allocation_no', 'randomized_on', 'age', 'sex', 'diagnosis', 'education', 'worked_last_5y', 'withdrawn',
];

/** True on the machines Node runs on in practice; the format is little-endian. */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Collects column blocks, each placed at an offset that is a multiple of 8. */
class DataWriter {
  readonly blocks: Uint8Array[] = [];
  length = 0;

  add(bytes: Uint8Array): number {
    const offset = this.length;
    this.blocks.push(bytes);
    this.length += bytes.byteLength;
    const pad = (8 - (this.length % 8)) % 8;
    if (pad > 0) {
      this.blocks.push(new Uint8Array(pad));
      this.length += pad;
    }
    return offset;
  }

  typed(values: ArrayLike<number>, type: TypedKind): ColumnSpec {
    const Kind = { int32: Int32Array, int16: Int16Array, uint8: Uint8Array, float64: Float64Array }[type];
    // A typed array of the right kind is written as it is; anything else (a fixture's
    // plain array, with null for a missing amount) is copied.
    let typed: Int32Array | Int16Array | Uint8Array | Float64Array;
    if (values instanceof Kind) typed = values;
    else {
      typed = new Kind(values.length);
      for (let i = 0; i < values.length; i++) typed[i] = (values[i] as number | null) ?? Number.NaN;
    }
    return { type, offset: this.add(new Uint8Array(typed.buffer, typed.byteOffset, typed.byteLength)) };
  }

  nullable(values: ArrayLike<number | null>): ColumnSpec {
    const out = new Float64Array(values.length);
    for (let i = 0; i < values.length; i++) out[i] = values[i] ?? Number.NaN;
    return { type: 'nullable-float64', offset: this.add(new Uint8Array(out.buffer)) };
  }

  dictionary(values: ArrayLike<string | null>): ColumnSpec {
    const index = new Map<string, number>();
    const codes = new Int32Array(values.length);
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (v === null || v === undefined) {
        codes[i] = -1;
        continue;
      }
      let code = index.get(v);
      if (code === undefined) index.set(v, (code = index.size));
      codes[i] = code;
    }
    return { type: 'dictionary', offset: this.add(new Uint8Array(codes.buffer)), values: [...index.keys()] };
  }
}

/** The artifact's bytes, as blocks to write one after the other. */
export function encodeDataset(dataset: Dataset): Uint8Array[] {
  if (!LITTLE_ENDIAN) throw new Error('the dataset artifact is little-endian; this machine is not');
  const data = new DataWriter();
  const p = dataset.participants;
  const participants: TableSpec = { rows: p.participant_id.length, columns: {} };
  for (const name of PARTICIPANT_COLUMNS) {
    participants.columns[name] =
      name === 'participant_id'
        ? { type: 'strings', values: [...p.participant_id] }
        : (PARTICIPANT_STRINGS as readonly string[]).includes(name)
          ? data.dictionary(p[name] as (string | null)[])
          : data.nullable(p[name] as (number | null)[]);
  }
  const e = dataset.employment;
  const employment: TableSpec = {
    rows: e.participant.length,
    columns: {
      participant: data.typed(e.participant, 'int32'),
      month: data.typed(e.month, e.month instanceof Int16Array ? 'int16' : 'int32'),
      employed: data.typed(e.employed, 'uint8'),
      earnings_nok: data.typed(e.earnings_nok, 'float64'),
    },
  };
  const q = dataset.questionnaires;
  const questionnaires = {
    rows: q.participant.length,
    columns: { participant: data.typed(q.participant, 'int32'), wave: data.typed(q.wave, 'int32') },
    scores: Object.fromEntries(Object.entries(q.scores).map(([name, values]) => [name, data.nullable(values)])),
  };
  const header: Header = { format: 'ips-rct dataset', version: VERSION, data_bytes: data.length, participants, employment, questionnaires };
  const json = new TextEncoder().encode(JSON.stringify(header));
  const headerLength = Math.ceil(json.byteLength / 8) * 8;
  const head = new Uint8Array(PREAMBLE + headerLength).fill(0x20);
  head.set(new TextEncoder().encode(MAGIC), 0);
  const view = new DataView(head.buffer);
  view.setUint32(8, headerLength, true);
  view.setUint32(12, VERSION, true);
  head.set(json, PREAMBLE);
  return [head, ...data.blocks];
}

/** Thrown by {@link decodeDataset} for bytes that are not a dataset artifact of this version. */
export class DatasetFormatError extends Error {
  override name = 'DatasetFormatError';
}

/**
 * Reads the artifact's bytes. Typed columns are views over `bytes` (no copy); keep the
 * bytes unchanged while the dataset is in use.
 */
export function decodeDataset(bytes: Uint8Array): Dataset {
  if (!LITTLE_ENDIAN) throw new Error('the dataset artifact is little-endian; this machine is not');
  if (bytes.byteLength < PREAMBLE || new TextDecoder().decode(bytes.subarray(0, 8)) !== MAGIC) {
    throw new DatasetFormatError(bytes[0] === 0x7b ? 'an older JSON dataset' : 'not a dataset artifact');
  }
  // Views need the data aligned to 8 bytes within its ArrayBuffer.
  if (bytes.byteOffset % 8 !== 0) bytes = bytes.slice();
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = view.getUint32(8, true);
  const version = view.getUint32(12, true);
  if (version !== VERSION) throw new DatasetFormatError(`format version ${version}, expected ${VERSION}`);
  if (headerLength % 8 !== 0 || PREAMBLE + headerLength > bytes.byteLength) throw new DatasetFormatError('header cut short');
  let header: Header;
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(PREAMBLE, PREAMBLE + headerLength))) as Header;
  } catch {
    throw new DatasetFormatError('header is not JSON');
  }
  const dataStart = PREAMBLE + headerLength;
  if (header.format !== 'ips-rct dataset' || dataStart + header.data_bytes !== bytes.byteLength) throw new DatasetFormatError('size does not match its header');

  const column = (spec: ColumnSpec | undefined, rows: number): ArrayLike<number> | (number | null)[] | (string | null)[] => {
    if (!spec || !Number.isInteger(rows) || rows < 0) throw new DatasetFormatError('a column is missing');
    if (spec.type === 'strings') {
      if (!Array.isArray(spec.values) || spec.values.length !== rows || !spec.values.every((v) => typeof v === 'string')) {
        throw new DatasetFormatError('a text column does not match its table');
      }
      return spec.values;
    }
    const { offset } = spec;
    if (!Number.isInteger(offset) || offset % 8 !== 0 || offset < 0 || offset + rows * BYTES[spec.type] > header.data_bytes) {
      throw new DatasetFormatError('a column lies outside the data');
    }
    const at = bytes.byteOffset + dataStart + offset;
    switch (spec.type) {
      case 'int32':
        return new Int32Array(bytes.buffer, at, rows);
      case 'int16':
        return new Int16Array(bytes.buffer, at, rows);
      case 'uint8':
        return new Uint8Array(bytes.buffer, at, rows);
      case 'float64':
        return new Float64Array(bytes.buffer, at, rows);
      case 'nullable-float64': {
        const values = new Float64Array(bytes.buffer, at, rows);
        return Array.from(values, (v) => (Number.isNaN(v) ? null : v));
      }
      case 'dictionary': {
        const codes = new Int32Array(bytes.buffer, at, rows);
        const dictionary = spec.values;
        return Array.from(codes, (c) => {
          if (c === -1) return null;
          const v = dictionary[c];
          if (v === undefined) throw new DatasetFormatError('a dictionary code is out of range');
          return v;
        });
      }
      default:
        throw new DatasetFormatError('unknown column type');
    }
  };

  const p = header.participants;
  const participants = Object.fromEntries(PARTICIPANT_COLUMNS.map((name) => [name, column(p.columns[name], p.rows)])) as unknown as ParticipantsTable;
  const e = header.employment;
  const q = header.questionnaires;
  return {
    participants,
    employment: {
      participant: column(e.columns.participant, e.rows) as ArrayLike<number>,
      month: column(e.columns.month, e.rows) as ArrayLike<number>,
      employed: column(e.columns.employed, e.rows) as ArrayLike<number>,
      earnings_nok: column(e.columns.earnings_nok, e.rows) as ArrayLike<number>,
    },
    questionnaires: {
      participant: column(q.columns.participant, q.rows) as ArrayLike<number>,
      wave: column(q.columns.wave, q.rows) as ArrayLike<number>,
      scores: Object.fromEntries(Object.entries(q.scores).map(([name, spec]) => [name, column(spec, q.rows) as (number | null)[]])),
    },
  };
}

let counter = 0;

/** Writes blocks to `path` atomically: a temporary file beside it, synced, then renamed. */
async function writeBlocksAtomic(path: string, blocks: Uint8Array[]): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.${counter++}.tmp`;
  try {
    const handle = await open(tmp, 'w');
    try {
      // A few blocks at a time: writev takes a bounded number of buffers per call.
      for (let i = 0; i < blocks.length; i += 64) {
        const part = blocks.slice(i, i + 64);
        const total = part.reduce((s, b) => s + b.byteLength, 0);
        let written = 0;
        while (written < total) {
          const { bytesWritten } = await handle.writev(remaining(part, written));
          written += bytesWritten;
        }
      }
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

/** The blocks after the first `skip` bytes (after a short write). */
function remaining(blocks: Uint8Array[], skip: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (const b of blocks) {
    if (skip >= b.byteLength) {
      skip -= b.byteLength;
      continue;
    }
    out.push(skip > 0 ? b.subarray(skip) : b);
    skip = 0;
  }
  return out;
}

/** Writes the dataset artifact atomically. */
export async function writeDataset(folder: RunFolder, dataset: Dataset): Promise<void> {
  await writeBlocksAtomic(folder.path(ARTIFACT.dataset), encodeDataset(dataset));
}

/** Loads the dataset artifact ingest wrote (a usage error naming `ingest` when missing or unreadable). */
export async function readDataset(folder: RunFolder): Promise<Dataset> {
  const path = folder.path(ARTIFACT.dataset);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch {
    throw new UsageError(`${path} is missing: run \`ips-rct ingest\` (or \`ips-rct run\`) first`);
  }
  try {
    return decodeDataset(bytes);
  } catch (err) {
    if (!(err instanceof DatasetFormatError)) throw err;
    throw new UsageError(`${path} is damaged or from another version (${err.message}): run \`ips-rct ingest\` (or \`ips-rct run\`) again`);
  }
}
