/**
 * The statistical analysis plan (`analysis-plan.json`): its type and its validation.
 * Every field is declared before the data are seen; the pipeline reads nothing else
 * to decide how to analyse.
 */
import { Violation } from './errors.ts';
import { validateFidelityBands, type FidelityBand } from '../fidelity/bands.ts';
import { EVIDENCE_COLUMNS } from '../meta-analysis/evidence-csv.ts';
import { evidenceMessage } from '../meta-analysis/messages.ts';
import { isIdentifierColumnName } from './identifiers.ts';
import { message } from './messages.ts';
import { validateCosts, type CostParameters, type CostSectionFile } from './plan-costs.ts';
import { isFiniteNumber, isInt, isIntArray, isObject, isStrictlyIncreasing, type Add, type UnknownKeys } from './plan-checks.ts';

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

/**
 * How participants are allocated, and where the allocation list is: read by
 * `ips-rct randomize` to generate the list and by the verify stage to check it.
 */
export interface RandomizationPlan {
  /**
   * 'permuted_blocks': within each stratum, blocks of a randomly drawn size, each
   * balanced to the ratio. 'simple': every allocation drawn independently with the
   * ratio's probabilities (no balance guaranteed).
   */
  method: 'permuted_blocks' | 'simple';
  /** Allocation ratio per arm, positive whole numbers (1:1 is { "IPS": 1, "TVR": 1 }). */
  ratio: Record<string, number>;
  /** Block sizes drawn from at random, each a multiple of the ratio's sum. */
  block_sizes: number[];
  /** Strata (values of the stratification column) and allocation slots per stratum. */
  strata: { name: string; slots: number }[];
  /** Path of the allocation list, relative to the plan's folder; null when none is supplied. */
  allocation_list: string | null;
  /** SHA-256 of the allocation list as published before enrolment (lower-case hex). */
  sha256: string | null;
  /** The list's seed, once revealed: the verify stage then regenerates the list. */
  seed: string | null;
}

/** Optional CONSORT screening counts: assessed for eligibility and excluded, with reasons. */
export interface ScreeningPlan {
  assessed: number;
  excluded: { reason: { nb: string; en: string }; n: number }[];
}


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
  /**
   * Pre-declared subgroups for employment: any of sex, age_group, diagnosis, education,
   * worked_last_5y, site (default: sex, age_group, diagnosis, worked_last_5y, site).
   */
  subgroups: Subgroup[];
  /** Age-group boundaries in years: [30] gives "under 30" and "30 or over" (default [30]). */
  age_groups: number[];
  /** Allowed levels of the `diagnosis` column. */
  diagnosis_levels: string[];
  /** Questionnaire waves (months since randomization) that may appear. */
  questionnaire_waves: number[];
  measures: Measure[];
  multiplicity: 'holm' | 'benjamini-hochberg';
  /** Imputed data sets for the questionnaires' multiple-imputation sensitivity analysis (default 20). */
  imputations: number;
  confidence_level: number;
  bootstrap_resamples: number;
  permutations: number;
  seed: number;
  small_cell_threshold: number;
  /** Cost–benefit parameters; null when the plan has none (no cost–benefit analysis). */
  costs: CostParameters | null;
  report_language: 'nb' | 'en';
  randomization: RandomizationPlan;
  screening: ScreeningPlan | null;
  /**
   * Where the de-identified participant data and the analysis code can be obtained, in both
   * report languages (CONSORT 2025 item 4); null (or absent, in artifacts written before the
   * field existed) when the plan does not say.
   */
  data_sharing?: LocalizedText | null;
  /** How the trial is set beside earlier studies from evidence.csv (defaults filled in). */
  meta_analysis: MetaAnalysisPlan;
  /** How the sites' IPS-25 fidelity ratings (fidelity.csv) are banded (defaults filled in). */
  fidelity: FidelityPlan;
}

/** The plan's `meta_analysis` section: the random-effects meta-analysis of the employment risk ratio. */
export interface MetaAnalysisPlan {
  /** τ² estimator: restricted maximum likelihood (default) or DerSimonian–Laird; the other is reported beside it. */
  method: 'REML' | 'DL';
  /** Interval of the pooled risk ratio: 'auto' (Knapp–Hartung below 10 studies, else normal; default), 'knha' or 'z'. */
  interval: 'auto' | 'knha' | 'z';
  /** evidence.csv columns to use as moderators in a meta-regression (default none: no meta-regression). */
  moderators: string[];
  /** This trial's value of each moderator, so it can take part in the meta-regression (default none: it is left out of it). */
  trial_moderators: Record<string, number | string>;
}

