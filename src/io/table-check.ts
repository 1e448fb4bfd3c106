/**
 * Checks one parsed CSV file against a list of column rules (data, one entry per contract
 * column) and returns typed columns. Every violation is collected, never thrown, so a
 * delivery can be fixed in one round.
 */
import { collect, CsvReader, NOT_TEXT, RESTART, type CsvSink, type ParsedCsv } from './csv.ts';
import type { Dialect } from './dataset.ts';
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
  /**
   * Reads the trimmed cell text. Must depend only on the text and `ctx.allowComma`
   * (setting `ctx.sawComma` is allowed: it stays set for the file), because results are
   * reused for repeated texts.
   */
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
  /** Adds another log's violations after this log's own, as if they had been added here. */
  append(other: ViolationLog): void {
    for (const v of other.list) this.add(v);
    this.total += other.total - other.list.length;
  }
}

/**
 * Decodes and parses one delivered CSV file held in memory (a small one: the allocation
 * list), logging why when it cannot be: bytes that are not text (NUL bytes), or a file
 * without even a header row.
 */
export function parseCsvFile(bytes: Uint8Array, file: string, log: ViolationLog): ParsedCsv | null {
  for (const windows1252 of [false, true]) {
    const parsed: ParsedCsv = { header: [], records: [], syntaxErrorRows: [], dialect: { ...EMPTY_DIALECT } };
    const reader = new CsvReader(collect(parsed), { windows1252 });
    const status = feed(reader, bytes);
    if (status === RESTART) continue;
    if (status === NOT_TEXT) {
      log.add({ file, row: null, column: null, rule: message.fileNotText, found: 'NUL byte' });
      return null;
    }
    if (!reader.nonBlank) {
      log.add({ file, row: null, column: null, rule: message.fileEmpty, found: 'empty file' });
      return null;
    }
    parsed.dialect = reader.dialect!;
    return parsed;
  }
  throw new Error('unreachable: Windows-1252 decoding cannot fail');
}

const EMPTY_DIALECT: Dialect = { encoding: 'utf-8', bom: false, delimiter: ',', decimal: '.', line_ending: 'none' };

/**
 * Bytes decoded at a time. Small enough that each chunk's text is an ordinary young
 * object for V8 (a string over about 128 KB is allocated where only a full garbage
 * collection frees it, and at registry scale those collections dominate).
 */
export const CHUNK_BYTES = 1 << 16;

