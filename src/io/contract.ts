/**
 * The data contract as data: one column rule per contract column for each input file.
 * The plan supplies the allowed arms, diagnosis levels, months, waves and measures.
 */
import type { AnalysisPlan } from './plan.ts';
import { message } from './messages.ts';
import type { ColumnRule } from './table-check.ts';
import { parseBinary, parseDate, parseInteger, parseLabel, parseLevel, parseNumber, type Parsed } from './values.ts';

export const FILES = {
  participants: 'participants.csv',
  employment: 'employment.csv',
  questionnaires: 'questionnaires.csv',
  plan: 'analysis-plan.json',
} as const;

export const EDUCATION_LEVELS = ['primary', 'secondary', 'higher'] as const;
export const SEX_LEVELS = ['F', 'M'] as const;
export const AGE_RANGE = { min: 16, max: 70 } as const;
const PSEUDONYM = /^[A-Za-z0-9_-]{1,64}$/;

const participantIdRule: ColumnRule = {
  name: 'participant_id',
  requiredColumn: true,
  emptyAllowed: false,
  hideValue: true,
  key: true,
  parse: (s) => (PSEUDONYM.test(s) ? { ok: true, value: s } : { ok: false, rule: message.participantId }),
};

/** Column rules for participants.csv. Baseline covariates may be missing (empty). */
export function participantRules(plan: AnalysisPlan): ColumnRule[] {
  return [
    participantIdRule,
    { name: 'site', requiredColumn: true, emptyAllowed: false, parse: (s) => parseLabel(s) },
    { name: 'arm', requiredColumn: true, emptyAllowed: false, parse: (s) => armIn(s, plan.arms) },
    { name: 'allocation_no', requiredColumn: false, emptyAllowed: false, parse: (s) => parseInteger(s, 1) },
    { name: 'randomized_on', requiredColumn: true, emptyAllowed: false, parse: parseDate },
    { name: 'age', requiredColumn: true, emptyAllowed: true, parse: (s) => parseInteger(s, AGE_RANGE.min, AGE_RANGE.max) },
    { name: 'sex', requiredColumn: true, emptyAllowed: true, parse: (s) => parseLevel(s, SEX_LEVELS) },
    { name: 'diagnosis', requiredColumn: true, emptyAllowed: true, parse: (s) => parseLevel(s, plan.diagnosis_levels) },
    { name: 'education', requiredColumn: true, emptyAllowed: true, parse: (s) => parseLevel(s, EDUCATION_LEVELS) },
    { name: 'worked_last_5y', requiredColumn: true, emptyAllowed: true, parse: parseBinary },
    { name: 'withdrawn', requiredColumn: true, emptyAllowed: false, parse: parseBinary },
  ];
}

/** Column rules for employment.csv (registry months). */
export function employmentRules(plan: AnalysisPlan): ColumnRule[] {
  const { first, last } = plan.registry_months;
  return [
    participantIdRule,
    timeRule('month', (m) => m >= first && m <= last, message.monthOutsidePlan(first, last)),
    { name: 'employed', requiredColumn: true, emptyAllowed: false, parse: parseBinary },
    {
      name: 'earnings_nok',
      requiredColumn: true,
      emptyAllowed: true,
      parse: (s, ctx) => numberIn(s, ctx, 0, Number.POSITIVE_INFINITY, message.nonNegativeNumber),
    },
  ];
}

/** Column rules for questionnaires.csv: the wave, then one score column per plan measure. */
export function questionnaireRules(plan: AnalysisPlan): ColumnRule[] {
  return [
    participantIdRule,
    timeRule('wave', (w) => plan.questionnaire_waves.includes(w), message.waveOutsidePlan(plan.questionnaire_waves)),
    ...plan.measures.map(
      (m): ColumnRule => ({
        name: m.column,
        requiredColumn: true,
        emptyAllowed: true,
        parse: (s, ctx) => numberIn(s, ctx, m.min, m.max, message.numberIn(m.min, m.max)),
      }),
    ),
  ];
}

/** A required month-since-randomization column whose values the plan restricts. */
function timeRule(name: string, inPlan: (v: number) => boolean, rule: string): ColumnRule {
  return {
    name,
    requiredColumn: true,
    emptyAllowed: false,
    key: true,
    parse: (s) => {
      const v = parseInteger(s, 0);
      return v.ok && !inPlan(v.value) ? { ok: false, rule } : v;
    },
  };
}

function armIn(s: string, arms: readonly string[]): Parsed<string> {
  return arms.includes(s) ? { ok: true, value: s } : { ok: false, rule: message.armInPlan(arms) };
}

function numberIn(s: string, ctx: { allowComma: boolean; sawComma: boolean }, min: number, max: number, rule: string): Parsed<number> {
  const n = parseNumber(s, ctx.allowComma);
  if (n === null || !Number.isFinite(n.value) || n.value < min || n.value > max) return { ok: false, rule };
  if (n.usedComma) ctx.sawComma = true;
  return { ok: true, value: n.value };
}