/** The plan's `fidelity` section. */
export interface FidelityPlan {
  /** Bands of the IPS-25 total, lowest first, covering 25–125 exactly once (default: the commonly used cut-offs). */
  bands: FidelityBand[];
}

/** A text the report shows, in each report language. */
export interface LocalizedText {
  nb: string;
  en: string;
}

/** Longest data-sharing statement, per language: a paragraph, not a document. */
export const DATA_SHARING_MAX_LENGTH = 1000;

/** Variables a subgroup analysis may split by. */
export const SUBGROUP_VARIABLES = ['sex', 'age_group', 'diagnosis', 'education', 'worked_last_5y', 'site'] as const;
export type Subgroup = (typeof SUBGROUP_VARIABLES)[number];
const DEFAULT_SUBGROUPS: Subgroup[] = ['sex', 'age_group', 'diagnosis', 'worked_last_5y', 'site'];
const DEFAULT_AGE_GROUPS = [30];
/** van Buuren (FIMD, 2nd ed., §2.8) suggests 20 imputations for moderate missingness. */
const DEFAULT_IMPUTATIONS = 20;

/** A plan as written in analysis-plan.json: the sections with defaults may be left out. */
export type PlanFile = Omit<AnalysisPlan, 'randomization' | 'screening' | 'subgroups' | 'age_groups' | 'imputations' | 'costs' | 'meta_analysis' | 'fidelity'> & {
  meta_analysis?: Partial<MetaAnalysisPlan>;
  fidelity?: { bands?: FidelityBand[] };
  costs?: CostSectionFile | Record<string, never>;
  subgroups?: Subgroup[];
  imputations?: number;
  age_groups?: number[];
  randomization?: Partial<Omit<RandomizationPlan, 'seed'>> & { seed?: string | number | null };
  screening?: ScreeningPlan | null;
};

/** Default block sizes, as multiples of the ratio's sum (2, 4, 6 for 1:1). */
export const DEFAULT_BLOCK_MULTIPLES = [1, 2, 3] as const;

type Json = unknown;

const COVARIATE_COLUMNS = ['age', 'sex', 'diagnosis', 'education', 'worked_last_5y'];
/**
 * The data contract makes `site` the randomization stratum: allocation lists, their
 * verification and re-randomization are keyed by it.
 */
