/**
 * The binary dataset artifact (pipeline/dataset-file.ts): what is written is what is read
 * back, with NaN amounts, empty tables, non-ASCII text and plain-array fixtures; typed
 * columns are views over the file's bytes; a damaged, old or missing file is a usage error
 * that says to run ingest.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeDataset, DatasetFormatError, encodeDataset, readDataset, writeDataset } from '../../pipeline/dataset-file.ts';
import { ARTIFACT } from '../../pipeline/artifacts.ts';
import { RunFolder } from '../../pipeline/run-folder.ts';
import type { Dataset } from '../../src/io/dataset.ts';
import { UsageError } from '../../src/io/errors.ts';
import { ingestOk } from '../helpers/delivery.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
const tempFolder = () => {
  const dir = mkdtempSync(join(tmpdir(), 'ips-dataset-'));
  dirs.push(dir);
  return new RunFolder(dir);
};

/** The artifact's bytes as one array. */
function bytesOf(dataset: Dataset): Uint8Array {
  const blocks = encodeDataset(dataset);
  const out = new Uint8Array(blocks.reduce((s, b) => s + b.byteLength, 0));
  let at = 0;
  for (const b of blocks) {
    out.set(b, at);
    at += b.byteLength;
  }
  return out;
}

const roundTrip = (d: Dataset) => decodeDataset(bytesOf(d));

/** A dataset literal as other tests build them: plain arrays, null for missing. */
function plainDataset(): Dataset {
  return {
    participants: {
      participant_id: ['A1', 'B2', 'C3'],
      site: ['Måløy-Sæter', 'Sør-Trøndelag', 'Åsnes'.normalize('NFD')],
      arm: ['IPS', 'TVR', 'IPS'],
      allocation_no: [1, null, 3],
      randomized_on: ['2014-01-10', '2014-01-10', '2015-12-31'],
      age: [34, null, 70],
      sex: ['F', null, 'M'],
      diagnosis: ['depression', null, 'other'],
      education: [null, 'higher', 'primary'],
      worked_last_5y: [1, 0, null],
      withdrawn: [0, 1, 0],
    },
    employment: { participant: [0, 0, 2], month: [0, 6, 0], employed: [0, 1, 1], earnings_nok: [0, 12500.5, Number.NaN] },
    questionnaires: { participant: [0, 2], wave: [0, 6], scores: { qol: [5.5, null], 'depression': [null, 27] } },
  };
}

