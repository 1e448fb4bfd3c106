/**
 * Ingest reads files as streams of chunks: whatever the chunk size, the dataset, summary
 * and violations (rows, columns, rules, order) are those of reading each file whole; an
 * encoding found late in a file is handled; files on disk are hashed in the same pass.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ContractError, type Violation } from '../../src/io/errors.ts';
import { ingestFiles } from '../../src/io/ingest-files.ts';
import { ingest, type Delivery } from '../../src/io/ingest.ts';
import { EMPLOYMENT, PARTICIPANTS, QUESTIONNAIRES, replaceLine, textDelivery, toBytes, type TextDelivery } from '../helpers/delivery.ts';

const CHUNKS = [1, 2, 3, 7, 64, 1 << 20];

function outcome(d: Delivery, chunkBytes: number, cap = 100): { violations: Violation[]; total: number } | ReturnType<typeof ingest> {
  try {
    return ingest(d, cap, chunkBytes);
  } catch (err) {
    if (!(err instanceof ContractError)) throw err;
    return { violations: err.violations, total: err.total };
  }
}

const utf8 = (s: string) => new TextEncoder().encode(s);
/** Windows-1252 bytes of text in the Latin-1 range. */
const cp1252 = (s: string) => Uint8Array.from([...s].map((c) => c.charCodeAt(0)));
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

const broken: [string, Partial<TextDelivery>][] = [
  ['valid', {}],
  ['bad cell values in two files', { participants: replaceLine(PARTICIPANTS, 1, 'P01,Østfold,IPS,1,2014-01-10,99,F,depression,secondary,1,0'), employment: replaceLine(EMPLOYMENT, 2, 'P01,6,7,100') }],
  ['unbalanced quote', { employment: replaceLine(EMPLOYMENT, 4, 'P02,0,"0,0') }],
  ['stray quote and quoted line break', { participants: replaceLine(PARTICIPANTS, 2, 'P02,"Øst\nfold",TVR,2,2014-01-12,45,M,anxiety,higher,0,0\nP05,"x"y,IPS,3,2014-01-12,45,M,anxiety,higher,0,0') }],
  ['national identity number and field count', { questionnaires: `${QUESTIONNAIRES}\nP02,6,01017012345,1\nP02,12,1` }],
  ['duplicate participant, unknown participant, duplicate month', {
    participants: `${PARTICIPANTS}\nP01,Østfold,TVR,3,2014-01-12,45,M,anxiety,higher,0,0`,
    employment: `${EMPLOYMENT}\nP99,0,0,0\nP03,12,1,5`,
  }],
  ['decimal comma in a comma file', { questionnaires: QUESTIONNAIRES.replace('7.25', '"7,25"') }],
  ['semicolons, CRLF and decimal comma', {
    participants: PARTICIPANTS.replace(/,/g, ';').replace(/\n/g, '\r\n'),
    employment: EMPLOYMENT.replace(/,/g, ';').replace(/(\d)\.(\d)/g, '$1,$2').replace(/\n/g, '\r\n'),
    questionnaires: QUESTIONNAIRES.replace(/,/g, ';').replace(/(\d)\.(\d)/g, '$1,$2').replace(/\n/g, '\r\n'),
  }],
  ['a header-only and an empty file', { employment: EMPLOYMENT.split('\n')[0]!, questionnaires: '  \n' }],
  ['an arm without participants', { participants: PARTICIPANTS.replace(/TVR/g, 'IPS') }],
];

