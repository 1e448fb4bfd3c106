/**
 * The rule texts of the evidence file (`evidence.csv`) and of the plan's `meta_analysis`
 * section that src/io/messages.ts does not already have (it keeps the shared ones: missing
 * column, whole number from … to …, …), in one place so their wording stays consistent.
 */

const list = (xs: readonly string[]) => xs.join(', ');

export const evidenceMessage = {
  // evidence.csv
  source: 'must be "published" (a figure from a publication, with its citation) or "synthetic" (an invented row, so the feature runs without real data)',
  citationRequired: 'a published row needs its citation (authors, journal, year), so a reader can check the figure',
  citationLength: (max: number) => `must be a citation of at most ${max} characters, without line breaks`,
  year: (min: number, max: number) => `must be the publication year, a whole number from ${min} to ${max}`,
  duplicateStudy: (firstRow: number) => `study appears more than once; each study is one row with a unique name (first at row ${firstRow})`,
  thisTrialListed:
    "study has this trial's name from the plan (trial.name): the pipeline adds this trial's own result as a row of its own, so listing it here would count it twice",
  countsIncomplete: 'give all four of events_intervention, n_intervention, events_control and n_control, or none of them',
  eventsAboveTotal: (column: string) => `events must not be more than the arm's total (${column})`,
  estimateIncomplete: 'give all of measure, estimate, ci_low and ci_high, or none of them',
  noEffect: 'a row needs the four counts (events and totals per arm) or a reported estimate with its interval (measure, estimate, ci_low, ci_high)',
  measure: 'must be RR (risk ratio), OR (odds ratio) or RD (risk difference)',
  ratioPositive: 'must be a number above 0 (a risk or odds ratio)',
  riskDifference: 'must be a risk difference written as a fraction from -1 to 1 (36 percentage points is 0.36)',
  intervalOrder: 'ci_low must be below ci_high',
  estimateOutsideInterval: 'the estimate must lie within its interval [ci_low, ci_high]',
  ciLevel: 'must be the interval\'s level as a fraction between 0.5 and 1 (for example 0.95), or empty for 0.95',
  number: 'must be a number (decimal point, or decimal comma in a file delimited by ";" or tab)',
  moderatorMixed:
    'a moderator the plan names must hold numbers only, or categories (texts) only: this text is among numbers (leave a missing value empty; write numbers with the file\'s decimal mark)',
  moderatorMissing: (name: string) => `column "${name}" is named in the plan's meta_analysis.moderators, but the evidence file has no such column`,

  // analysis-plan.json, meta_analysis
  planMethod: 'must be "REML" (restricted maximum likelihood, the default) or "DL" (DerSimonian–Laird)',
  planInterval: 'must be "auto" (Knapp–Hartung below 10 studies, else normal; the default), "knha" (always Knapp–Hartung) or "z" (always normal)',
  planModerators: (reserved: readonly string[]) =>
    `must be a list without repeats of evidence.csv column names (lower-case letters, digits and _, starting with a letter), none of them a contract column (${list(reserved)})`,
  planTrialModerators: 'must be an object giving this trial\'s value (a number or a text) of moderators named in meta_analysis.moderators, e.g. { "employment_protection": 2.3 }',
  trialModeratorType: (type: 'numeric' | 'categorical') =>
    type === 'numeric'
      ? "must be a number: the evidence file's column of this name holds numbers"
      : "must be a text: the evidence file's column of this name holds categories",
  planTrialModeratorUnknown: 'names a moderator that is not in meta_analysis.moderators',
} as const;
