/**
 * Names of data things in the report's language: contract columns, their category levels,
 * and analysed outcomes. Tables of text keys, so a new level is one line here plus its
 * texts; anything without a translation is shown as the data or the plan spells it.
 */
import type { AnalysisPlan } from '../io/plan.ts';
import { joinList, text, type Lang, type TextKey } from './texts.ts';

/** Text keys for the participant columns the report names. */
export const VARIABLE_TEXT: Readonly<Record<string, TextKey>> = {
  site: 'var_site',
  age: 'var_age',
  age_group: 'var_age_group',
  sex: 'var_sex',
  diagnosis: 'var_diagnosis',
  education: 'var_education',
  worked_last_5y: 'var_worked_last_5y',
};

/** Text keys for category levels, per column, keyed by the value as it appears in the data. */
export const LEVEL_TEXT: Readonly<Record<string, Readonly<Record<string, TextKey>>>> = {
  sex: { F: 'level_sex_f', M: 'level_sex_m' },
  diagnosis: {
    depression: 'level_diagnosis_depression',
    anxiety: 'level_diagnosis_anxiety',
    bipolar: 'level_diagnosis_bipolar',
    psychosis: 'level_diagnosis_psychosis',
    other: 'level_diagnosis_other',
  },
  education: { primary: 'level_education_primary', secondary: 'level_education_secondary', higher: 'level_education_higher' },
  worked_last_5y: { '1': 'level_yes', '0': 'level_no' },
};

/**
 * A column's name for readers; the column name itself when there is no text for it.
 * @example variableLabel('age', 'nb') // 'Alder (år)'
 */
export function variableLabel(variable: string, lang: Lang): string {
  const key = VARIABLE_TEXT[variable];
  return key ? text(lang, key) : variable;
}

/**
 * A category level's name for readers; the level as written in the plan or data otherwise
 * (a diagnosis level the plan adds, say).
 * @example levelLabel('sex', 'F', 'en') // 'Female'
 */
export function levelLabel(variable: string, level: string, lang: Lang): string {
  const key = LEVEL_TEXT[variable]?.[level];
  return key ? text(lang, key) : level;
}

/**
 * An analysed outcome at a month: employment in words, a questionnaire measure by its plan
 * label; an unknown outcome by its name.
 * @example outcomeLabel('employment', 18, plan, 'en') // 'Employment, month 18'
 */
export function outcomeLabel(outcome: string, month: number, plan: AnalysisPlan, lang: Lang): string {
  const m = String(month);
  if (outcome === 'employment') return text(lang, 'outcome_employment', { month: m });
  const measure = plan.measures.find((x) => x.column === outcome);
  return text(lang, 'outcome_measure', { measure: measure ? measure.label[lang] : outcome, month: m });
}

/** Locales for upper- and lower-casing labels. */
const LOCALE: Record<Lang, string> = { nb: 'nb-NO', en: 'en-GB' };

/**
 * A column's name inside a sentence ("justert for forsøkssted, alder (år) og kjønn"): the
 * label with a lower-case first letter; a column without a text stays as spelled.
 * @example variableInText('sex', 'en') // 'sex'
 */
export function variableInText(variable: string, lang: Lang): string {
  const key = VARIABLE_TEXT[variable];
  if (!key) return variable;
  const label = text(lang, key);
  return label.charAt(0).toLocaleLowerCase(LOCALE[lang]) + label.slice(1);
}

/**
 * A column's name as a heading or row label, with a capital first letter ("Forsøkssted").
 * @example variableHeading('site', 'nb') // 'Forsøkssted'
 */
export function variableHeading(variable: string, lang: Lang): string {
  const label = variableLabel(variable, lang);
  return VARIABLE_TEXT[variable] ? label.charAt(0).toLocaleUpperCase(LOCALE[lang]) + label.slice(1) : label;
}


/**
 * A subgroup level in words: age groups as the outcomes stage writes them ("<30", "30–49",
 * "≥30") become "Under 30 år", "30–49 år", "30 år eller eldre"; sex, diagnosis and the
 * other Table 1 columns as in Table 1; sites, and anything unrecognized, as spelled.
 * An empty level is the group with the value missing.
 * @example subgroupLevelLabel('age_group', '≥30', 'en') // '30 years or older'
 */
export function subgroupLevelLabel(variable: string, level: string, lang: Lang): string {
  if (level === '') return text(lang, 'subgroup_missing_level');
  if (variable === 'age_group') {
    const under = /^<\s*(\d+)$/.exec(level);
    if (under) return text(lang, 'level_age_under', { age: under[1]! });
    const from = /^(?:≥|>=)\s*(\d+)$/.exec(level);
    if (from) return text(lang, 'level_age_from', { age: from[1]! });
    const range = /^(\d+)\s*[–-]\s*(\d+)$/.exec(level);
    if (range) return text(lang, 'level_age_range', { low: range[1]!, high: range[2]! });
    return level;
  }
  return levelLabel(variable, level, lang);
}

/**
 * The two arms by role: the intervention (the arm that is not the control) and the control.
 * @example armRoles(plan) // { arm_t: 'IPS', arm_c: 'TVR' }
 */
export function armRoles(plan: AnalysisPlan): { arm_t: string; arm_c: string } {
  return { arm_t: plan.arms.find((a) => a !== plan.control_arm) ?? '', arm_c: plan.control_arm };
}

/**
 * Columns named in running text and joined with "og"/"and" ("forsøkssted, alder (år) og
 * kjønn"), each once, in the order given.
 * @example variablesInText(['site', 'age', 'sex'], 'en') // 'site, age (years) and sex'
 */
export function variablesInText(variables: readonly string[], lang: Lang): string {
  return joinList(
    [...new Set(variables)].map((v) => variableInText(v, lang)),
    lang,
    'and',
  );
}

/**
 * A questionnaire measure's name: the plan's label in `lang` (as the participant-flow table
 * names it too), else the label the result carries, else the column name.
 * @example measureLabel('qol', plan, 'en') // 'Quality of life'
 */
export function measureLabel(column: string, plan: AnalysisPlan, lang: Lang, fallback?: { nb: string; en: string }): string {
  return plan.measures.find((m) => m.column === column)?.label[lang] ?? fallback?.[lang] ?? column;
}

/**
 * A label from the plan inside a sentence: a lower-case first letter, unless the label
 * starts with an abbreviation ("EQ-5D", "WHO-5"), which stays as written.
 * @example labelInText('Selvvurdert helse', 'nb') // 'selvvurdert helse'
 * @example labelInText('EQ-5D', 'en') // 'EQ-5D'
 */
export function labelInText(label: string, lang: Lang): string {
  const [first, second] = [...label];
  if (first === undefined || second === undefined || second.toLocaleLowerCase(LOCALE[lang]) !== second || second.toLocaleUpperCase(LOCALE[lang]) === second) {
    return label;
  }
  return first.toLocaleLowerCase(LOCALE[lang]) + label.slice(first.length);
}
