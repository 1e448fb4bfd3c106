/**
 * Ingest: from the delivered files and the plan to the canonical, typed dataset and its
 * summary, enforcing every rule of the data contract. Files are read as streams of bytes
 * (one CSV file after the other, in contract order), so a registry file is never held in
 * memory whole: {@link DeliveryIngest} takes the chunks, {@link ingest} feeds it bytes held
 * in memory, and ingest-files.ts feeds it file streams. Nothing here touches the file system.
 */
import { CsvReader, NOT_TEXT, RESTART } from './csv.ts';
import { employmentRules, FILES, participantRules, questionnaireRules } from './contract.ts';
import type { Dataset, Dialect, FileSummary, IngestSummary, IngestWarning, ParticipantsTable } from './dataset.ts';
import { siteCollator } from './dataset.ts';
import { ContractError } from './errors.ts';
import { message } from './messages.ts';
import { validatePlan, type AnalysisPlan } from './plan.ts';
import { CHUNK_BYTES, feed, TableChecker, ViolationLog, type ColumnRule } from './table-check.ts';
import { float64Column, gather, int32Column, orderByGroupThenTime, uint8Column, type ColumnBuilder } from './typed-columns.ts';

/** A delivered path that exists but cannot be read as a file (a folder, no permission). */
export interface Unreadable {
  unreadable: string;
}

/** The delivered files' bytes; a missing file is `undefined`. */
export interface Delivery {
  plan?: Uint8Array | Unreadable;
  participants?: Uint8Array | Unreadable;
  employment?: Uint8Array | Unreadable;
  questionnaires?: Uint8Array | Unreadable;
}

export interface IngestResult {
  plan: AnalysisPlan;
  dataset: Dataset;
  summary: IngestSummary;
}

/** The three CSV files, in the order they are read and reported. */
export type CsvFileKey = 'participants' | 'employment' | 'questionnaires';
export const CSV_FILES: readonly CsvFileKey[] = ['participants', 'employment', 'questionnaires'];

/** Default cap on violations listed in one error (all are counted). */
export const DEFAULT_MAX_VIOLATIONS = 100;

/**
 * Validates a delivery held in memory and builds the dataset. Throws ContractError listing
 * up to `maxViolations` violations (file, row, column, rule, what was found) if any rule is
 * broken. The bytes are read in chunks of `chunkBytes`, as a file stream would give them.
 */
export function ingest(delivery: Delivery, maxViolations = DEFAULT_MAX_VIOLATIONS, chunkBytes = CHUNK_BYTES): IngestResult {
  const run = new DeliveryIngest(maxViolations);
  run.readPlan(delivery.plan);
  for (const key of CSV_FILES) {
    const content = delivery[key];
    if (content === undefined || 'unreadable' in content) {
      run.notRead(key, content);
      continue;
    }
    let status: 'ok' | typeof NOT_TEXT | typeof RESTART = RESTART;
    for (const windows1252 of [false, true]) {
      status = feed(run.openFile(key, windows1252), content, chunkBytes);
      if (status !== RESTART) break;
    }
    run.closeFile(key, status === NOT_TEXT ? 'not text' : 'read');
  }
  return run.result();
}

/**
 * Reads and validates analysis-plan.json alone (for commands that need the plan but no
 * data, such as `ips-rct randomize`). Throws ContractError listing every violation.
 */
export function readPlanFile(content: Delivery['plan'], maxViolations = DEFAULT_MAX_VIOLATIONS): AnalysisPlan {
  const log = new ViolationLog(maxViolations);
  const plan = readPlan(content, log);
  if (!plan) throw new ContractError(log.list, log.total);
  return plan;
}

/**
 * One delivery's ingest, fed file by file. Order of calls: `readPlan`; then for each of
 * {@link CSV_FILES} in turn either `notRead` (missing, unreadable) or `openFile`, the file's
 * chunks pushed to the returned reader and its end, and `closeFile`; then `result`. When
 * the reader asks for a restart (the file is Windows-1252 after all), call `openFile` again
 * with `windows1252` and feed the file from its first byte: whatever the first pass
 * found is dropped. Violations are listed in the order the old whole-file ingest gave:
 * plan, each file's own rules, then the references between files.
 */
