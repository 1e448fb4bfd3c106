/**
 * The statistical analysis plan (`analysis-plan.json`): its type and its validation.
 * Every field is declared before the data are seen; the pipeline reads nothing else
 * to decide how to analyse.
 */
import { Violation } from './errors.ts';
import { isIdentifierColumnName } from './identifiers.ts';
import { message } from './messages.ts';

/** A questionnaire measure declared in the plan. */
export interface Measure {
  /** Column name in questionnaires.csv. */
  column: string;
  label: { nb: string; en: string };
  /** Inclusive range of valid scores. */
  min: number;
  max: number;
  higher_is_better: boolean;
}

/** Cost parameters for the cost–benefit model (used from the cost–benefit issue on). */
export type CostSection = Record<string, unknown>;

export interface AnalysisPlan {
  trial: { name: string; registration?: string };
  arms: string[];
  control_arm: string;
  /** Participants column that defines the randomization strata. */
  stratification: string;
  /** Follow-up months at which employment is analysed. */
  timepoints: number[];
  primary_timepoint: number;
  /** Registry months that may appear in employment.csv, inclusive. */
  registry_months: { first: number; last: number };
  employment_definition: 'employed_in_month' | 'any_employment_to_month';
  covariates: string[];
  /** Allowed levels of the `diagnosis` column. */
  diagnosis_levels: string[];
  /** Questionnaire waves (months since randomization) that may appear. */
  questionnaire_waves: number[];
  measures: Measure[];
  multiplicity: 'holm' | 'benjamini-hochberg';
  confidence_level: number;
  bootstrap_resamples: number;
  permutations: number;
  seed: number;
  small_cell_threshold: number;
  costs: CostSection;
  report_language: 'nb' | 'en';
}

type Json = unknown;

const COVARIATE_COLUMNS = ['age', 'sex', 'diagnosis', 'education', 'worked_last_5y'];
const STRATIFIABLE_COLUMNS = ['site', ...COVARIATE_COLUMNS];
const MEASURE_COLUMN = /^[a-z][a-z0-9_]{0,63}$/;
const RESERVED_QUESTIONNAIRE_COLUMNS = ['participant_id', 'wave'];

/**
 * Validates a parsed `analysis-plan.json` and returns the typed plan, or every violation
 * found (file, field path, rule, what was found). Never throws on bad content.
 */
