/**
 * Ingest: from the delivered bytes of the three CSV files and the plan to the canonical,
 * typed dataset and its summary, enforcing every rule of the data contract. Pure: the
 * caller reads files; nothing here touches the file system.
 */
import type { ParsedCsv } from './csv.ts';
import { employmentRules, FILES, participantRules, questionnaireRules } from './contract.ts';
import type { Dataset, FileSummary, IngestSummary, IngestWarning } from './dataset.ts';
import { siteCollator } from './dataset.ts';
import { ContractError } from './errors.ts';
import { message } from './messages.ts';
import { validatePlan, type AnalysisPlan } from './plan.ts';
import { checkTable, parseCsvFile, ViolationLog, type CheckedTable, type ColumnRule } from './table-check.ts';

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

/** Default cap on violations listed in one error (all are counted). */
export const DEFAULT_MAX_VIOLATIONS = 100;

/**
 * Validates a delivery and builds the dataset. Throws ContractError listing up to
 * `maxViolations` violations (file, row, column, rule, what was found) if any rule is broken.
 */
export function ingest(delivery: Delivery, maxViolations = DEFAULT_MAX_VIOLATIONS): IngestResult {
  const log = new ViolationLog(maxViolations);
  const plan = readPlan(delivery.plan, log);
  if (!plan) throw new ContractError(log.list, log.total);

  const files: FileSummary[] = [];
  const warnings: IngestWarning[] = [];
  const read = (key: 'participants' | 'employment' | 'questionnaires', rules: ColumnRule[]) => {
    const file = FILES[key];
    const csv = readCsv(delivery[key], file, log);
    if (!csv) return null;
    files.push({ file, rows: csv.records.length, dialect: csv.dialect });
    if (csv.records.length === 0 && key !== 'questionnaires') log.add({ file, row: null, column: null, rule: message.fileNoRows, found: 'no rows' });
    const table = checkTable(csv, file, rules, log);
    for (const column of table.ignored) warnings.push({ code: 'ignored_column', file, column });
    return table;
  };
  const p = read('participants', participantRules(plan));
  const e = read('employment', employmentRules(plan));
  const q = read('questionnaires', questionnaireRules(plan));
  // Referential checks run on whatever could be read, so one round shows most problems.
  if (p?.headerOk) checkReferences(p, e, q, plan, log);
  if (!p || !e || !q || log.total > 0) throw new ContractError(log.list, log.total);

  const dataset = buildDataset(p, e, q, plan);
  return { plan, dataset, summary: summarize(dataset, plan, files, warnings) };
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

function readCsv(content: Delivery['participants'], file: string, log: ViolationLog): ParsedCsv | null {
  const bytes = bytesOf(content, file, log);
  return bytes ? parseCsvFile(bytes, file, log) : null;
}

/** Participant index by id, after checking ids are unique and every row refers to one. */
function checkReferences(
  p: CheckedTable,
  e: CheckedTable | null,
  q: CheckedTable | null,
  plan: AnalysisPlan,
  log: ViolationLog,
): void {
  // Built from every row with a valid identifier, so one bad cell elsewhere in a row does
  // not turn that participant's registry and questionnaire rows into false errors.
  const firstRow = new Map<string, number>();
  for (const { row, values } of p.keys) {
    const id = values[0] as string;
    const first = firstRow.get(id);
    if (first !== undefined) log.add({ file: FILES.participants, row, column: 'participant_id', rule: message.duplicateParticipant(first), found: 'duplicate' });
    else firstRow.set(id, row);
  }
  const arms = (p.columns.arm ?? []) as string[];
  if (arms.length > 0 && log.total === 0) {
    for (const arm of plan.arms) {
      if (!arms.includes(arm)) log.add({ file: FILES.participants, row: null, column: 'arm', rule: message.armWithoutParticipants(arm), found: '0 participants' });
    }
  }
  if (e && e.headerOk) checkRepeatedMeasures(e, FILES.employment, 'month', firstRow, log);
  if (q && q.headerOk) checkRepeatedMeasures(q, FILES.questionnaires, 'wave', firstRow, log);
}

function checkRepeatedMeasures(t: CheckedTable, file: string, key: 'month' | 'wave', known: Map<string, number>, log: ViolationLog): void {
  const seen = new Map<string, number>();
  for (const { row, values } of t.keys) {
    const [id, at] = values as [string, number];
    if (!known.has(id)) {
      log.add({ file, row, column: 'participant_id', rule: message.unknownParticipant, found: 'unknown participant' });
      continue;
    }
    const k = `${id}\u0000${at}`;
    const first = seen.get(k);
    if (first !== undefined) log.add({ file, row, column: key, rule: message.duplicatePair(key, first), found: String(at) });
    else seen.set(k, row);
  }
}

/** The typed dataset from tables that passed every check. */
function buildDataset(p: CheckedTable, e: CheckedTable, q: CheckedTable, plan: AnalysisPlan): Dataset {
  // Participants are ordered by identifier so results do not depend on delivery order.
  const pid = p.columns.participant_id as string[];
  const order = pid.map((_, i) => i).sort((a, b) => (pid[a]! < pid[b]! ? -1 : pid[a]! > pid[b]! ? 1 : 0));
  const indexOf = new Map(order.map((orig, newIndex) => [pid[orig]!, newIndex]));
  // An optional column (allocation_no) that is absent reads as all missing.
  const pick = <T>(col: string) => order.map((i) => (p.columns[col]?.[i] ?? null) as T);

  const participants = {
    participant_id: pick<string>('participant_id'),
    site: pick<string>('site'),
    arm: pick<string>('arm'),
    allocation_no: pick<number | null>('allocation_no'),
    randomized_on: pick<string>('randomized_on'),
    age: pick<number | null>('age'),
    sex: pick<'F' | 'M' | null>('sex'),
    diagnosis: pick<string | null>('diagnosis'),
    education: pick<string | null>('education'),
    worked_last_5y: pick<0 | 1 | null>('worked_last_5y'),
    withdrawn: pick<0 | 1>('withdrawn'),
  };

  const index = (t: CheckedTable) => (t.columns.participant_id as string[]).map((id) => indexOf.get(id)!);
  const sortedBy = (who: number[], when: number[]) =>
    who.map((_, i) => i).sort((a, b) => who[a]! - who[b]! || when[a]! - when[b]!);

  const eWho = index(e);
  const eWhen = e.columns.month as number[];
  const eOrder = sortedBy(eWho, eWhen);
  const qWho = index(q);
  const qWhen = q.columns.wave as number[];
  const qOrder = sortedBy(qWho, qWhen);
  const reorder = <T>(xs: T[], ord: number[]) => ord.map((i) => xs[i]!);

  return {
    participants,
    employment: {
      participant: reorder(eWho, eOrder),
      month: reorder(eWhen, eOrder),
      employed: reorder(e.columns.employed as (0 | 1)[], eOrder),
      earnings_nok: reorder(e.columns.earnings_nok as (number | null)[], eOrder),
    },
    questionnaires: {
      participant: reorder(qWho, qOrder),
      wave: reorder(qWhen, qOrder),
      scores: Object.fromEntries(plan.measures.map((m) => [m.column, reorder(q.columns[m.column] as (number | null)[], qOrder)])),
    },
  };
}

function summarize(d: Dataset, plan: AnalysisPlan, files: FileSummary[], warnings: IngestWarning[]): IngestSummary {
  const { arm, site, withdrawn } = d.participants;
  const n = arm.length;
  const sites = [...new Set(site)].sort(siteCollator.compare);
  const by_arm = plan.arms.map((a) => ({
    arm: a,
    randomized: arm.filter((x) => x === a).length,
    withdrawn: arm.filter((x, i) => x === a && withdrawn[i] === 1).length,
  }));
  const by_site = sites.flatMap((s) =>
    plan.arms.map((a) => ({ site: s, arm: a, randomized: arm.filter((x, i) => x === a && site[i] === s).length })),
  );

  const monthsSeen = new Array<number>(n).fill(0);
  const hasQuestionnaire = new Array<boolean>(n).fill(false);
  for (const i of d.employment.participant) monthsSeen[i]!++;
  for (const i of d.questionnaires.participant) hasQuestionnaire[i] = true;
  const expectedMonths = plan.registry_months.last - plan.registry_months.first + 1;
  let noRegistry = 0;
  let gaps = 0;
  let withdrawnWithData = 0;
  for (let i = 0; i < n; i++) {
    if (withdrawn[i] === 1) {
      if (monthsSeen[i]! > 0 || hasQuestionnaire[i]) withdrawnWithData++;
    } else if (monthsSeen[i] === 0) noRegistry++;
    else if (monthsSeen[i]! < expectedMonths) gaps++;
  }
  const extra: IngestWarning[] = [];
  if (noRegistry > 0) extra.push({ code: 'no_registry', count: noRegistry });
  if (gaps > 0) extra.push({ code: 'registry_gaps', count: gaps });
  if (withdrawnWithData > 0) extra.push({ code: 'withdrawn_with_data', count: withdrawnWithData });

  return {
    files,
    participants: { total: n, withdrawn: withdrawn.filter((w) => w === 1).length, by_arm, by_site },
    registry_months: plan.registry_months,
    questionnaire_waves: plan.questionnaire_waves,
    warnings: [...warnings, ...extra],
  };
}