export class DeliveryIngest {
  private readonly log: ViolationLog;
  private plan: AnalysisPlan | null = null;
  private readonly files: FileSummary[] = [];
  private readonly warnings: IngestWarning[] = [];
  private participants: ParticipantsRead | null = null;
  private employment: RepeatedRead | null = null;
  private questionnaires: RepeatedRead | null = null;
  private current: FileRead | null = null;
  /** Referential violations, listed after every file's own. */
  private readonly references: ViolationLog[] = [];

  constructor(readonly maxViolations = DEFAULT_MAX_VIOLATIONS) {
    this.log = new ViolationLog(maxViolations);
  }

  /** Validates the plan; throws ContractError when there is no usable plan. */
  readPlan(content: Delivery['plan']): AnalysisPlan {
    this.plan = readPlan(content, this.log);
    if (!this.plan) throw new ContractError(this.log.list, this.log.total);
    return this.plan;
  }

  /** A file that is missing (`undefined`) or cannot be read. */
  notRead(key: CsvFileKey, content: Unreadable | undefined): void {
    const file = FILES[key];
    if (content === undefined) this.log.add({ file, row: null, column: null, rule: message.fileMissing, found: 'no file' });
    else this.log.add({ file, row: null, column: null, rule: message.fileUnreadable, found: content.unreadable });
  }

  /** Starts (or restarts) reading a file; push its bytes to the returned reader. */
  openFile(key: CsvFileKey, windows1252 = false): CsvReader {
    const plan = this.plan!;
    const p = this.participants;
    // Rows are checked against participants.csv only when its header could be read.
    const known = p?.checker.headerOk ? p.index : null;
    // Rows are kept only while a dataset can still come of them.
    const storing = this.log.total === 0 && this.references.every((r) => r.total === 0);
    const scoreKinds = Object.fromEntries(plan.measures.map((m) => [m.column, 'float64' as const]));
    const read: FileRead =
      key === 'participants'
        ? new ParticipantsRead(participantRules(plan), this.maxViolations, storing)
        : key === 'employment'
          ? new RepeatedRead(FILES.employment, employmentRules(plan), 'month', { employed: 'uint8', earnings_nok: 'float64' }, this.maxViolations, known, storing, plan)
          : new RepeatedRead(FILES.questionnaires, questionnaireRules(plan), 'wave', scoreKinds, this.maxViolations, known, storing, plan);
    read.reader = new CsvReader(read.checker, { windows1252 });
    this.current = read;
    return read.reader;
  }

  /** Ends the file opened last: `read` when its reader reached the end, `not text` when it stopped on a NUL byte. */
  closeFile(key: CsvFileKey, outcome: 'read' | 'not text'): void {
    const read = this.current!;
    this.current = null;
    const file = FILES[key];
    if (outcome === 'not text') {
      this.log.add({ file, row: null, column: null, rule: message.fileNotText, found: 'NUL byte' });
      return;
    }
    if (!read.reader.nonBlank) {
      this.log.add({ file, row: null, column: null, rule: message.fileEmpty, found: 'empty file' });
      return;
    }
    const dialect: Dialect = { ...read.reader.dialect!, decimal: read.checker.sawDecimalComma ? ',' : '.' };
    this.files.push({ file, rows: read.reader.records, dialect });
    if (read.reader.records === 0 && key !== 'questionnaires') this.log.add({ file, row: null, column: null, rule: message.fileNoRows, found: 'no rows' });
    this.log.append(read.log);
    for (const column of read.checker.ignored) this.warnings.push({ code: 'ignored_column', file, column });
    if (read instanceof ParticipantsRead) this.participants = read;
    else if (key === 'employment') this.employment = read as RepeatedRead;
    else this.questionnaires = read as RepeatedRead;
    if (read.checker.headerOk) this.references.push(read.references);
  }

