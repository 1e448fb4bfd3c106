/**
 * Reading and checking `fidelity.csv`: one row per site, IPS-25 item and rating round.
 *
 * | column   | rule                                                     |
 * |----------|----------------------------------------------------------|
 * | site     | one of the trial's sites (participants.csv), NFC-matched  |
 * | item     | whole number 1–25                                         |
 * | score    | whole number 1–5                                          |
 * | rated_on | date YYYY-MM-DD of the fidelity review (the round)        |
 *
 * The file is small (25 rows per site and round), so it is decoded and parsed whole here
 * with papaparse rather than through the streaming ingest of the participant files. It is
 * read like those files (UTF-8 or Windows-1252, byte-order mark, `,` `;` or tab, any line
 * end), and its violations have the same shape and wording, so the CLI prints them alike.
 * Every violation is collected, never thrown. A `found` shows at most the offending cell.
 */
import Papa from 'papaparse';
import type { Violation } from '../io/errors.ts';
import { containsNorwegianNationalId, isIdentifierColumnName } from '../io/identifiers.ts';
import { HIDDEN, message, safeFound } from '../io/messages.ts';
import { parseDate, parseInteger, parseLabel } from '../io/values.ts';
import { fidelityMessage } from './messages.ts';
import { ITEM_COUNT, SCORE_MAX, SCORE_MIN } from './scale.ts';

export const FIDELITY_FILE = 'fidelity.csv';
export const FIDELITY_COLUMNS = ['site', 'item', 'score', 'rated_on'] as const;

/** One valid rating: a site's score on one item in the round of `rated_on`. */
export interface FidelityRating {
  site: string;
  item: number;
  score: number;
  rated_on: string;
  /** Spreadsheet row number (header = 1), for later messages. */
  row: number;
}

export interface FidelityCsvCheck {
  /** The valid rows, in file order; use them only when `total` is 0. */
  ratings: FidelityRating[];
  /** Violations in row order (file-level first), at most `maxErrors` of them. */
  violations: Violation[];
  /** All violations found, including those beyond the cap. */
  total: number;
  /** Columns in the file that are not in the contract (ignored; worth a warning). */
  ignored_columns: string[];
}

/**
 * Checks fidelity.csv (its bytes, or already decoded text) against the contract above and
 * the trial's sites: item outside 1–25, score outside 1–5 or not a whole number, a bad date,
 * a (site, item) rated twice in one round (same rated_on), a site that is not in the trial,
 * and the contract's identifier rules (no national identity number in any cell, no column
 * named like a name, address, phone or e-mail). A site with fewer than 25 items is not a
 * violation: summarizeSiteFidelity reports it as incomplete.
 *
 * @example checkFidelityCsv('site,item,score,rated_on\nOslo,26,3,2014-05-02\n', ['Oslo']).violations[0]?.rule
 * // 'must be a whole number from 1 to 25'
 */