const STRATIFIABLE_COLUMNS = ['site'];
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
  const subgroups = p.subgroups ?? DEFAULT_SUBGROUPS;
  if (!Array.isArray(subgroups) || !subgroups.every((g) => (SUBGROUP_VARIABLES as readonly unknown[]).includes(g)) || new Set(subgroups).size !== subgroups.length) {
    add('subgroups', message.subsetOf(SUBGROUP_VARIABLES), p.subgroups);
  }
  const ageGroups = p.age_groups ?? DEFAULT_AGE_GROUPS;
  if (!isIntArray(ageGroups, 17) || ageGroups.length === 0 || !isStrictlyIncreasing(ageGroups) || ageGroups.some((a) => a > 70)) {
    add('age_groups', message.planAgeGroups, p.age_groups);
  }
  const dl = p.diagnosis_levels;
  if (!Array.isArray(dl) || dl.length === 0 || !dl.every((d) => typeof d === 'string' && d.trim() !== '') || new Set(dl).size !== dl.length) {
    add('diagnosis_levels', message.uniqueNonEmptyStrings, dl);
  }

  const waves = p.questionnaire_waves;
  if (!isIntArray(waves, 0) || waves.length === 0 || !isStrictlyIncreasing(waves)) {
    add('questionnaire_waves', message.increasingIntegers, waves);
  } else if (waves[0] !== 0) {
    add('questionnaire_waves', message.planBaselineWave, waves);
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
  const imputations = p.imputations ?? DEFAULT_IMPUTATIONS;
  if (!isInt(imputations, 2) || (imputations as number) > 1000) add('imputations', message.planImputations, p.imputations);
  if (!isFiniteNumber(p.confidence_level) || p.confidence_level <= 0.5 || p.confidence_level >= 1) {
    add('confidence_level', message.planConfidence, p.confidence_level);
  }
  if (!isInt(p.bootstrap_resamples, 1)) add('bootstrap_resamples', message.positiveInteger, p.bootstrap_resamples);
  if (!isInt(p.permutations, 1)) add('permutations', message.positiveInteger, p.permutations);
  if (!isInt(p.seed, 0) || (p.seed as number) > 0xffffffff) add('seed', message.planSeed, p.seed);
  if (!isInt(p.small_cell_threshold, 1)) add('small_cell_threshold', message.positiveInteger, p.small_cell_threshold);
  const langs = ['nb', 'en'];
  if (typeof p.report_language !== 'string' || !langs.includes(p.report_language)) add('report_language', message.oneOf(langs), p.report_language);

  const randomization = validateRandomization(p.randomization, armsOk ? (arms as string[]) : null, add, unknownKeys);
  const screening = validateScreening(p.screening, add, unknownKeys);
  const dataSharing = validateDataSharing(p.data_sharing, add, unknownKeys);
  const registry = isObject(p.registry_months) && isInt(p.registry_months.first, 0) && isInt(p.registry_months.last, 0)
    ? { first: p.registry_months.first, last: p.registry_months.last } : null;
  const costs = validateCosts(p.costs, armsOk ? (arms as string[]) : null, armsOk && typeof p.control_arm === 'string' ? p.control_arm : null, registry, add, unknownKeys);
  const metaAnalysis = validateMetaAnalysis(p.meta_analysis, add, unknownKeys);
  const fidelity = validateFidelity(p.fidelity, file, v, add, unknownKeys);

  const known = new Set([
    '$schema', '$comment', 'trial', 'arms', 'control_arm', 'stratification', 'timepoints', 'primary_timepoint',
    'registry_months', 'employment_definition', 'covariates', 'diagnosis_levels', 'questionnaire_waves', 'measures',
    'multiplicity', 'confidence_level', 'bootstrap_resamples', 'permutations', 'seed', 'small_cell_threshold', 'costs',
    'report_language', 'randomization', 'screening', 'subgroups', 'age_groups', 'imputations', 'data_sharing',
    'meta_analysis', 'fidelity',
  ]);
  for (const key of Object.keys(p)) if (!known.has(key)) add(key, message.planUnknownField, key);

  if (v.length > 0) return { violations: v };
  const plan = { ...(p as unknown as AnalysisPlan), costs, randomization: randomization!, screening, data_sharing: dataSharing, subgroups: subgroups as Subgroup[], age_groups: ageGroups as number[], imputations: imputations as number, meta_analysis: metaAnalysis!, fidelity: fidelity! };
  return { plan, violations: v };
}

/** An allocation seed the plan can record later: 1–200 characters, no control characters. */
export function isAllocationSeed(seed: string): boolean {
  return seed !== '' && seed.length <= 200 && !/\p{Cc}/u.test(seed);
}


const SHA256_HEX = /^[0-9a-fA-F]{64}$/;
/** Slots per stratum: far beyond any trial, small enough to generate in memory. */
const MAX_SLOTS = 10_000_000;