  /** The dataset and summary; throws ContractError listing the violations if any rule is broken. */
  result(): IngestResult {
    const plan = this.plan!;
    const p = this.participants;
    if (p?.checker.headerOk) {
      // Duplicate participants first, then the plan's arms, then the other files' references.
      this.log.append(this.references[0]!);
      if (p.rows > 0 && this.log.total === 0) {
        for (const arm of plan.arms) {
          if (!p.arms.has(arm)) this.log.add({ file: FILES.participants, row: null, column: 'arm', rule: message.armWithoutParticipants(arm), found: '0 participants' });
        }
      }
      for (const refs of this.references.slice(1)) this.log.append(refs);
    }
    const { employment: e, questionnaires: q } = this;
    if (!p || !e || !q || this.log.total > 0) throw new ContractError(this.log.list, this.log.total);
    const dataset = buildDataset(p, e, q, plan);
    return { plan, dataset, summary: summarize(dataset, plan, this.files, this.warnings) };
  }
}

/** What reading one CSV file collects: its own violations, its references, its rows. */
abstract class FileRead {
  readonly log: ViolationLog;
  readonly references: ViolationLog;
  abstract readonly checker: TableChecker;
  reader!: CsvReader;

  constructor(
    maxViolations: number,
    /** Keep the rows: false once a violation elsewhere means no dataset will be built. */
    protected readonly storing: boolean,
  ) {
    this.log = new ViolationLog(maxViolations);
    this.references = new ViolationLog(maxViolations);
  }
}

/** Contract columns of participants.csv that hold numbers (the others hold text). */
const PARTICIPANT_NUMBERS = new Set(['allocation_no', 'age', 'worked_last_5y', 'withdrawn']);

/**
 * participants.csv: one row per participant. Kept off the JavaScript heap while the other
 * files stream in (numbers as doubles, NaN for empty; texts as codes into a list of the
 * distinct texts), so the garbage collector does not walk them again and again.
 */
class ParticipantsRead extends FileRead {
  readonly checker: TableChecker;
  /** Each valid identifier's key: its position in order of first appearance. */
  readonly index = new Map<string, number>();
  /** The row each identifier first appears in, by key. */
  readonly firstRow: number[] = [];
  /** Identifiers of the kept rows. */
  readonly ids: string[] = [];
  /** Kept rows' cells by column: codes into `texts` for text columns, NaN for empty numbers. */
  readonly codes: Record<string, ColumnBuilder<Int32Array>> = {};
  readonly numbers: Record<string, ColumnBuilder<Float64Array>> = {};
  readonly texts: Record<string, string[]> = {};
  /** Arms of the valid rows, for the check that every plan arm has participants. */
  readonly arms = new Set<string>();
  rows = 0;

  constructor(rules: ColumnRule[], maxViolations: number, storing: boolean) {
    super(maxViolations, storing);
    for (const r of rules) {
      if (r.name === 'participant_id') continue;
      if (PARTICIPANT_NUMBERS.has(r.name)) this.numbers[r.name] = float64Column();
      else {
        this.codes[r.name] = int32Column();
        this.texts[r.name] = [];
      }
    }
    let id = -1;
    let arm = -1;
    // Per present column: where its cells go.
    let stores: ((value: unknown) => void)[] = [];
    this.checker = new TableChecker(FILES.participants, rules, this.log, (row, values, rowOk, keysOk) => {
      if (id === -1) {
        id = this.checker.position('participant_id');
        arm = this.checker.position('arm');
        stores = this.checker.present.map((r) => this.store(r.name));
      }
      if (keysOk) {
        const pid = values[id] as string;
        const k = this.index.get(pid);
        if (k !== undefined) this.references.add({ file: FILES.participants, row, column: 'participant_id', rule: message.duplicateParticipant(this.firstRow[k]!), found: 'duplicate' });
        else {
          this.index.set(pid, this.firstRow.length);
          this.firstRow.push(row);
        }
      }
      if (!rowOk) return;
      if (arm !== -1) this.arms.add(values[arm] as string);
      this.rows++;
      if (!this.storing) return;
      for (let k = 0; k < stores.length; k++) stores[k]!(values[k]);
    });
  }

