/**
 * Reading and checking `evidence.csv`: the earlier studies the trial is set beside, one row
 * per study.
 *
 * | column              | rule                                                                 |
 * |---------------------|----------------------------------------------------------------------|
 * | study               | a unique name of at most 100 characters (shown in the forest plot)    |
 * | country             | at most 60 characters                                                 |
 * | year                | publication year, whole number 1950–2100 (the cumulative order)       |
 * | source              | `published` or `synthetic`                                            |
 * | citation            | required for a published row (at most 300 characters)                 |
 * | events_intervention, n_intervention, events_control, n_control | whole numbers, all four or none; events ≤ total, total ≥ 1 |
 * | measure             | `RR`, `OR` or `RD`                                                    |
 * | estimate, ci_low, ci_high | the reported estimate and interval; with measure, all or none; RD as a fraction |
 * | ci_level            | the interval's level as a fraction, empty for 0.95                    |
 * | any other column    | a study-level moderator (numbers, or text for a category; empty = missing) |
 *
 * Each row needs the four counts or a reported estimate with its interval; when it has both,
 * the counts are used (see src/meta-analysis/effect-size.ts). The count and estimate columns
 * may be left out of a file whose rows do not use them.
 *
 * The file is read like the participant files (UTF-8 or Windows-1252, byte-order mark, `,`
 * `;` or tab, any line end, a decimal comma in a `;` or tab file), its violations have the
 * same shape and wording, and a `found` shows at most the offending cell. Every violation is
 * collected, never thrown.
 */
import type { Dialect } from '../io/dataset.ts';
import type { Violation } from '../io/errors.ts';
import { message } from '../io/messages.ts';
import { checkTable, parseCsvFile, ViolationLog, type CellContext, type ColumnRule } from '../io/table-check.ts';
import { parseInteger, parseLabel, parseLevel, parseNumber, type Parsed } from '../io/values.ts';
import type { MetaAnalysisPlan } from '../io/plan.ts';
import type { EffectMeasure, EvidenceStudy } from './effect-size.ts';
import { evidenceMessage as m } from './messages.ts';

export const EVIDENCE_FILE = 'evidence.csv';

/** The contract's columns; every other column is a moderator. */
export const EVIDENCE_COLUMNS = [
  'study',
  'country',
  'year',
  'source',
  'citation',
  'events_intervention',
  'n_intervention',
  'events_control',
  'n_control',
  'measure',
  'estimate',
  'ci_low',
  'ci_high',
  'ci_level',
] as const;

export const YEAR_RANGE = { min: 1950, max: 2100 } as const;
export const CITATION_MAX = 300;
const STUDY_MAX = 100;
const COUNTRY_MAX = 60;
const SOURCES = ['published', 'synthetic'] as const;
const COUNT_COLUMNS = ['events_intervention', 'n_intervention', 'events_control', 'n_control'] as const;
const ESTIMATE_COLUMNS = ['measure', 'estimate', 'ci_low', 'ci_high'] as const;
const MEASURES: readonly EffectMeasure[] = ['RR', 'OR', 'RD'];

/** Whether a row's figures come from a publication or were invented (so the feature runs on the sample). */
export type EvidenceOrigin = (typeof SOURCES)[number];

/** One study of the evidence file, as checked: an EvidenceStudy with its origin and row. */
export interface EvidenceRow extends EvidenceStudy {
  /** Spreadsheet row number (header = 1). */
  row: number;
  study: string;
  country: string;
  year: number;
  source: EvidenceOrigin;
  /** The publication the figures are from; null for a synthetic row without one. */
  citation: string | null;
  events_intervention: number | null;
  n_intervention: number | null;
  events_control: number | null;
  n_control: number | null;
  measure: EffectMeasure | null;
  estimate: number | null;
  ci_low: number | null;
  ci_high: number | null;
  ci_level: number | null;
  /** Every moderator column of the file (null where the cell is empty). */
  moderators: Record<string, number | string | null>;
}

/** A moderator column: numeric when every non-empty value is a number, categorical when none is. */
export interface ModeratorColumn {
  name: string;
  type: 'numeric' | 'categorical' | 'mixed' | 'empty';
  /** Rows with a value. */
  values: number;
}

