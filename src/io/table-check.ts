/**
 * Checks one parsed CSV file against a list of column rules (data, one entry per contract
 * column) and returns typed columns. Every violation is collected, never thrown, so a
 * delivery can be fixed in one round.
 */
import { decodeText, parseCsv, type ParsedCsv } from './csv.ts';
import type { Violation } from './errors.ts';
import { containsNorwegianNationalId, isIdentifierColumnName } from './identifiers.ts';
import { HIDDEN, message, safeFound } from './messages.ts';
import type { Parsed } from './values.ts';

/** How a cell's text is read; `allowComma` is true when the file may use a decimal comma. */
export interface CellContext {
  allowComma: boolean;
  /** Set by number parsers when a decimal comma was seen. */
  sawComma: boolean;
}

/** One contract column: whether it must be in the header, whether a cell may be empty, its parser. */
export interface ColumnRule {
  name: string;
  requiredColumn: boolean;
  emptyAllowed: boolean;
  /** Never print the value of this column in a message (identifiers). */
  hideValue?: boolean;
  /**
   * Part of the row's key (participant, month or wave): kept for every row whose key cells
   * are valid, even when other cells are not, so referential checks see every participant.
   */
  key?: boolean;
  parse: (s: string, ctx: CellContext) => Parsed<unknown>;
}

/** Collects violations up to a cap while counting all of them. */
export class ViolationLog {
  readonly list: Violation[] = [];
  total = 0;
  constructor(readonly cap: number) {}
  /** Records one violation (kept only while under the cap). */
  add(v: Violation): void {
    this.total++;
    if (this.list.length < this.cap) this.list.push(v);
  }
}

/**
 * Decodes and parses one delivered CSV file, logging why when it cannot be: bytes that are
 * not text (NUL bytes), or a file without even a header row.
 */
export function parseCsvFile(bytes: Uint8Array, file: string, log: ViolationLog): ParsedCsv | null {
  const decoded = decodeText(bytes);
  if (!decoded) {
    log.add({ file, row: null, column: null, rule: message.fileNotText, found: 'NUL byte' });
    return null;
  }
  if (decoded.text.trim() === '') {
    log.add({ file, row: null, column: null, rule: message.fileEmpty, found: 'empty file' });
    return null;
  }
  return parseCsv(decoded);
}

export interface CheckedTable {
  /** Parsed values per contract column (null for empty cells); rows in file order. */
  columns: Record<string, unknown[]>;
  /** Spreadsheet row number of each kept row. */
  rows: number[];
  /** Key values (in key-rule order) of every row whose key cells are valid, with its row number. */
  keys: { row: number; values: unknown[] }[];
  /** Columns present in the file but not in the contract. */
  ignored: string[];
  /** False when the header is unusable; columns are then empty. */
  headerOk: boolean;
}

/**
 * Checks header and cells of one file. Identifier checks (column names, national identity
 * numbers in any cell, including ignored columns) always run, even when the header is
 * otherwise broken, because they decide whether the data may be held at all.
 */
export function checkTable(csv: ParsedCsv, file: string, rules: ColumnRule[], log: ViolationLog): CheckedTable {
  const syntaxRows = new Set(csv.syntaxErrorRows);
  const headerOk = checkHeader(csv.header, file, rules, log, syntaxRows.has(1));
  const index = new Map(csv.header.map((h, i) => [h, i]));
  const known = new Set(rules.map((r) => r.name));
  const ignored = csv.header.filter((h) => h !== '' && !known.has(h) && !isIdentifierColumnName(h) && !containsNorwegianNationalId(h));
  const present = rules.filter((r) => index.has(r.name));
  const keyRules = present.filter((r) => r.key);
  const columns: Record<string, unknown[]> = Object.fromEntries(present.map((r) => [r.name, []]));
  const rows: number[] = [];
  const keys: CheckedTable['keys'] = [];
  const ctx: CellContext = { allowComma: csv.dialect.delimiter !== ',', sawComma: false };

  for (const { row, fields } of csv.records) {
    let rowOk = true;
    fields.forEach((raw, i) => {
      if (containsNorwegianNationalId(raw)) {
        log.add({ file, row, column: columnLabel(csv.header, i), rule: message.nationalId, found: HIDDEN });
        rowOk = false;
      }
    });
    if (!headerOk) continue;
    if (syntaxRows.has(row)) {
      log.add({ file, row, column: null, rule: message.csvSyntax, found: `${fields.length} fields` });
      continue;
    }
    if (fields.length !== csv.header.length) {
      log.add({ file, row, column: null, rule: message.fieldCount(csv.header.length), found: `${fields.length} fields` });
      continue;
    }
    if (!rowOk) continue;
    const parsed = new Map<ColumnRule, Parsed<unknown>>();
    for (const rule of present) {
      const raw = fields[index.get(rule.name)!]!.trim();
      const value = parseCell(raw, rule, ctx);
      parsed.set(rule, value);
      if (!value.ok) {
        log.add({ file, row, column: rule.name, rule: value.rule, found: rule.hideValue ? HIDDEN : safeFound(raw) });
        rowOk = false;
      }
    }
    const keyValues = keyRules.map((r) => parsed.get(r)!);
    if (keyValues.every((v) => v.ok)) keys.push({ row, values: keyValues.map((v) => (v.ok ? v.value : null)) });
    if (!rowOk) continue;
    for (const rule of present) columns[rule.name]!.push((parsed.get(rule) as { value: unknown }).value);
    rows.push(row);
  }
  if (ctx.sawComma) csv.dialect.decimal = ',';
  return { columns, rows, keys, ignored, headerOk };
}

/** A column's name for a message, or its position when the name itself is an identifier. */
function columnLabel(header: string[], i: number): string {
  const h = header[i];
  return h === undefined || h === '' || containsNorwegianNationalId(h) ? `#${i + 1}` : h;
}

function parseCell(raw: string, rule: ColumnRule, ctx: CellContext): Parsed<unknown> {
  if (raw === '') return rule.emptyAllowed ? { ok: true, value: null } : { ok: false, rule: message.required };
  return rule.parse(raw, ctx);
}

function checkHeader(header: string[], file: string, rules: ColumnRule[], log: ViolationLog, badQuotes: boolean): boolean {
  let ok = true;
  if (badQuotes) {
    log.add({ file, row: 1, column: null, rule: message.csvSyntax, found: `${header.length} fields` });
    ok = false;
  }
  const seen = new Set<string>();
  header.forEach((h, i) => {
    const column = columnLabel(header, i);
    if (containsNorwegianNationalId(h)) {
      log.add({ file, row: 1, column, rule: message.nationalId, found: HIDDEN });
      ok = false;
    } else if (h === '') {
      log.add({ file, row: 1, column, rule: message.emptyColumnName, found: 'empty' });
      ok = false;
    } else if (seen.has(h)) {
      log.add({ file, row: 1, column, rule: message.duplicateColumn, found: safeFound(h) });
      ok = false;
    }
    if (isIdentifierColumnName(h)) {
      log.add({ file, row: 1, column, rule: message.identifierColumn, found: safeFound(h) });
      ok = false;
    }
    seen.add(h);
  });
  for (const r of rules) {
    if (r.requiredColumn && !seen.has(r.name)) {
      log.add({ file, row: 1, column: r.name, rule: message.missingColumn(r.name), found: `columns ${safeFound(header.map((_, i) => columnLabel(header, i)).join(','))}` });
      ok = false;
    }
  }
  return ok;
}