export function validatePlan(raw: Json, file: string): { plan?: AnalysisPlan; violations: Violation[] } {
  const v: Violation[] = [];
  const add = (field: string, rule: string, found: unknown) =>
    v.push({ file, row: null, column: field, rule, found: describe(found) });

  if (!isObject(raw)) {
    add('(root)', message.planNotObject, raw);
    return { violations: v };
  }
  const p = raw as Record<string, Json>;

  const unknownKeys = (obj: Record<string, unknown>, at: string, known: string[]) => {
    for (const key of Object.keys(obj)) if (!known.includes(key)) add(`${at}.${key}`, message.planUnknownField, key);
  };
  const trial = p.trial;
  if (!isObject(trial) || typeof trial.name !== 'string' || trial.name.trim() === '') {
    add('trial.name', message.nonEmptyString, isObject(trial) ? trial.name : trial);
  }
  if (isObject(trial)) {
    unknownKeys(trial, 'trial', ['name', 'registration']);
    if (trial.registration !== undefined && (typeof trial.registration !== 'string' || trial.registration.trim() === '')) {
      add('trial.registration', message.nonEmptyString, trial.registration);
    }
  }

  const arms = p.arms;
  const armsOk =
    Array.isArray(arms) && arms.length === 2 && arms.every((a) => typeof a === 'string' && /^[A-Za-z0-9_-]{1,32}$/.test(a)) && new Set(arms).size === 2;
  if (!armsOk) add('arms', message.planArms, arms);
  if (typeof p.control_arm !== 'string' || !(armsOk && (arms as string[]).includes(p.control_arm))) {
    add('control_arm', message.planControlArm, p.control_arm);
  }
  if (typeof p.stratification !== 'string' || !STRATIFIABLE_COLUMNS.includes(p.stratification)) {
    add('stratification', message.oneOf(STRATIFIABLE_COLUMNS), p.stratification);
  }

  const rm = p.registry_months;
  const rmOk = isObject(rm) && isInt(rm.first, 0) && isInt(rm.last, 0) && (rm.first as number) <= (rm.last as number);
  if (!rmOk) add('registry_months', message.planRegistryMonths, rm);
  if (isObject(rm)) unknownKeys(rm, 'registry_months', ['first', 'last']);

  const tps = p.timepoints;
  const tpsOk = isIntArray(tps, 0) && tps.length > 0 && isStrictlyIncreasing(tps);
  if (!tpsOk) add('timepoints', message.increasingIntegers, tps);
  else if (rmOk && tps.some((t) => t < (rm.first as number) || t > (rm.last as number))) {
    add('timepoints', message.planTimepointsInRegistry, tps);
  }
  if (!isInt(p.primary_timepoint, 0) || !(tpsOk && tps.includes(p.primary_timepoint as number))) {
    add('primary_timepoint', message.planPrimaryTimepoint, p.primary_timepoint);
  }
  const defs = ['employed_in_month', 'any_employment_to_month'];
  if (typeof p.employment_definition !== 'string' || !defs.includes(p.employment_definition)) {
    add('employment_definition', message.oneOf(defs), p.employment_definition);
  }

  const cov = p.covariates;
  if (!Array.isArray(cov) || !cov.every((c) => typeof c === 'string' && COVARIATE_COLUMNS.includes(c)) || new Set(cov).size !== cov.length) {
    add('covariates', message.subsetOf(COVARIATE_COLUMNS), cov);
  }
  const dl = p.diagnosis_levels;
  if (!Array.isArray(dl) || dl.length === 0 || !dl.every((d) => typeof d === 'string' && d.trim() !== '') || new Set(dl).size !== dl.length) {
    add('diagnosis_levels', message.uniqueNonEmptyStrings, dl);
  }

  const waves = p.questionnaire_waves;
  if (!isIntArray(waves, 0) || waves.length === 0 || !isStrictlyIncreasing(waves)) {
    add('questionnaire_waves', message.increasingIntegers, waves);
  }

  const measures = p.measures;
  if (!Array.isArray(measures)) {
    add('measures', message.planMeasuresArray, measures);
  } else {
    const seen = new Set<string>();
    measures.forEach((m, i) => {
      const at = `measures[${i}]`;
      if (!isObject(m)) return add(at, message.planMeasureObject, m);
      unknownKeys(m, at, ['column', 'label', 'min', 'max', 'higher_is_better']);
      if (typeof m.column !== 'string' || !MEASURE_COLUMN.test(m.column) || RESERVED_QUESTIONNAIRE_COLUMNS.includes(m.column)) {
        add(`${at}.column`, message.planMeasureColumn, m.column);
      } else if (isIdentifierColumnName(m.column)) {
        add(`${at}.column`, message.identifierColumn, m.column);
      } else if (seen.has(m.column)) {
        add(`${at}.column`, message.duplicate, m.column);
      } else seen.add(m.column);
      const label = m.label;
      if (!isObject(label) || typeof label.nb !== 'string' || !label.nb.trim() || typeof label.en !== 'string' || !label.en.trim()) {
        add(`${at}.label`, message.planMeasureLabel, label);
      } else unknownKeys(label, `${at}.label`, ['nb', 'en']);
      if (!isFiniteNumber(m.min) || !isFiniteNumber(m.max) || m.min >= m.max) add(`${at}.min/max`, message.planMeasureRange, [m.min, m.max]);
      if (typeof m.higher_is_better !== 'boolean') add(`${at}.higher_is_better`, message.boolean, m.higher_is_better);
    });
  }

  const mult = ['holm', 'benjamini-hochberg'];
  if (typeof p.multiplicity !== 'string' || !mult.includes(p.multiplicity)) add('multiplicity', message.oneOf(mult), p.multiplicity);
  if (!isFiniteNumber(p.confidence_level) || p.confidence_level <= 0.5 || p.confidence_level >= 1) {
    add('confidence_level', message.planConfidence, p.confidence_level);
  }
  if (!isInt(p.bootstrap_resamples, 1)) add('bootstrap_resamples', message.positiveInteger, p.bootstrap_resamples);
  if (!isInt(p.permutations, 1)) add('permutations', message.positiveInteger, p.permutations);
  if (!isInt(p.seed, 0) || (p.seed as number) > 0xffffffff) add('seed', message.planSeed, p.seed);
  if (!isInt(p.small_cell_threshold, 1)) add('small_cell_threshold', message.positiveInteger, p.small_cell_threshold);
  if (p.costs !== undefined && !isObject(p.costs)) add('costs', message.planObject, p.costs);
  const langs = ['nb', 'en'];
  if (typeof p.report_language !== 'string' || !langs.includes(p.report_language)) add('report_language', message.oneOf(langs), p.report_language);

  const known = new Set([
    '$schema', '$comment', 'trial', 'arms', 'control_arm', 'stratification', 'timepoints', 'primary_timepoint',
    'registry_months', 'employment_definition', 'covariates', 'diagnosis_levels', 'questionnaire_waves', 'measures',
    'multiplicity', 'confidence_level', 'bootstrap_resamples', 'permutations', 'seed', 'small_cell_threshold', 'costs',
    'report_language',
  ]);
  for (const key of Object.keys(p)) if (!known.has(key)) add(key, message.planUnknownField, key);

  if (v.length > 0) return { violations: v };
  const plan = { ...(p as unknown as AnalysisPlan), costs: (p.costs ?? {}) as CostSection };
  return { plan, violations: v };
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
function isFiniteNumber(x: unknown): x is number {
  return typeof x === 'number' && Number.isFinite(x);
}
function isInt(x: unknown, min: number): x is number {
  return Number.isInteger(x) && (x as number) >= min;
}
function isIntArray(x: unknown, min: number): x is number[] {
  return Array.isArray(x) && x.every((e) => isInt(e, min));
}
function isStrictlyIncreasing(xs: number[]): boolean {
  return xs.every((x, i) => i === 0 || x > xs[i - 1]!);
}

/** Short, safe rendering of a plan value for a message (plans hold no participant data). */
function describe(x: unknown): string {
  if (x === undefined) return 'missing';
  const s = JSON.stringify(x);
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}