export interface EvidenceCsvCheck {
  /** The checked rows, in file order; use them only when `total` is 0. */
  studies: EvidenceRow[];
  /** The file's moderator columns (every non-contract column), in file order. */
  moderators: ModeratorColumn[];
  /** Violations in row order (file-level first), at most `maxErrors` of them. */
  violations: Violation[];
  /** All violations found, including those beyond the cap. */
  total: number;
  /** How the file was written (encoding, delimiter, decimal mark, line ends). */
  dialect: Dialect | null;
}

export interface EvidenceCsvOptions {
  /** File name in messages (default evidence.csv). */
  file?: string;
  /** Cap on listed violations (default 100). */
  maxErrors?: number;
  /** The plan's meta_analysis.moderators: each must be a column, with numbers only or categories only. */
  moderators?: readonly string[];
  /** The plan's trial name: a study of that name would be this trial, counted twice. */
  trialName?: string;
}

const int = (min: number, max?: number) => (s: string) => parseInteger(s, min, max);
const number = (s: string, ctx: CellContext): Parsed<number> => {
  const n = parseNumber(s, ctx.allowComma);
  if (n === null || !Number.isFinite(n.value)) return { ok: false, rule: m.number };
  if (n.usedComma) ctx.sawComma = true;
  return { ok: true, value: n.value };
};

function contractRules(): ColumnRule[] {
  return [
    { name: 'study', requiredColumn: true, emptyAllowed: false, parse: (s) => parseLabel(s, STUDY_MAX) },
    { name: 'country', requiredColumn: true, emptyAllowed: false, parse: (s) => parseLabel(s, COUNTRY_MAX) },
    {
      name: 'year',
      requiredColumn: true,
      emptyAllowed: false,
      parse: (s) => {
        const v = parseInteger(s, YEAR_RANGE.min, YEAR_RANGE.max);
        return v.ok ? v : { ok: false, rule: m.year(YEAR_RANGE.min, YEAR_RANGE.max) };
      },
    },
    { name: 'source', requiredColumn: true, emptyAllowed: false, parse: (s) => (parseLevel(s, SOURCES).ok ? { ok: true, value: s } : { ok: false, rule: m.source }) },
    {
      name: 'citation',
      requiredColumn: true,
      emptyAllowed: true,
      parse: (s) => (s.length <= CITATION_MAX && !/\p{Cc}/u.test(s) ? { ok: true, value: s.normalize('NFC') } : { ok: false, rule: m.citationLength(CITATION_MAX) }),
    },
    { name: 'events_intervention', requiredColumn: false, emptyAllowed: true, parse: int(0) },
    { name: 'n_intervention', requiredColumn: false, emptyAllowed: true, parse: int(1) },
    { name: 'events_control', requiredColumn: false, emptyAllowed: true, parse: int(0) },
    { name: 'n_control', requiredColumn: false, emptyAllowed: true, parse: int(1) },
    { name: 'measure', requiredColumn: false, emptyAllowed: true, parse: (s) => (parseLevel(s, MEASURES).ok ? { ok: true, value: s } : { ok: false, rule: m.measure }) },
    { name: 'estimate', requiredColumn: false, emptyAllowed: true, parse: number },
    { name: 'ci_low', requiredColumn: false, emptyAllowed: true, parse: number },
    { name: 'ci_high', requiredColumn: false, emptyAllowed: true, parse: number },
    {
      name: 'ci_level',
      requiredColumn: false,
      emptyAllowed: true,
      parse: (s, ctx) => {
        const v = number(s, ctx);
        return v.ok && v.value > 0.5 && v.value < 1 ? v : { ok: false, rule: m.ciLevel };
      },
    },
  ];
}

/** A moderator cell: a number when it reads as one, else its text (a category). */
const moderatorRule = (name: string): ColumnRule => ({
  name,
  requiredColumn: false,
  emptyAllowed: true,
  parse: (s, ctx) => {
    const n = parseNumber(s, ctx.allowComma);
    if (n !== null && Number.isFinite(n.value)) {
      if (n.usedComma) ctx.sawComma = true;
      return { ok: true, value: n.value };
    }
    const label = parseLabel(s);
    return label.ok ? label : { ok: false, rule: label.rule };
  },
});

