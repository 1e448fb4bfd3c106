/**
 * Norwegian spreadsheet exports: each dialect feature alone, then all together, must give
 * the same dataset as the plain UTF-8 comma file, and the summary must say what was found.
 */
import { describe, expect, it } from 'vitest';
import { ingest } from '../../src/io/ingest.ts';
import { EMPLOYMENT, ingestOk, PARTICIPANTS, QUESTIONNAIRES, textDelivery, toBytes } from '../helpers/delivery.ts';

const baseline = ingestOk();

/** Encodes text as Windows-1252 (Latin-1 range only, which covers æ ø å Æ Ø Å). */
function cp1252(text: string): Uint8Array {
  return Uint8Array.from([...text].map((c) => {
    const code = c.charCodeAt(0);
    if (code > 0xff) throw new Error(`not encodable: ${c}`);
    return code;
  }));
}

const toSemicolons = (csv: string) => csv.replace(/,/g, ';');
const toDecimalComma = (csv: string) => toSemicolons(csv).replace(/(\d)\.(\d)/g, '$1,$2');
const toCrlf = (csv: string) => csv.replace(/\n/g, '\r\n');
const bom = (bytes: Uint8Array) => Uint8Array.from([0xef, 0xbb, 0xbf, ...bytes]);
const utf8 = (s: string) => new TextEncoder().encode(s);

function ingestWith(transform: (csv: string) => Uint8Array) {
  const d = toBytes(textDelivery());
  d.participants = transform(PARTICIPANTS);
  d.employment = transform(EMPLOYMENT);
  d.questionnaires = transform(QUESTIONNAIRES);
  return ingest(d);
}

describe('dialects', () => {
  it('plain UTF-8 is reported as such', () => {
    expect(baseline.summary.files[0]!.dialect).toEqual({ encoding: 'utf-8', bom: false, delimiter: ',', decimal: '.', line_ending: 'LF' });
  });

  it('byte-order mark', () => {
    const r = ingestWith((csv) => bom(utf8(csv)));
    expect(r.dataset).toEqual(baseline.dataset);
    expect(r.summary.files.every((f) => f.dialect.bom)).toBe(true);
  });

  it('semicolon delimiter', () => {
    const r = ingestWith((csv) => utf8(toSemicolons(csv)));
    expect(r.dataset).toEqual(baseline.dataset);
    expect(r.summary.files.map((f) => f.dialect.delimiter)).toEqual([';', ';', ';']);
  });

  it('decimal comma (with semicolons, as Norwegian Excel writes it)', () => {
    const r = ingestWith((csv) => utf8(toDecimalComma(csv)));
    expect(r.dataset).toEqual(baseline.dataset);
    expect(r.dataset.questionnaires.scores.qol).toContain(7.25);
    expect(r.summary.files.find((f) => f.file === 'questionnaires.csv')!.dialect.decimal).toBe(',');
  });

  it('a decimal comma in a comma-delimited file is not a number', () => {
    const d = toBytes(textDelivery({ questionnaires: QUESTIONNAIRES.replace('7.25', '"7,25"') }));
    expect(() => ingest(d)).toThrow(/contract violation/);
  });

  it('CRLF line ends', () => {
    const r = ingestWith((csv) => utf8(toCrlf(csv)));
    expect(r.dataset).toEqual(baseline.dataset);
    expect(r.summary.files.map((f) => f.dialect.line_ending)).toEqual(['CRLF', 'CRLF', 'CRLF']);
  });

  it('Windows-1252 text is detected and decoded (ø, æ, å)', () => {
    const withAeAa = PARTICIPANTS.replace('Sør-Trøndelag', 'Måløy-Sæter');
    const d = toBytes(textDelivery());
    d.participants = cp1252(withAeAa);
    const r = ingest(d);
    expect(r.dataset.participants.site).toContain('Måløy-Sæter');
    expect(r.dataset.participants.site).toContain('Østfold');
    expect(r.summary.files[0]!.dialect.encoding).toBe('windows-1252');
    expect(r.summary.files[1]!.dialect.encoding).toBe('utf-8');
  });

  it('all five together', () => {
    const r = ingestWith((csv) => bom(cp1252(toCrlf(toDecimalComma(csv)))));
    expect(r.dataset).toEqual(baseline.dataset);
    expect(r.summary.files.find((f) => f.file === 'questionnaires.csv')!.dialect.decimal).toBe(',');
    // Bytes that are not valid UTF-8 are read as Windows-1252 even behind a BOM.
    expect(r.summary.files.find((f) => f.file === 'participants.csv')!.dialect).toEqual({
      encoding: 'windows-1252',
      bom: true,
      delimiter: ';',
      decimal: '.', // participants.csv holds no decimal numbers: '.' means "no comma seen"
      line_ending: 'CRLF',
    });
  });
});
