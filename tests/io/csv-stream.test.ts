/**
 * The streaming CSV reader against the reference it replaced: papaparse 5.7 on the whole
 * decoded text (with the old ingest's line-end normalization and header handling). Random
 * texts full of quotes, delimiters and line ends, cut into chunks at random places, must
 * give the same header, records, row numbers and quoting errors as the whole text does;
 * then the cases the issue names one by one, and encoding detection across chunks.
 */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { ByteDecoder, CsvReader, CsvTokenizer, detectDelimiter, NOT_TEXT, RESTART, type CsvSink } from '../../src/io/csv.ts';
import type { Dialect } from '../../src/io/dataset.ts';

interface Parsed {
  header: string[];
  headerBad: boolean;
  records: { row: number; fields: string[]; bad: boolean }[];
  delimiter?: string;
}

/** The old reader: papaparse on the whole normalized text, header trimmed, blank lines dropped. */
function reference(text: string): Parsed {
  const delimiter = detectDelimiter(text);
  const result = Papa.parse<string[]>(text.replace(/\r\n?/g, '\n'), { delimiter, newline: '\n', header: false, skipEmptyLines: false });
  const badRows = new Set(result.errors.filter((e) => e.type === 'Quotes').map((e) => (e.row ?? 0) + 1));
  const [header = [], ...rest] = result.data;
  const records = rest
    .map((fields, i) => ({ row: i + 2, fields, bad: badRows.has(i + 2) }))
    .filter((r) => !(r.fields.length === 1 && r.fields[0]!.trim() === ''));
  return { header: header.map((h) => h.trim()), headerBad: badRows.has(1), records, delimiter };
}

function sink(into: Parsed): CsvSink {
  return {
    header(fields: string[], bad: boolean, dialect: Dialect) {
      into.header = fields.map((h) => h.trim());
      into.headerBad = bad;
      into.delimiter = dialect.delimiter;
    },
    record(row: number, fields: string[], bad: boolean) {
      into.records.push({ row, fields: [...fields], bad });
    },
  };
}

/** The streaming reader on text cut at the given offsets. */
function streamed(text: string, cuts: number[]): Parsed {
  const out: Parsed = { header: [], headerBad: false, records: [] };
  const reader = new CsvReader(sink(out));
  let at = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    reader.pushText(text.slice(at, cut), false);
    at = cut;
  }
  reader.pushText(text.slice(at), true);
  if (out.records.length === 0 && out.header.length === 0) delete out.delimiter;
  return out;
}

/** The streaming reader on UTF-8 bytes cut at the given byte offsets (maybe inside a character). */
function streamedBytes(bytes: Uint8Array, cuts: number[]): Parsed & { encoding: string } {
  const out: Parsed = { header: [], headerBad: false, records: [] };
  for (const windows1252 of [false, true]) {
    out.header = [];
    out.records = [];
    const reader = new CsvReader(sink(out), { windows1252 });
    let at = 0;
    let status: ReturnType<CsvReader['push']> = 'ok';
    for (const cut of [...cuts].sort((a, b) => a - b)) {
      status = reader.push(bytes.subarray(at, cut));
      if (status !== 'ok') break;
      at = cut;
    }
    if (status === 'ok') status = reader.push(bytes.subarray(at));
    if (status === 'ok') status = reader.end();
    if (status === RESTART) continue;
    if (status === NOT_TEXT) throw new Error('not text');
    return { ...out, encoding: reader.decoder.encoding };
  }
  throw new Error('unreachable');
}