describe('the dataset artifact round trip', () => {
  it('reads back the ingested fixture: typed columns, NaN for a missing amount, null scores', () => {
    const { dataset } = ingestOk();
    const back = roundTrip(dataset);
    expect(back).toEqual(dataset);
    expect(back.employment.participant).toBeInstanceOf(Int32Array);
    expect(back.employment.month).toBeInstanceOf(Int16Array);
    expect(back.employment.employed).toBeInstanceOf(Uint8Array);
    expect(back.employment.earnings_nok).toBeInstanceOf(Float64Array);
    expect(back.employment.earnings_nok[5]).toBeNaN();
    expect(back.questionnaires.participant).toBeInstanceOf(Int32Array);
    expect(back.questionnaires.wave).toBeInstanceOf(Int32Array);
    expect(back.questionnaires.scores.depression).toEqual([12, 10, null, 3]);
  });

  it('reads back plain arrays (as test fixtures build them) as typed columns with the same values', () => {
    const d = plainDataset();
    const back = roundTrip(d);
    expect(back.participants).toEqual(d.participants);
    expect(Array.from(back.employment.participant)).toEqual([0, 0, 2]);
    expect(Array.from(back.employment.month)).toEqual([0, 6, 0]);
    expect(Array.from(back.employment.employed)).toEqual([0, 1, 1]);
    expect(Array.from(back.employment.earnings_nok)).toEqual([0, 12500.5, Number.NaN]);
    expect(back.questionnaires.scores).toEqual({ qol: [5.5, null], depression: [null, 27] });
    // Text is kept exactly, including a decomposed (NFD) name.
    expect(back.participants.site[2]).toBe('Åsnes'.normalize('NFD'));
    expect(back.participants.site[2]).not.toBe('Åsnes'.normalize('NFC'));
  });

  it('reads back empty tables', () => {
    const d = plainDataset();
    d.employment = { participant: new Int32Array(0), month: new Int16Array(0), employed: new Uint8Array(0), earnings_nok: new Float64Array(0) };
    d.questionnaires = { participant: new Int32Array(0), wave: new Int32Array(0), scores: {} };
    const back = roundTrip(d);
    expect(back.employment.participant).toHaveLength(0);
    expect(back.employment.month).toBeInstanceOf(Int16Array);
    expect(back.questionnaires.scores).toEqual({});
    const none = roundTrip({ ...d, participants: Object.fromEntries(Object.keys(d.participants).map((k) => [k, []])) as unknown as Dataset['participants'] });
    expect(none.participants.participant_id).toEqual([]);
  });

  it('keeps amounts exactly (doubles, not text) and months beyond 32767 in 32 bits', () => {
    const d = plainDataset();
    d.employment = { participant: new Int32Array([0, 1]), month: new Int32Array([0, 40000]), employed: new Uint8Array([1, 0]), earnings_nok: new Float64Array([0.1 + 0.2, 1e15 + 0.5]) };
    const back = roundTrip(d);
    expect(back.employment.month).toBeInstanceOf(Int32Array);
    expect(Array.from(back.employment.month)).toEqual([0, 40000]);
    expect(back.employment.earnings_nok[0]).toBe(0.1 + 0.2);
    expect(back.employment.earnings_nok[1]).toBe(1e15 + 0.5);
  });

  it('loads typed columns as views over the bytes read (no copy), 8-byte aligned', () => {
    const bytes = bytesOf(ingestOk().dataset);
    const back = decodeDataset(bytes);
    const participant = back.employment.participant as Int32Array;
    expect(participant.buffer).toBe(bytes.buffer);
    expect(participant.byteOffset % 8).toBe(0);
    expect((back.employment.earnings_nok as Float64Array).buffer).toBe(bytes.buffer);
  });

  it('reads bytes that do not start on an 8-byte boundary of their buffer', () => {
    const bytes = bytesOf(ingestOk().dataset);
    const shifted = new Uint8Array(bytes.length + 4);
    shifted.set(bytes, 4);
    expect(decodeDataset(shifted.subarray(4))).toEqual(ingestOk().dataset);
  });

  it('refuses damaged or foreign bytes', () => {
    const bytes = bytesOf(ingestOk().dataset);
    expect(() => decodeDataset(bytes.subarray(0, bytes.length - 8))).toThrow(DatasetFormatError);
    expect(() => decodeDataset(new TextEncoder().encode('{"participants": {}}'))).toThrow(/older JSON dataset/);
    expect(() => decodeDataset(new Uint8Array(4))).toThrow(/not a dataset artifact/);
    const wrongVersion = bytes.slice();
    new DataView(wrongVersion.buffer).setUint32(12, 99, true);
    expect(() => decodeDataset(wrongVersion)).toThrow(/version 99/);
    const badHeader = bytes.slice();
    badHeader[16] = 0x5b; // '[' where the JSON object starts: no longer a header
    expect(() => decodeDataset(badHeader)).toThrow(DatasetFormatError);
  });
});

describe('writeDataset and readDataset', () => {
  it('write atomically (no temporary file left) and read back', async () => {
    const folder = tempFolder();
    const { dataset } = ingestOk();
    await writeDataset(folder, dataset);
    expect(readdirSync(join(folder.dir, 'artifacts')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(await readDataset(folder)).toEqual(dataset);
    // A rewrite replaces the file whole.
    const smaller = plainDataset();
    await writeDataset(folder, smaller);
    expect((await readDataset(folder)).participants.participant_id).toEqual(['A1', 'B2', 'C3']);
  });

  it('a missing, old or damaged artifact is a usage error that says to run ingest', async () => {
    const folder = tempFolder();
    await expect(readDataset(folder)).rejects.toThrow(UsageError);
    await expect(readDataset(folder)).rejects.toThrow(/run `ips-rct ingest`/);
    await writeDataset(folder, ingestOk().dataset);
    const path = folder.path(ARTIFACT.dataset);
    writeFileSync(path, readFileSync(path).subarray(0, 100));
    await expect(readDataset(folder)).rejects.toThrow(/damaged or from another version.*run `ips-rct ingest`/);
    writeFileSync(path, '{"participants": {}}\n');
    await expect(readDataset(folder)).rejects.toThrow(/older JSON dataset/);
  });
});