/**
 * Checks evidence.csv (its bytes) against the contract above: each cell's rule; per row, the
 * four counts all or none (events ≤ total), the estimate, interval and measure all or none
 * (ratios above 0, a risk difference within −1…1, the estimate inside its interval), at least
 * one of the two; a citation for a published row; unique study names, none the trial's own;
 * the moderators the plan names present, each with numbers only or categories only; and the
 * contract's identifier rules.
 *
 * @example checkEvidenceCsv(bytes, { moderators: ['employment_protection'] }).studies[0]?.study
 */
export function checkEvidenceCsv(bytes: Uint8Array, options: EvidenceCsvOptions = {}): EvidenceCsvCheck {
  const file = options.file ?? EVIDENCE_FILE;
  const maxErrors = options.maxErrors ?? 100;
  const log = new ViolationLog(Number.MAX_SAFE_INTEGER);
  const add = (row: number | null, column: string | null, rule: string, found: string) => log.add({ file, row, column, rule, found });
  const finish = (studies: EvidenceRow[], moderators: ModeratorColumn[], dialect: Dialect | null): EvidenceCsvCheck => {
    // File-level first, then by row; stable, so a row's violations keep the order they were found in.
    const sorted = log.list.slice().sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
    return { studies, moderators, violations: sorted.slice(0, maxErrors), total: sorted.length, dialect };
  };

  const csv = parseCsvFile(bytes, file, log);
  if (csv === null) return finish([], [], null);
  const contract: readonly string[] = EVIDENCE_COLUMNS;
  const moderatorNames = csv.header.filter((h, i) => h !== '' && !contract.includes(h) && csv.header.indexOf(h) === i);
  const table = checkTable(csv, file, [...contractRules(), ...moderatorNames.map(moderatorRule)], log);
  // checkTable skips an identifier-like column name as a moderator only after reporting it.
  if (!table.headerOk) return finish([], [], csv.dialect);
  if (csv.records.length === 0) {
    add(null, null, message.fileNoRows, 'header only');
    return finish([], [], csv.dialect);
  }
  const moderatorsInFile = moderatorNames.filter((name) => table.columns[name] !== undefined);
  for (const name of options.moderators ?? []) {
    if (!moderatorsInFile.includes(name)) add(1, name, m.moderatorMissing(name), `columns ${JSON.stringify(csv.header.join(',').slice(0, 80))}`);
  }

  const col = <T>(name: string, i: number): T | null => (table.columns[name] ? ((table.columns[name]![i] ?? null) as T | null) : null);
  const studies: EvidenceRow[] = [];
  const firstRowOf = new Map<string, number>();
  const trialName = options.trialName?.trim().normalize('NFC');
  table.rows.forEach((row, i) => {
    const r: EvidenceRow = {
      row,
      study: col<string>('study', i)!,
      country: col<string>('country', i)!,
      year: col<number>('year', i)!,
      source: col<EvidenceOrigin>('source', i)!,
      citation: col<string>('citation', i),
      events_intervention: col<number>('events_intervention', i),
      n_intervention: col<number>('n_intervention', i),
      events_control: col<number>('events_control', i),
      n_control: col<number>('n_control', i),
      measure: col<EffectMeasure>('measure', i),
      estimate: col<number>('estimate', i),
      ci_low: col<number>('ci_low', i),
      ci_high: col<number>('ci_high', i),
      ci_level: col<number>('ci_level', i),
      moderators: Object.fromEntries(moderatorsInFile.map((name) => [name, col<number | string>(name, i)])),
    };
    let ok = true;
    const fail = (column: string | null, rule: string, found: string) => {
      add(row, column, rule, found);
      ok = false;
    };
    const shown = (x: number | string | null) => (x === null ? 'empty' : JSON.stringify(String(x)));

    const first = firstRowOf.get(r.study);
    if (first !== undefined) fail('study', m.duplicateStudy(first), JSON.stringify(r.study.slice(0, 40)));
    else firstRowOf.set(r.study, row);
    if (trialName && r.study === trialName) fail('study', m.thisTrialListed, JSON.stringify(r.study.slice(0, 40)));
    if (r.source === 'published' && r.citation === null) fail('citation', m.citationRequired, 'empty');

    const counts = [r.events_intervention, r.n_intervention, r.events_control, r.n_control];
    const hasCounts = counts.every((x) => x !== null);
    if (!hasCounts && counts.some((x) => x !== null)) {
      fail(null, m.countsIncomplete, `empty: ${COUNT_COLUMNS.filter((_, k) => counts[k] === null).join(', ')}`);
    }
    if (hasCounts) {
      if (r.events_intervention! > r.n_intervention!) fail('events_intervention', m.eventsAboveTotal('n_intervention'), shown(r.events_intervention));
      if (r.events_control! > r.n_control!) fail('events_control', m.eventsAboveTotal('n_control'), shown(r.events_control));
    }

    const reported = [r.measure, r.estimate, r.ci_low, r.ci_high];
    const hasEstimate = reported.every((x) => x !== null);
    if (!hasEstimate && reported.some((x) => x !== null)) {
      fail(null, m.estimateIncomplete, `empty: ${ESTIMATE_COLUMNS.filter((_, k) => reported[k] === null).join(', ')}`);
    }
    if (hasEstimate) {
      const values: [string, number][] = [
        ['estimate', r.estimate!],
        ['ci_low', r.ci_low!],
        ['ci_high', r.ci_high!],
      ];
      let valuesOk = true;
      for (const [column, x] of values) {
        const inRange = r.measure === 'RD' ? x >= -1 && x <= 1 : x > 0;
        if (!inRange) {
          fail(column, r.measure === 'RD' ? m.riskDifference : m.ratioPositive, shown(x));
          valuesOk = false;
        }
      }
      if (valuesOk && !(r.ci_low! < r.ci_high!)) fail('ci_low', m.intervalOrder, `${r.ci_low} and ${r.ci_high}`);
      else if (valuesOk && !(r.estimate! >= r.ci_low! && r.estimate! <= r.ci_high!)) fail('estimate', m.estimateOutsideInterval, `${r.estimate} and [${r.ci_low}, ${r.ci_high}]`);
    }
    if (!hasCounts && !hasEstimate && counts.every((x) => x === null) && reported.every((x) => x === null)) fail(null, m.noEffect, 'no counts, no estimate');
    if (ok) studies.push(r);
  });

  const moderators: ModeratorColumn[] = moderatorsInFile.map((name) => {
    const values = (table.columns[name] ?? []).filter((v) => v !== null);
    const numbers = values.filter((v) => typeof v === 'number').length;
    const type = values.length === 0 ? 'empty' : numbers === values.length ? 'numeric' : numbers === 0 ? 'categorical' : 'mixed';
    return { name, type, values: values.length };
  });
  for (const name of options.moderators ?? []) {
    const c = moderators.find((x) => x.name === name);
    if (c?.type !== 'mixed') continue;
    // The first text among numbers: a typo, or "NA" for a missing value (which is an empty cell).
    const i = table.columns[name]!.findIndex((v) => typeof v === 'string');
    add(table.rows[i]!, name, m.moderatorMixed, JSON.stringify(String(table.columns[name]![i]).slice(0, 40)));
  }
  return finish(studies, moderators, csv.dialect);
}