/** A small seeded generator (mulberry32), so a failing case can be replayed. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALPHABET = ['a', 'b', 'ø', ',', ',', ';', '\t', '"', '"', '"', '\n', '\n', '\r', '\r\n', ' ', '\u00a0', '1', '€'];

function randomText(next: () => number, length: number): string {
  let s = '';
  for (let i = 0; i < length; i++) s += ALPHABET[Math.floor(next() * ALPHABET.length)];
  return s;
}

function randomCuts(next: () => number, length: number): number[] {
  const k = Math.floor(next() * 6);
  return Array.from({ length: k }, () => Math.floor(next() * (length + 1)));
}

describe('streaming CSV reader against papaparse on the whole text', () => {
  it('agrees on 4000 random texts cut into random chunks', () => {
    const next = rng(20261123);
    for (let n = 0; n < 4000; n++) {
      const text = randomText(next, Math.floor(next() * 40));
      if (text.trim() === '') continue; // an empty file is refused before parsing
      const expected = reference(text);
      const cuts = randomCuts(next, text.length);
      const got = streamed(text, cuts);
      expect({ text, cuts, ...got }).toEqual({ text, cuts, ...expected });
    }
  });

  it('agrees when the text arrives one character at a time', () => {
    const next = rng(7);
    for (let n = 0; n < 300; n++) {
      const text = randomText(next, 30);
      if (text.trim() === '') continue;
      const cuts = Array.from({ length: text.length }, (_, i) => i);
      expect({ text, ...streamed(text, cuts) }).toEqual({ text, ...reference(text) });
    }
  });

  it('agrees on UTF-8 bytes cut inside multi-byte characters', () => {
    const next = rng(11);
    const enc = new TextEncoder();
    for (let n = 0; n < 1000; n++) {
      const text = randomText(next, Math.floor(next() * 40));
      if (text.trim() === '') continue;
      const bytes = enc.encode(text);
      const got = streamedBytes(bytes, randomCuts(next, bytes.length));
      expect(got.encoding).toBe('utf-8');
      const { encoding: _, ...parsed } = got;
      expect({ text, ...parsed }).toEqual({ text, ...reference(text) });
    }
  });
});

describe('chunk boundaries', () => {
  const all = (text: string) => Array.from({ length: text.length + 1 }, (_, i) => [i]);

  it('a record cut anywhere reads the same', () => {
    const text = 'id,month,employed\nP01,0,1\nP02,6,0\n';
    for (const cuts of all(text)) expect(streamed(text, cuts)).toEqual(streamed(text, []));
    expect(streamed(text, [20]).records).toEqual([
      { row: 2, fields: ['P01', '0', '1'], bad: false },
      { row: 3, fields: ['P02', '6', '0'], bad: false },
    ]);
  });

  it('a quoted field with a line break and an escaped quote, cut anywhere', () => {
    const text = 'a,b\n"Øst\nfold","say ""hi"""\nx,y';
    for (const cuts of all(text)) {
      expect(streamed(text, cuts).records).toEqual([
        { row: 2, fields: ['Øst\nfold', 'say "hi"'], bad: false },
        { row: 3, fields: ['x', 'y'], bad: false },
      ]);
    }
  });

  it('a CRLF pair cut between CR and LF is one line end', () => {
    const text = 'a;b\r\n1;2\r\n3;4\r\n';
    for (const cuts of all(text)) {
      const got = streamed(text, cuts);
      expect(got.records.map((r) => r.row)).toEqual([2, 3]);
      expect(got.records.map((r) => r.fields)).toEqual([['1', '2'], ['3', '4']]);
    }
  });

  it('a CR at the very end of a chunk before the header line ends still tells CR from CRLF', () => {
    const crlf = new CsvReader({ header: (_f, _b, d) => void expect(d.line_ending).toBe('CRLF'), record: () => undefined });
    crlf.pushText('a,b\r', false);
    crlf.pushText('\n1,2', true);
    const cr = new CsvReader({ header: (_f, _b, d) => void expect(d.line_ending).toBe('CR'), record: () => undefined });
    cr.pushText('a,b\r', false);
    cr.pushText('1,2', true);
    expect(crlf.records + cr.records).toBe(2);
  });

  it('a UTF-8 character split across chunks (2, 3 and 4 bytes) decodes as UTF-8', () => {
    const text = 'site,x\nØstfold,€\nTrøndelag,𝄞\n';
    const bytes = new TextEncoder().encode(text);
    for (let cut = 0; cut <= bytes.length; cut++) {
      const got = streamedBytes(bytes, [cut]);
      expect(got.encoding).toBe('utf-8');
      expect(got.records.map((r) => r.fields)).toEqual([['Østfold', '€'], ['Trøndelag', '𝄞']]);
    }
  });

  it('an unterminated quote takes the rest of the file without re-reading it per chunk', () => {
    const rows = Array.from({ length: 20000 }, (_, i) => `P${i},${i % 13},0`).join('\n');
    const text = `id,month,employed\nP0,"0,1\n${rows}`;
    const cuts = Array.from({ length: 400 }, (_, i) => i * 1000);
    const t0 = performance.now();
    const got = streamed(text, cuts);
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(got).toEqual(reference(text));
    expect(got.records).toHaveLength(1);
    expect(got.records[0]!.bad).toBe(true);
  });
});

describe('encoding detection across chunks', () => {
  const cp1252 = (text: string) => Uint8Array.from([...text].map((c) => c.charCodeAt(0)));

  it('Windows-1252 after a first chunk of ASCII goes on without a restart', () => {
    const decoder = new ByteDecoder();
    const a = cp1252('site,n\nOslo,1\n');
    const b = cp1252('Østfold,2\n');
    expect(decoder.push(a)).toBe('site,n\nOslo,1\n');
    expect(decoder.push(b)).toBe('Østfold,2\n');
    expect(decoder.end()).toBe('');
    expect(decoder.encoding).toBe('windows-1252');
  });

  it('Windows-1252 found after valid non-ASCII UTF-8 asks for a restart, which reads it whole as Windows-1252', () => {
    // "Ã˜" is what Ø in UTF-8 (C3 98) reads as in Windows-1252: valid UTF-8 at first…
    const bytes = Uint8Array.from([...new TextEncoder().encode('site,n\nØ,1\n'), ...cp1252('Måløy,2\n')]);
    const decoder = new ByteDecoder();
    expect(decoder.push(bytes.subarray(0, 11))).toBe('site,n\nØ,1');
    expect(decoder.push(bytes.subarray(11))).toBe(RESTART);
    const got = streamedBytes(bytes, [11]);
    expect(got.encoding).toBe('windows-1252');
    expect(got.records.map((r) => r.fields)).toEqual([['Ã˜', '1'], ['Måløy', '2']]);
  });

  it('a UTF-8 character cut off at the end of the file is not UTF-8', () => {
    const bytes = new TextEncoder().encode('site,n\nØ');
    const got = streamedBytes(bytes.subarray(0, bytes.length - 1), [5]);
    expect(got.encoding).toBe('windows-1252');
    expect(got.records[0]!.fields).toEqual(['Ã']);
  });

  it('a byte-order mark cut across chunks is found, and a NUL byte in a later chunk means not text', () => {
    const decoder = new ByteDecoder();
    expect(decoder.push(Uint8Array.of(0xef))).toBe('');
    expect(decoder.push(Uint8Array.of(0xbb, 0xbf, 0x61))).toBe('a');
    expect(decoder.bom).toBe(true);
    expect(decoder.push(Uint8Array.of(0x62, 0x00))).toBe(NOT_TEXT);
  });

  it('a file of fewer than three bytes is decoded at its end', () => {
    const decoder = new ByteDecoder();
    expect(decoder.push(Uint8Array.of(0x61))).toBe('');
    expect(decoder.end()).toBe('a');
    expect(decoder.bom).toBe(false);
  });
});

describe('tokenizer', () => {
  it('emits nothing for no text, and [""] after a final line end as papaparse does', () => {
    const got: string[][] = [];
    const empty = new CsvTokenizer(',', (f) => got.push([...f]));
    empty.end();
    expect(got).toEqual([]);
    const t = new CsvTokenizer(',', (f) => got.push([...f]));
    t.write('a,b\n');
    t.end();
    expect(got).toEqual([['a', 'b'], ['']]);
  });
});