export function checkFidelityCsv(
  input: Uint8Array | string,
  trialSites: readonly string[],
  options: { file?: string; maxErrors?: number } = {},
): FidelityCsvCheck {
  const file = options.file ?? FIDELITY_FILE;
  const maxErrors = options.maxErrors ?? 100;
  const found: Violation[] = [];
  const add = (row: number | null, column: string | null, rule: string, f: string) => found.push({ file, row, column, rule, found: f });
  const finish = (ratings: FidelityRating[], ignored: string[]): FidelityCsvCheck => {
    // File-level first, then by row; stable, so a row's violations keep column order.
    const sorted = found.slice().sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
    return { ratings, violations: sorted.slice(0, maxErrors), total: sorted.length, ignored_columns: ignored };
  };

  const text = typeof input === 'string' ? input.replace(/^\ufeff/, '') : decode(input);
  if (text === null) {
    add(null, null, message.fileNotText, 'NUL byte');
    return finish([], []);
  }
  if (text.trim() === '') {
    add(null, null, message.fileEmpty, 'empty file');
    return finish([], []);
  }
  const { header, records, badQuoteRows } = parse(text);

  // Header: the identifier rules always run; the rows are read only under a usable header.
  let headerOk = !badQuoteRows.has(1);
  if (!headerOk) add(1, null, message.csvSyntax, `${header.length} fields`);
  const seen = new Set<string>();
  header.forEach((h, i) => {
    const column = h === '' || containsNorwegianNationalId(h) ? `#${i + 1}` : h;
    if (containsNorwegianNationalId(h)) {
      add(1, column, message.nationalId, HIDDEN);
      headerOk = false;
    } else if (h === '') {
      add(1, column, message.emptyColumnName, 'empty');
      headerOk = false;
    } else if (seen.has(h)) {
      add(1, column, message.duplicateColumn, safeFound(h));
      headerOk = false;
    } else if (isIdentifierColumnName(h)) {
      add(1, column, message.identifierColumn, safeFound(h));
      headerOk = false;
    }
    seen.add(h);
  });
  for (const name of FIDELITY_COLUMNS) {
    if (!seen.has(name)) {
      add(1, name, message.missingColumn(name), `columns ${safeFound(header.map((h, i) => (containsNorwegianNationalId(h) ? `#${i + 1}` : h)).join(','))}`);
      headerOk = false;
    }
  }
  const ignored = header.filter((h) => h !== '' && !(FIDELITY_COLUMNS as readonly string[]).includes(h) && !isIdentifierColumnName(h) && !containsNorwegianNationalId(h));
  if (headerOk && records.length === 0) add(null, null, message.fileNoRows, 'header only');

  const trial = new Set(trialSites.map((s) => s.normalize('NFC')));
  const index = new Map(header.map((h, i) => [h, i]));
  const ratings: FidelityRating[] = [];
  const firstRowOf = new Map<string, number>();
  const unknownSites = new Map<string, { row: number; rows: number }>();

  for (const { row, fields } of records) {
    let rowOk = true;
    fields.forEach((raw, i) => {
      if (containsNorwegianNationalId(raw)) {
        const h = header[i];
        add(row, h === undefined || h === '' || containsNorwegianNationalId(h) ? `#${i + 1}` : h, message.nationalId, HIDDEN);
        rowOk = false;
      }
    });
    if (!headerOk) continue;
    if (badQuoteRows.has(row)) {
      add(row, null, message.csvSyntax, `${fields.length} fields`);
      continue;
    }
    if (fields.length !== header.length) {
      add(row, null, message.fieldCount(header.length), `${fields.length} fields`);
      continue;
    }
    if (!rowOk) continue;
    const cell = (name: string) => fields[index.get(name)!]!.trim();
    const check = <T>(name: string, parse: (s: string) => { ok: true; value: T } | { ok: false; rule: string }): T | null => {
      const raw = cell(name);
      const v = raw === '' ? ({ ok: false, rule: message.required } as const) : parse(raw);
      if (v.ok) return v.value;
      add(row, name, v.rule, safeFound(raw));
      return null;
    };
    const site = check('site', (s) => parseLabel(s));
    const item = check('item', (s) => parseInteger(s, 1, ITEM_COUNT));
    const score = check('score', (s) => parseInteger(s, SCORE_MIN, SCORE_MAX));
    const ratedOn = check('rated_on', parseDate);
    if (site !== null && !trial.has(site)) {
      // Reported once per site, at its first row: 25 identical lines would bury the rest.
      const u = unknownSites.get(site);
      if (u) u.rows++;
      else unknownSites.set(site, { row, rows: 1 });
      continue;
    }
    if (site === null || item === null || ratedOn === null) continue;
    const key = `${site}\u0000${item}\u0000${ratedOn}`;
    const first = firstRowOf.get(key);
    if (first !== undefined) {
      add(row, 'item', fidelityMessage.duplicateItem(first), safeFound(cell('item')));
      continue;
    }
    firstRowOf.set(key, row);
    if (score !== null) ratings.push({ site, item, score, rated_on: ratedOn, row });
  }
  for (const [site, u] of unknownSites) add(u.row, 'site', fidelityMessage.siteNotInTrial(u.rows), safeFound(site));
  return finish(ratings, ignored);
}

/** UTF-8 (with or without byte-order mark) when valid, else Windows-1252; null for binary. */
function decode(bytes: Uint8Array): string | null {
  if (bytes.includes(0)) return null;
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return new TextDecoder('windows-1252').decode(body);
  }
}

/** Header and records (row numbers as in a spreadsheet), blank lines dropped. */
function parse(text: string): { header: string[]; records: { row: number; fields: string[] }[]; badQuoteRows: Set<number> } {
  const lines = text.replace(/\r\n?/g, '\n');
  const result = Papa.parse<string[]>(lines, { delimiter: headerDelimiter(lines), newline: '\n', header: false, skipEmptyLines: false });
  const badQuoteRows = new Set(result.errors.filter((e) => e.type === 'Quotes').map((e) => (e.row ?? 0) + 1));
  const [header = [], ...rest] = result.data;
  const records = rest.map((fields, i) => ({ row: i + 2, fields })).filter((r) => !(r.fields.length === 1 && r.fields[0]!.trim() === ''));
  return { header: header.map((h) => h.trim()), records, badQuoteRows };
}

/** The delimiter the header line uses most, as the ingest detects it: `;` and tab before `,`. */
function headerDelimiter(text: string): string {
  const header = (text.split('\n', 1)[0] ?? '').replace(/"[^"]*"/g, '');
  let best = ',';
  let bestCount = 0;
  for (const c of [';', '\t', ',']) {
    const count = header.split(c).length - 1;
    if (count > bestCount) [best, bestCount] = [c, count];
  }
  return best;
}