/**
 * The plan's `meta_analysis.trial_moderators` against the file's moderator columns: this
 * trial's value must be a number for a numeric column and a text for a categorical one, so
 * that it enters the meta-regression on the same footing as the studies.
 *
 * @example checkTrialModerators(plan.meta_analysis, check.moderators) // [] when they agree
 */
export function checkTrialModerators(plan: Pick<MetaAnalysisPlan, 'trial_moderators'>, columns: readonly ModeratorColumn[], file = 'analysis-plan.json'): Violation[] {
  const out: Violation[] = [];
  for (const [name, value] of Object.entries(plan.trial_moderators)) {
    const type = columns.find((c) => c.name === name)?.type;
    const wrong = (type === 'numeric' && typeof value !== 'number') || (type === 'categorical' && typeof value !== 'string');
    if (wrong) out.push({ file, row: null, column: `meta_analysis.trial_moderators.${name}`, rule: m.trialModeratorType(type as 'numeric' | 'categorical'), found: JSON.stringify(String(value).slice(0, 40)) });
  }
  return out;
}

/** The plan's moderators as the meta-regression takes them, typed by the file's columns. */
export function moderatorSpecs(names: readonly string[], columns: readonly ModeratorColumn[]): { name: string; type: 'numeric' | 'categorical' }[] {
  return names.map((name) => ({ name, type: columns.find((c) => c.name === name)?.type === 'categorical' ? 'categorical' : 'numeric' }));
}
