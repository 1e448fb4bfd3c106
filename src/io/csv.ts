/**
 * Reading delimited text as delivered: UTF-8 or Windows-1252, with or without a byte-order
 * mark, comma/semicolon/tab delimited, any line ending. The dialect is detected, never
 * guessed silently: it is returned so the ingest summary can say what was found.
 */
import Papa from 'papaparse';
import type { Dialect } from './dataset.ts';

export interface DecodedText {
  text: string;
  encoding: Dialect['encoding'];
  bom: boolean;
}

/**
 * Decodes file bytes: a UTF-8 byte-order mark or valid UTF-8 means UTF-8; anything else is
 * read as Windows-1252 (the encoding of Norwegian spreadsheet exports). Returns null for
 * binary content (NUL bytes), which no text export contains.
 */
export function decodeText(bytes: Uint8Array): DecodedText | null {
  if (bytes.includes(0)) return null;
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8', bom };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(body), encoding: 'windows-1252', bom };
  }
}

/** The first line ending in the text; files are expected to use one consistently. */
export function detectLineEnding(text: string): Dialect['line_ending'] {
  const m = /\r\n|\n|\r/.exec(text);
  if (!m) return 'none';
  return m[0] === '\r\n' ? 'CRLF' : m[0] === '\n' ? 'LF' : 'CR';
}

/** The delimiter the header line uses most: `;` and tab win over `,` when present. */
export function detectDelimiter(text: string): Dialect['delimiter'] {
  const header = text.split(/\r\n|\n|\r/, 1)[0] ?? '';
  const unquoted = header.replace(/"[^"]*"/g, '');
  const count = (c: string) => unquoted.split(c).length - 1;
  const candidates: Dialect['delimiter'][] = [';', '\t', ','];
  let best: Dialect['delimiter'] = ',';
  let bestCount = 0;
  for (const c of candidates) {
    if (count(c) > bestCount) {
      best = c;
      bestCount = count(c);
    }
  }
  return best;
}

export interface ParsedCsv {
  header: string[];
  /** Data records with their spreadsheet row number (header = 1); blank lines are dropped. */
  records: { row: number; fields: string[] }[];
  /** Row numbers whose quoting could not be parsed. */
  syntaxErrorRows: number[];
  dialect: Dialect;
}

/**
 * Parses decoded CSV text into a header and records. The decimal mark is reported as `.`
 * here; the contract check upgrades it to `,` when numeric cells use a decimal comma.
 */
export function parseCsv(decoded: DecodedText): ParsedCsv {
  const delimiter = detectDelimiter(decoded.text);
  const line_ending = detectLineEnding(decoded.text);
  // One line end for the parser: a file that mixes them (a CRLF header above LF rows, as
  // hand edits produce) would otherwise read as a single enormous row.
  const text = decoded.text.replace(/\r\n?/g, '\n');
  const result = Papa.parse<string[]>(text, { delimiter, newline: '\n', header: false, skipEmptyLines: false });
  const syntaxErrorRows = [...new Set(result.errors.filter((e) => e.type === 'Quotes').map((e) => (e.row ?? 0) + 1))];
  const [header = [], ...rest] = result.data;
  const records = rest
    .map((fields, i) => ({ row: i + 2, fields }))
    .filter((r) => !(r.fields.length === 1 && r.fields[0]!.trim() === ''));
  return {
    header: header.map((h) => h.trim()),
    records,
    syntaxErrorRows,
    dialect: { encoding: decoded.encoding, bom: decoded.bom, delimiter, decimal: '.', line_ending },
  };
}