describe('chunk size never changes what ingest finds', () => {
  it.each(broken)('%s', (_name, changes) => {
    const whole = outcome(toBytes(textDelivery(changes)), 1 << 20);
    for (const chunk of CHUNKS) expect(outcome(toBytes(textDelivery(changes)), chunk)).toEqual(whole);
  });

  it('lists violations in the same order under a cap', () => {
    const rows = Array.from({ length: 30 }, (_, i) => `P01,${i % 13},9,0`);
    const d = () => toBytes(textDelivery({ employment: [EMPLOYMENT, ...rows].join('\n'), participants: replaceLine(PARTICIPANTS, 1, 'P01,Østfold,IPS,1,2014-01-10,99,F,depression,secondary,1,0') }));
    const whole = outcome(d(), 1 << 20, 7);
    expect('violations' in whole && whole.total).toBeGreaterThan(30);
    for (const chunk of [1, 5, 13]) expect(outcome(d(), chunk, 7)).toEqual(whole);
  });

  it('a NUL byte in a later chunk makes the file "not text" and nothing else', () => {
    const d = toBytes(textDelivery({ employment: replaceLine(EMPLOYMENT, 2, 'P01,6,7,100') }));
    d.employment = concat(d.employment as Uint8Array, Uint8Array.of(0x0a, 0x00));
    for (const chunk of [4, 1 << 20]) {
      const got = outcome(d, chunk);
      expect('violations' in got && got.violations.filter((v) => v.file === 'employment.csv')).toEqual([
        { file: 'employment.csv', row: null, column: null, rule: expect.stringMatching(/not text/), found: 'NUL byte' },
      ]);
    }
  });

  it('never prints a participant identifier, whatever the chunks', () => {
    for (const chunk of [1, 3, 1 << 20]) {
      const got = outcome(toBytes(textDelivery({ participants: replaceLine(PARTICIPANTS, 1, 'SECRET ID,Østfold,IPS,1,2014-01-10,34,F,depression,secondary,1,0') })), chunk);
      expect(JSON.stringify(got)).not.toContain('SECRET');
    }
  });

  it('finds a bad cell after thousands of distinct amounts (results of repeated texts are reused)', () => {
    const people = Array.from({ length: 1500 }, (_, i) => `Q${i},Oslo,${i % 2 ? 'IPS' : 'TVR'},${i + 1},2014-01-10,30,F,other,primary,1,0`);
    const months = people.flatMap((_, i) => Array.from({ length: 13 }, (_, m) => `Q${i},${m},1,${1000 + i * 13 + m}.5`));
    const employment = ['participant_id,month,employed,earnings_nok', ...months, 'Q0,0,1,-5', 'Q1,0,1,-5'].join('\n');
    const got = outcome(toBytes(textDelivery({ participants: [PARTICIPANTS.split('\n')[0], ...people].join('\n'), employment, questionnaires: QUESTIONNAIRES.split('\n')[0] })), 1 << 16);
    expect('violations' in got && got.violations.filter((v) => v.column === 'earnings_nok')).toEqual([
      expect.objectContaining({ row: months.length + 2, rule: expect.stringMatching(/at least 0/), found: '"-5"' }),
      expect.objectContaining({ row: months.length + 3, rule: expect.stringMatching(/at least 0/), found: '"-5"' }),
    ]);
    // …and duplicates among those 19 500 rows.
    expect('violations' in got && got.violations.filter((v) => v.column === 'month').map((v) => v.row)).toEqual([months.length + 2, months.length + 3]);
  });
});

describe('encoding found late in a file', () => {
  const baseline = ingest(toBytes(textDelivery()));

  it('Windows-1252 whose first non-ASCII byte comes after the first chunks', () => {
    const text = PARTICIPANTS.replace(/Østfold/g, 'Ostfold');
    const d = toBytes(textDelivery());
    d.participants = cp1252(text); // the first ø is in row 4, past the first chunks of 16 bytes
    for (const chunk of [16, 1 << 20]) {
      const r = ingest(d, 100, chunk);
      expect(r.summary.files[0]!.dialect.encoding).toBe('windows-1252');
      expect(r.dataset.participants.site).toEqual(['Ostfold', 'Ostfold', 'Sør-Trøndelag', 'Sør-Trøndelag']);
      expect(r.dataset.employment).toEqual(baseline.dataset.employment);
    }
  });

  it('valid UTF-8 ø early and a Windows-1252 ø later: the whole file is Windows-1252, as when read whole', () => {
    const lines = PARTICIPANTS.split('\n');
    const d = toBytes(textDelivery());
    d.participants = concat(utf8(lines.slice(0, 3).join('\n') + '\n'), cp1252(lines.slice(3).join('\n')));
    const whole = ingest(d, 100, 1 << 20);
    expect(whole.summary.files[0]!.dialect.encoding).toBe('windows-1252');
    // What UTF-8 "Ø" (C3 98) is in Windows-1252.
    expect(whole.dataset.participants.site).toEqual(['Ã˜stfold', 'Ã˜stfold', 'Sør-Trøndelag', 'Sør-Trøndelag']);
    for (const chunk of [1, 8, 40]) expect(ingest(d, 100, chunk)).toEqual(whole);
  });
});