/** Feeds bytes held in memory to a reader in chunks, then ends it. */
export function feed(reader: CsvReader, bytes: Uint8Array, chunkBytes = CHUNK_BYTES): 'ok' | typeof NOT_TEXT | typeof RESTART {
  for (let at = 0; at < bytes.length; at += chunkBytes) {
    const status = reader.push(bytes.subarray(at, at + chunkBytes));
    if (status !== 'ok') return status;
  }
  return reader.end();
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
 * Receives each record that could be checked cell by cell: `values` holds the parsed value
 * of each contract column present in the header (in {@link TableChecker.present} order; the
 * array is reused for the next record, so copy what you keep); `rowOk` is false when a cell
 * broke its rule; `keysOk` is true when every key cell (participant, month or wave) is valid,
 * so referential checks can use the row even when another cell is not.
 */
export type RowHandler = (row: number, values: readonly unknown[], rowOk: boolean, keysOk: boolean) => void;

/**
 * Checks header and cells of one file as its records stream in (a {@link CsvSink}).
 * Identifier checks (column names, national identity numbers in any cell, including
 * ignored columns) always run, even when the header is otherwise broken, because they
 * decide whether the data may be held at all.
 */
export class TableChecker implements CsvSink {
  /** False when the header is unusable (no record is then checked beyond identifiers). */
  headerOk = false;
  /** Columns present in the file but not in the contract. */
  ignored: string[] = [];
  /** Contract columns present in the header, in rule order: the layout of `values`. */
  present: ColumnRule[] = [];
  /** The header as trimmed. */
  columnsInFile: string[] = [];
  private fieldIndex: number[] = [];
  private values: unknown[] = [];
  private readonly ctx: CellContext = { allowComma: false, sawComma: false };
  // Per column: the last text read and its result, and results of texts seen before
  // (registry files repeat the same participant, month and amount texts many times).
  private lastText: (string | null)[] = [];
  private lastParsed: Parsed<unknown>[] = [];
  private memo: (Memo | null)[] = [];

  constructor(
    readonly file: string,
    readonly rules: readonly ColumnRule[],
    readonly log: ViolationLog,
    private readonly onRow: RowHandler,
  ) {}

  /** Position of a contract column in `values`, or -1 when the file lacks it. */
  position(name: string): number {
    return this.present.findIndex((r) => r.name === name);
  }

  /** True once a cell used a decimal comma (the dialect's decimal mark). */
  get sawDecimalComma(): boolean {
    return this.ctx.sawComma;
  }

  header(fields: string[], badQuotes: boolean, dialect: Dialect): void {
    const header = fields.map((h) => h.trim());
    this.columnsInFile = header;
    this.headerOk = checkHeader(header, this.file, this.rules, this.log, badQuotes);
    const index = new Map(header.map((h, i) => [h, i]));
    const known = new Set(this.rules.map((r) => r.name));
    this.ignored = header.filter((h) => h !== '' && !known.has(h) && !isIdentifierColumnName(h) && !containsNorwegianNationalId(h));
    this.present = this.rules.filter((r) => index.has(r.name));
    this.fieldIndex = this.present.map((r) => index.get(r.name)!);
    this.values = new Array<unknown>(this.present.length).fill(null);
    this.lastText = this.present.map(() => null);
    this.lastParsed = this.present.map(() => ({ ok: true, value: null }));
    this.memo = this.present.map(() => new Memo());
    this.ctx.allowComma = dialect.delimiter !== ',';
  }

  record(row: number, fields: string[], badQuotes: boolean): void {
    const { file, log } = this;
    let rowOk = true;
    for (let i = 0; i < fields.length; i++) {
      if (containsNorwegianNationalId(fields[i]!)) {
        log.add({ file, row, column: columnLabel(this.columnsInFile, i), rule: message.nationalId, found: HIDDEN });
        rowOk = false;
      }
    }
    if (!this.headerOk) return;
    if (badQuotes) {
      log.add({ file, row, column: null, rule: message.csvSyntax, found: `${fields.length} fields` });
      return;
    }
    if (fields.length !== this.columnsInFile.length) {
      log.add({ file, row, column: null, rule: message.fieldCount(this.columnsInFile.length), found: `${fields.length} fields` });
      return;
    }
    if (!rowOk) return;
    const { present, fieldIndex, values, ctx, lastText, lastParsed, memo } = this;
    let keysOk = true;
    for (let k = 0; k < present.length; k++) {
      const rule = present[k]!;
      const raw = fields[fieldIndex[k]!]!.trim();
      let value: Parsed<unknown>;
      if (raw === lastText[k]) value = lastParsed[k]!;
      else {
        const m = memo[k]!;
        value = m.get(raw) ?? parseCell(raw, rule, ctx);
        m.keep(raw, value);
        lastText[k] = raw;
        lastParsed[k] = value;
      }
      if (value.ok) values[k] = value.value;
      else {
        values[k] = null;
        log.add({ file, row, column: rule.name, rule: value.rule, found: rule.hideValue ? HIDDEN : safeFound(raw) });
        rowOk = false;
        if (rule.key) keysOk = false;
      }
    }
    this.onRow(row, values, rowOk, keysOk);
  }
}

/** Checks a parsed file held in memory (see {@link TableChecker}) and returns typed columns. */
export function checkTable(csv: ParsedCsv, file: string, rules: ColumnRule[], log: ViolationLog): CheckedTable {
  const table: CheckedTable = { columns: {}, rows: [], keys: [], ignored: [], headerOk: false };
  let keyRules: number[] = [];
  const checker = new TableChecker(file, rules, log, (row, values, rowOk, keysOk) => {
    if (keysOk) table.keys.push({ row, values: keyRules.map((k) => values[k]) });
    if (!rowOk) return;
    checker.present.forEach((r, k) => table.columns[r.name]!.push(values[k]));
    table.rows.push(row);
  });
  const syntaxRows = new Set(csv.syntaxErrorRows);
  checker.header(csv.header, syntaxRows.has(1), csv.dialect);
  table.columns = Object.fromEntries(checker.present.map((r) => [r.name, []]));
  keyRules = checker.present.flatMap((r, k) => (r.key ? [k] : []));
  for (const { row, fields } of csv.records) checker.record(row, fields, syntaxRows.has(row));
  if (checker.sawDecimalComma) csv.dialect.decimal = ',';
  return { ...table, ignored: checker.ignored, headerOk: checker.headerOk };
}

/**
 * Results of cell texts seen before in one column, up to a limit; it turns itself off in a
 * column whose texts rarely repeat (identifiers, amounts), where it would only cost time.
 */
class Memo {
  private map: Map<string, Parsed<unknown>> | null = new Map();
  private lookups = 0;
  private hits = 0;
  static readonly SIZE = 4096;
  static readonly TRIAL = 16384;

  get(text: string): Parsed<unknown> | undefined {
    if (this.map === null) return undefined;
    this.lookups++;
    const hit = this.map.get(text);
    if (hit !== undefined) this.hits++;
    return hit;
  }

  keep(text: string, value: Parsed<unknown>): void {
    if (this.map === null) return;
    if (this.lookups === Memo.TRIAL && this.hits * 4 < this.lookups) this.map = null;
    else if (this.map.size < Memo.SIZE) this.map.set(text, value);
  }
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

function checkHeader(header: string[], file: string, rules: readonly ColumnRule[], log: ViolationLog, badQuotes: boolean): boolean {
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