  /** Where a column's cells go. */
  private store(name: string): (value: unknown) => void {
    if (name === 'participant_id') return (v) => void this.ids.push(v as string);
    const numbers = this.numbers[name];
    if (numbers) return (v) => numbers.push(v === null ? Number.NaN : (v as number));
    const codes = this.codes[name]!;
    const texts = this.texts[name]!;
    const code = new Map<string, number>();
    return (v) => {
      if (v === null) return codes.push(-1);
      let c = code.get(v as string);
      if (c === undefined) {
        c = texts.length;
        texts.push(v as string);
        code.set(v as string, c);
      }
      codes.push(c);
    };
  }

  /** A column's values in the given order of kept rows (all null for a column the file lacks). */
  column<T>(name: string, order: readonly number[]): T[] {
    const numbers = this.numbers[name];
    if (numbers) {
      const v = numbers.values();
      if (v.length !== this.ids.length) return new Array<T>(order.length).fill(null as T);
      return order.map((i) => (Number.isNaN(v[i]!) ? null : v[i]!) as T);
    }
    const codes = this.codes[name]!.values();
    if (codes.length !== this.ids.length) return new Array<T>(order.length).fill(null as T);
    const texts = this.texts[name]!;
    return order.map((i) => (codes[i] === -1 ? null : texts[codes[i]!]!) as T);
  }
}

/**
 * employment.csv or questionnaires.csv: rows per participant and month (or wave), checked
 * against participants.csv as they stream in and kept in typed columns.
 */
class RepeatedRead extends FileRead {
  readonly checker: TableChecker;
  /** Participant key (index into participants.csv's valid identifiers) per kept row. */
  readonly who = int32Column();
  readonly when = int32Column();
  /** The other columns, NaN for an empty cell (Float64 columns only). */
  readonly numbers: Record<string, ColumnBuilder<Uint8Array | Float64Array>>;
  private readonly file: string;
  private readonly key: 'month' | 'wave';
  private readonly valueRules: ColumnRule[];
  /** Months (or waves) map to slots 0 … span − 1 of a participant. */
  private readonly span: number;
  private readonly firstMonth: number;
  private readonly waves: readonly number[];
  private readonly known: Map<string, number> | null;
  private readonly seen: FirstRows | null;
  // Positions in the checker's values, found at the first row.
  private idAt = -1;
  private timeAt = -1;
  private valueAt: number[] = [];
  private valueBuilders: ColumnBuilder<Uint8Array | Float64Array>[] = [];
  private lastId = '';
  private lastIndex = -1;

  constructor(
    file: string,
    rules: ColumnRule[],
    key: 'month' | 'wave',
    kinds: Record<string, 'uint8' | 'float64'>,
    maxViolations: number,
    known: Map<string, number> | null,
    storing: boolean,
    plan: AnalysisPlan,
  ) {
    super(maxViolations, storing);
    this.file = file;
    this.key = key;
    this.valueRules = rules.filter((r) => !r.key);
    this.numbers = Object.fromEntries(this.valueRules.map((r) => [r.name, kinds[r.name] === 'uint8' ? uint8Column() : float64Column()]));
    this.waves = plan.questionnaire_waves;
    this.firstMonth = plan.registry_months.first;
    this.span = key === 'month' ? plan.registry_months.last - plan.registry_months.first + 1 : this.waves.length;
    this.known = known;
    this.seen = known ? new FirstRows(known.size * this.span) : null;
    this.checker = new TableChecker(file, rules, this.log, (row, values, rowOk, keysOk) => this.row(row, values, rowOk, keysOk));
  }