/** The plan's `randomization` section with defaults filled in (1:1, permuted blocks of 2, 4, 6). */
function validateRandomization(raw: unknown, arms: string[] | null, add: Add, unknownKeys: UnknownKeys): RandomizationPlan | null {
  const r = raw === undefined ? {} : raw;
  if (!isObject(r)) {
    add('randomization', message.planObject, raw);
    return null;
  }
  unknownKeys(r, 'randomization', ['method', 'ratio', 'block_sizes', 'strata', 'allocation_list', 'sha256', 'seed']);
  const methods = ['permuted_blocks', 'simple'];
  const method = r.method ?? 'permuted_blocks';
  if (typeof method !== 'string' || !methods.includes(method)) add('randomization.method', message.oneOf(methods), r.method);

  let ratio: Record<string, number> | null = null;
  if (arms) {
    ratio = r.ratio === undefined ? Object.fromEntries(arms.map((a) => [a, 1])) : null;
    const given = r.ratio;
    if (given !== undefined) {
      const ok = isObject(given) && Object.keys(given).length === arms.length && arms.every((a) => isInt(given[a], 1) && (given[a] as number) <= 100);
      if (ok) ratio = Object.fromEntries(arms.map((a) => [a, given[a] as number]));
      else add('randomization.ratio', message.planRatio(arms), given);
    }
  }
  const sum = ratio ? Object.values(ratio).reduce((a, b) => a + b, 0) : null;
  let blockSizes: number[] = sum === null ? [] : DEFAULT_BLOCK_MULTIPLES.map((k) => k * sum);
  if (r.block_sizes !== undefined) {
    const b = r.block_sizes;
    const ok = isIntArray(b, 1) && b.length > 0 && new Set(b).size === b.length && b.every((x) => x <= 1000) && (sum === null || b.every((x) => x % sum === 0));
    if (ok) blockSizes = b;
    else add('randomization.block_sizes', message.planBlockSizes(sum), b);
  }

  const strata: { name: string; slots: number }[] = [];
  if (r.strata !== undefined) {
    if (!Array.isArray(r.strata)) add('randomization.strata', message.planStrata, r.strata);
    else {
      const seen = new Set<string>();
      r.strata.forEach((st, i) => {
        const at = `randomization.strata[${i}]`;
        if (!isObject(st)) return add(at, message.planStrata, st);
        unknownKeys(st, at, ['name', 'slots']);
        // A name must survive a trip through CSV unchanged (cells are trimmed on reading).
        const nameOk = typeof st.name === 'string' && st.name.trim() === st.name && st.name !== '' && st.name.length <= 100 && !/\p{Cc}/u.test(st.name);
        if (!nameOk) add(`${at}.name`, message.nonEmptyString, st.name);
        else if (seen.has((st.name as string).normalize('NFC'))) add(`${at}.name`, message.duplicate, st.name);
        if (!isInt(st.slots, 1) || (st.slots as number) > MAX_SLOTS) add(`${at}.slots`, message.integerIn(1, MAX_SLOTS), st.slots);
        if (nameOk && isInt(st.slots, 1)) {
          // NFC, as ingest reads site names, so a name saved decomposed still matches.
          const name = (st.name as string).normalize('NFC');
          seen.add(name);
          strata.push({ name, slots: st.slots as number });
        }
      });
    }
  }
  const list = r.allocation_list ?? null;
  if (list !== null && (typeof list !== 'string' || list.trim() === '' || /\p{Cc}/u.test(list))) add('randomization.allocation_list', message.nonEmptyString, list);
  const hash = r.sha256 ?? null;
  if (hash !== null && (typeof hash !== 'string' || !SHA256_HEX.test(hash))) add('randomization.sha256', message.planSha256, hash);
  const seed = r.seed ?? null;
  const seedOk = seed === null || (typeof seed === 'string' && isAllocationSeed(seed)) || isInt(seed, 0);
  if (!seedOk) add('randomization.seed', message.planAllocationSeed, seed);
  if (!ratio) return null;
  return {
    method: method as RandomizationPlan['method'],
    ratio,
    block_sizes: blockSizes,
    strata,
    allocation_list: typeof list === 'string' ? list : null,
    sha256: typeof hash === 'string' ? hash.toLowerCase() : null,
    seed: seed === null ? null : String(seed),
  };
}

/** The plan's optional `screening` section (CONSORT's assessed and excluded boxes). */
function validateScreening(raw: unknown, add: Add, unknownKeys: UnknownKeys): ScreeningPlan | null {
  if (raw === undefined || raw === null) return null;
  if (!isObject(raw)) {
    add('screening', message.planObject, raw);
    return null;
  }
  unknownKeys(raw, 'screening', ['assessed', 'excluded']);
  if (!isInt(raw.assessed, 0)) add('screening.assessed', message.nonNegativeInteger, raw.assessed);
  const excluded: ScreeningPlan['excluded'] = [];
  if (raw.excluded !== undefined && !Array.isArray(raw.excluded)) add('screening.excluded', message.planExcluded, raw.excluded);
  for (const [i, e] of (Array.isArray(raw.excluded) ? raw.excluded : []).entries()) {
    const at = `screening.excluded[${i}]`;
    if (!isObject(e)) {
      add(at, message.planExcluded, e);
      continue;
    }
    unknownKeys(e, at, ['reason', 'n']);
    const reason = e.reason;
    const reasonOk = isObject(reason) && typeof reason.nb === 'string' && reason.nb.trim() !== '' && typeof reason.en === 'string' && reason.en.trim() !== '';
    if (!reasonOk) add(`${at}.reason`, message.planMeasureLabel, reason);
    else unknownKeys(reason, `${at}.reason`, ['nb', 'en']);
    if (!isInt(e.n, 0)) add(`${at}.n`, message.nonNegativeInteger, e.n);
    if (reasonOk && isInt(e.n, 0)) excluded.push({ reason: { nb: reason.nb as string, en: reason.en as string }, n: e.n });
  }
  return isInt(raw.assessed, 0) ? { assessed: raw.assessed, excluded } : null;
}

/**
 * The plan's optional `data_sharing` statement: { nb, en }, each a non-empty text of at most
 * DATA_SHARING_MAX_LENGTH characters without control characters (line breaks included: the
 * report shows it as one paragraph). Absent or null: null.
 */