describe('ingestFiles: files on disk, streamed and hashed', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });
  const folderWith = (files: Record<string, string | Uint8Array>) => {
    const dir = mkdtempSync(join(tmpdir(), 'ips-ingest-'));
    dirs.push(dir);
    for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
    return {
      plan: join(dir, 'analysis-plan.json'),
      participants: join(dir, 'participants.csv'),
      employment: join(dir, 'employment.csv'),
      questionnaires: join(dir, 'questionnaires.csv'),
    };
  };
  const delivered = (t: TextDelivery) => ({ 'analysis-plan.json': t.plan, 'participants.csv': t.participants, 'employment.csv': t.employment, 'questionnaires.csv': t.questionnaires });
  const hex = (b: string | Uint8Array) => createHash('sha256').update(b).digest('hex');

  it('gives what ingest gives on the same bytes, with each file\'s size and SHA-256', async () => {
    const t = textDelivery();
    const paths = folderWith(delivered(t));
    const expected = ingest(toBytes(t));
    for (const chunk of [5, 1 << 20]) {
      const r = await ingestFiles(paths, 100, chunk);
      expect(r.dataset).toEqual(expected.dataset);
      expect(r.summary).toEqual(expected.summary);
      expect(r.plan).toEqual(expected.plan);
      expect(r.plan_sha256).toBe(hex(t.plan));
      expect(r.inputs).toEqual([
        { file: 'participants.csv', bytes: utf8(t.participants).length, sha256: hex(t.participants) },
        { file: 'employment.csv', bytes: utf8(t.employment).length, sha256: hex(t.employment) },
        { file: 'questionnaires.csv', bytes: utf8(t.questionnaires).length, sha256: hex(t.questionnaires) },
      ]);
    }
  });

  it('reads a file again from its start when it turns out to be Windows-1252, and hashes it once', async () => {
    const lines = PARTICIPANTS.split('\n');
    const bytes = concat(utf8(lines.slice(0, 3).join('\n') + '\n'), cp1252(lines.slice(3).join('\n')));
    const paths = folderWith({ ...delivered(textDelivery()), 'participants.csv': bytes });
    const r = await ingestFiles(paths, 100, 8);
    expect(r.summary.files[0]!.dialect.encoding).toBe('windows-1252');
    expect(r.dataset.participants.site[0]).toBe('Ã˜stfold');
    expect(r.inputs[0]).toEqual({ file: 'participants.csv', bytes: bytes.length, sha256: hex(bytes) });
  });

  it('a missing file, a folder and a binary file are contract violations', async () => {
    const paths = folderWith({ ...delivered(textDelivery()), 'questionnaires.csv': Uint8Array.of(0x70, 0, 0x71) });
    rmSync(paths.participants);
    mkdirSync(paths.employment.replace('employment.csv', 'employment-dir'));
    const err = await ingestFiles({ ...paths, employment: paths.employment.replace('employment.csv', 'employment-dir') }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ContractError);
    expect((err as ContractError).violations.map((v) => [v.file, v.found])).toEqual([
      ['participants.csv', 'no file'],
      ['employment.csv', 'a folder'],
      ['questionnaires.csv', 'NUL byte'],
    ]);
    rmSync(paths.plan);
    await expect(ingestFiles(paths)).rejects.toThrow(ContractError);
  });
});