  private row(row: number, values: readonly unknown[], rowOk: boolean, keysOk: boolean): void {
    if (this.idAt === -1) {
      this.idAt = this.checker.position('participant_id');
      this.timeAt = this.checker.position(this.key);
      this.valueAt = this.valueRules.map((r) => this.checker.position(r.name));
      this.valueBuilders = this.valueRules.map((r) => this.numbers[r.name]!);
    }
    let participant = -1;
    if (keysOk && this.known !== null) {
      const pid = values[this.idAt] as string;
      // Rows of one participant usually come together: skip the lookup for a repeat.
      if (pid !== this.lastId) {
        this.lastId = pid;
        this.lastIndex = this.known.get(pid) ?? -1;
      }
      participant = this.lastIndex;
      if (participant === -1) {
        this.references.add({ file: this.file, row, column: 'participant_id', rule: message.unknownParticipant, found: 'unknown participant' });
      } else {
        // The contract rules have already kept every key cell inside the plan.
        const at = values[this.timeAt] as number;
        const slot = this.key === 'month' ? at - this.firstMonth : this.waves.indexOf(at);
        const first = this.seen!.firstRow(participant * this.span + slot, row);
        if (first !== 0) this.references.add({ file: this.file, row, column: this.key, rule: message.duplicatePair(this.key, first), found: String(at) });
      }
    }
    if (!rowOk || !this.storing || this.log.total > 0 || this.references.total > 0) return;
    this.who.push(participant);
    this.when.push(values[this.timeAt] as number);
    for (let c = 0; c < this.valueAt.length; c++) {
      const v = values[this.valueAt[c]!] as number | null;
      this.valueBuilders[c]!.push(v === null ? Number.NaN : v);
    }
  }
}

/** Above this many (participant, time) cells, duplicates are found with a Map instead of a table. */
const DENSE_CELLS = 1 << 27;

/** The first row (0 = none) that held each (participant, time) cell: a table when it fits, else a Map. */
class FirstRows {
  private readonly table: Int32Array | null;
  private readonly map: Map<number, number> | null;
  constructor(cells: number) {
    this.table = cells <= DENSE_CELLS ? new Int32Array(cells) : null;
    this.map = this.table ? null : new Map();
  }
  /** The row that held `cell` before, or 0 after recording `row` as its first. */
  firstRow(cell: number, row: number): number {
    if (this.table) {
      const first = this.table[cell]!;
      if (first === 0) this.table[cell] = row;
      return first;
    }
    const first = this.map!.get(cell) ?? 0;
    if (first === 0) this.map!.set(cell, row);
    return first;
  }
}

/** The bytes of a delivered file, or null after logging why there are none. */
function bytesOf(content: Uint8Array | Unreadable | undefined, file: string, log: ViolationLog): Uint8Array | null {
  if (content === undefined) {
    log.add({ file, row: null, column: null, rule: message.fileMissing, found: 'no file' });
    return null;
  }
  if ('unreadable' in content) {
    log.add({ file, row: null, column: null, rule: message.fileUnreadable, found: content.unreadable });
    return null;
  }
  return content;
}

function readPlan(content: Delivery['plan'], log: ViolationLog): AnalysisPlan | null {
  const file = FILES.plan;
  const bytes = bytesOf(content, file, log);
  if (!bytes) return null;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    log.add({ file, row: null, column: null, rule: message.planNotUtf8, found: 'bytes that are not UTF-8' });
    return null;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    log.add({ file, row: null, column: null, rule: message.planUnreadable, found: (err as Error).message.slice(0, 120) });
    return null;
  }
  const { plan, violations } = validatePlan(raw, file);
  for (const v of violations) log.add(v);
  return plan ?? null;
}

/** The typed dataset from files that passed every check. */
function buildDataset(p: ParticipantsRead, e: RepeatedRead, q: RepeatedRead, plan: AnalysisPlan): Dataset {
  // Participants are ordered by identifier so results do not depend on delivery order.
  const pid = p.ids;
  const n = pid.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => (pid[a]! < pid[b]! ? -1 : pid[a]! > pid[b]! ? 1 : 0));
  // Deliveries usually list participants in identifier order already: then nothing moves.
  const inOrder = order.every((orig, sorted) => orig === sorted);
  const participants: ParticipantsTable = {
    participant_id: inOrder ? pid : order.map((i) => pid[i]!),
    site: p.column('site', order),
    arm: p.column('arm', order),
    allocation_no: p.column('allocation_no', order),
    randomized_on: p.column('randomized_on', order),
    age: p.column('age', order),
    sex: p.column('sex', order),
    diagnosis: p.column('diagnosis', order),
    education: p.column('education', order),
    worked_last_5y: p.column('worked_last_5y', order),
    withdrawn: p.column('withdrawn', order),
  };
  // Rows hold the participant's position in participants.csv (every row there is valid
  // now, so it is the order of first appearance); the dataset uses the sorted position.
  const rank = new Int32Array(n);
  order.forEach((orig, sorted) => (rank[orig] = sorted));
  const sortedRows = (t: RepeatedRead) => {
    const who = t.who.values();
    if (!inOrder) for (let r = 0; r < who.length; r++) who[r] = rank[who[r]!]!;
    const when = t.when.values();
    return { who, when, order: orderByGroupThenTime(who, n, when) };
  };

  const er = sortedRows(e);
  const MonthArray = plan.registry_months.last <= 0x7fff ? Int16Array : Int32Array;
  const qr = sortedRows(q);
  const scores: Record<string, (number | null)[]> = {};
  for (const m of plan.measures) {
    const values = q.numbers[m.column]!.values();
    scores[m.column] = Array.from(qr.order, (r) => (Number.isNaN(values[r]!) ? null : values[r]!));
  }
  return {
    participants,
    employment: {
      participant: gather(er.who, er.order, Int32Array),
      month: gather<Int16Array | Int32Array>(er.when, er.order, MonthArray),
      employed: gather(e.numbers.employed!.values(), er.order, Uint8Array),
      earnings_nok: gather(e.numbers.earnings_nok!.values(), er.order, Float64Array),
    },
    questionnaires: {
      participant: gather(qr.who, qr.order, Int32Array),
      wave: gather(qr.when, qr.order, Int32Array),
      scores,
    },
  };
}