function validateDataSharing(raw: unknown, add: Add, unknownKeys: UnknownKeys): LocalizedText | null {
  if (raw === undefined || raw === null) return null;
  const ok = (s: unknown): s is string => typeof s === 'string' && s.trim() !== '' && s.length <= DATA_SHARING_MAX_LENGTH && !/\p{Cc}/u.test(s);
  if (!isObject(raw) || !ok(raw.nb) || !ok(raw.en)) {
    add('data_sharing', message.planDataSharing(DATA_SHARING_MAX_LENGTH), raw);
    return null;
  }
  unknownKeys(raw, 'data_sharing', ['nb', 'en']);
  return { nb: raw.nb, en: raw.en };
}

/** A moderator name: an evidence.csv column as the plan may name it. */
const MODERATOR_NAME = /^[a-z][a-z0-9_]{0,63}$/;

/**
 * The plan's optional `meta_analysis` section with its defaults (REML, interval 'auto', no
 * moderators). Moderators are evidence.csv columns outside the contract's own; whether the
 * file has them is checked when the file is read.
 */
function validateMetaAnalysis(raw: unknown, add: Add, unknownKeys: UnknownKeys): MetaAnalysisPlan | null {
  const m = raw === undefined || raw === null ? {} : raw;
  if (!isObject(m)) {
    add('meta_analysis', message.planObject, raw);
    return null;
  }
  unknownKeys(m, 'meta_analysis', ['method', 'interval', 'moderators', 'trial_moderators']);
  let ok = true;
  const method = m.method ?? 'REML';
  if (method !== 'REML' && method !== 'DL') {
    add('meta_analysis.method', evidenceMessage.planMethod, m.method);
    ok = false;
  }
  const interval = m.interval ?? 'auto';
  if (interval !== 'auto' && interval !== 'knha' && interval !== 'z') {
    add('meta_analysis.interval', evidenceMessage.planInterval, m.interval);
    ok = false;
  }
  const moderators = m.moderators ?? [];
  const reserved: readonly string[] = EVIDENCE_COLUMNS;
  const moderatorsOk =
    Array.isArray(moderators) &&
    moderators.every((x) => typeof x === 'string' && MODERATOR_NAME.test(x) && !reserved.includes(x) && !isIdentifierColumnName(x)) &&
    new Set(moderators).size === moderators.length;
  if (!moderatorsOk) {
    add('meta_analysis.moderators', evidenceMessage.planModerators(EVIDENCE_COLUMNS), m.moderators);
    ok = false;
  }
  const trialModerators: Record<string, number | string> = {};
  const given = m.trial_moderators ?? {};
  if (!isObject(given)) {
    add('meta_analysis.trial_moderators', evidenceMessage.planTrialModerators, given);
    ok = false;
  } else {
    for (const [name, value] of Object.entries(given)) {
      const at = `meta_analysis.trial_moderators.${name}`;
      if (moderatorsOk && !(moderators as string[]).includes(name)) {
        add(at, evidenceMessage.planTrialModeratorUnknown, name);
        ok = false;
      } else if (!(isFiniteNumber(value) || (typeof value === 'string' && value.trim() !== '' && value.length <= 100 && !/\p{Cc}/u.test(value)))) {
        add(at, evidenceMessage.planTrialModerators, value);
        ok = false;
      } else trialModerators[name] = typeof value === 'string' ? value.trim().normalize('NFC') : value;
    }
  }
  if (!ok) return null;
  return { method: method as MetaAnalysisPlan['method'], interval: interval as MetaAnalysisPlan['interval'], moderators: [...(moderators as string[])], trial_moderators: trialModerators };
}

/** The plan's optional `fidelity` section: the IPS-25 bands (validateFidelityBands), defaults when absent. */
function validateFidelity(raw: unknown, file: string, violations: Violation[], add: Add, unknownKeys: UnknownKeys): FidelityPlan | null {
  if (raw === undefined || raw === null) return { bands: validateFidelityBands(undefined, file).bands! };
  if (!isObject(raw)) {
    add('fidelity', message.planObject, raw);
    return null;
  }
  unknownKeys(raw, 'fidelity', ['bands']);
  const { bands, violations: found } = validateFidelityBands(raw.bands, file, 'fidelity.bands');
  violations.push(...found);
  return bands === null ? null : { bands };
}

/** Short, safe rendering of a plan value for a message (plans hold no participant data). */
function describe(x: unknown): string {
  if (x === undefined) return 'missing';
  const s = JSON.stringify(x);
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}