function summarize(d: Dataset, plan: AnalysisPlan, files: FileSummary[], warnings: IngestWarning[]): IngestSummary {
  const { arm, site, withdrawn } = d.participants;
  const n = arm.length;
  const sites = [...new Set(site)].sort(siteCollator.compare);
  const armIndex = new Map(plan.arms.map((a, k) => [a, k]));
  const siteIndex = new Map(sites.map((s, k) => [s, k]));
  const randomized = new Array<number>(plan.arms.length).fill(0);
  const withdrawnByArm = new Array<number>(plan.arms.length).fill(0);
  const bySite = new Array<number>(sites.length * plan.arms.length).fill(0);
  let withdrawnTotal = 0;
  for (let i = 0; i < n; i++) {
    const a = armIndex.get(arm[i]!)!;
    randomized[a]!++;
    if (withdrawn[i] === 1) {
      withdrawnByArm[a]!++;
      withdrawnTotal++;
    }
    bySite[siteIndex.get(site[i]!)! * plan.arms.length + a]!++;
  }
  const by_arm = plan.arms.map((a, k) => ({ arm: a, randomized: randomized[k]!, withdrawn: withdrawnByArm[k]! }));
  const by_site = sites.flatMap((s, j) => plan.arms.map((a, k) => ({ site: s, arm: a, randomized: bySite[j * plan.arms.length + k]! })));

  const monthsSeen = new Int32Array(n);
  const hasQuestionnaire = new Uint8Array(n);
  const ep = d.employment.participant;
  for (let r = 0; r < ep.length; r++) monthsSeen[ep[r]!]!++;
  const qp = d.questionnaires.participant;
  for (let r = 0; r < qp.length; r++) hasQuestionnaire[qp[r]!] = 1;
  const expectedMonths = plan.registry_months.last - plan.registry_months.first + 1;
  let noRegistry = 0;
  let gaps = 0;
  let withdrawnWithData = 0;
  for (let i = 0; i < n; i++) {
    if (withdrawn[i] === 1) {
      if (monthsSeen[i]! > 0 || hasQuestionnaire[i] === 1) withdrawnWithData++;
    } else if (monthsSeen[i] === 0) noRegistry++;
    else if (monthsSeen[i]! < expectedMonths) gaps++;
  }
  const extra: IngestWarning[] = [];
  if (noRegistry > 0) extra.push({ code: 'no_registry', count: noRegistry });
  if (gaps > 0) extra.push({ code: 'registry_gaps', count: gaps });
  if (withdrawnWithData > 0) extra.push({ code: 'withdrawn_with_data', count: withdrawnWithData });

  return {
    files,
    participants: { total: n, withdrawn: withdrawnTotal, by_arm, by_site },
    registry_months: plan.registry_months,
    questionnaire_waves: plan.questionnaire_waves,
    warnings: [...warnings, ...extra],
  };
}
