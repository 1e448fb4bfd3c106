/**
 * Every rule text the contract checks use, in one place (as vega-lite keeps its log
 * messages), so wording stays consistent and can be translated later.
 */
import type { IngestSummary, IngestWarning } from './dataset.ts';

const list = (xs: readonly (string | number)[]) => xs.join(', ');

export const message = {
  // Files
  fileMissing: 'required file is missing',
  fileUnreadable: 'file could not be read (a folder, or no permission)',
  fileNotText: 'file is not text (it contains NUL bytes)',
  fileEmpty: 'file is empty: a header row is required',
  fileNoRows: 'file has a header but no data rows',
  missingColumn: (col: string) => `required column "${col}" is missing from the header`,
  duplicateColumn: 'column name appears more than once in the header',
  emptyColumnName: 'column name is empty',
  fieldCount: (expected: number) => `row must have ${expected} fields, as the header has`,
  csvSyntax: 'row is not valid CSV (unbalanced quotes)',

  // Direct identifiers
  nationalId:
    'value is a valid Norwegian national identity number (fødselsnummer, D- or H-number); direct identifiers must not enter the pipeline: remove it at the source',
  identifierColumn:
    'column name says it holds a direct identifier (name, address, phone or e-mail); remove the column before delivery',

  // Values
  required: 'value is required',
  participantId: 'must be a pseudonym of 1–64 characters from A-Z, a-z, 0-9, _ and -',
  duplicateParticipant: (firstRow: number) => `participant_id appears more than once (first at row ${firstRow})`,
  integerIn: (min: number, max: number) => `must be a whole number from ${min} to ${max}`,
  integerAtLeast: (min: number) => `must be a whole number of at least ${min}`,
  date: 'must be a calendar date written YYYY-MM-DD',
  label: (max: number) => `must be a name of at most ${max} characters, without line breaks`,
  oneOf: (xs: readonly (string | number)[]) => `must be one of: ${list(xs)}`,
  subsetOf: (xs: readonly string[]) => `must be a list without repeats of: ${list(xs)}`,
  binary: 'must be 0 or 1',
  nonNegativeNumber: 'must be a number of at least 0, or empty',
  numberIn: (min: number, max: number) => `must be a number from ${min} to ${max}, or empty`,
  armInPlan: (arms: readonly string[]) => `arm must be one of the plan's arms: ${list(arms)}`,
  armWithoutParticipants: (arm: string) => `no participant is randomized to the plan's arm "${arm}"`,
  unknownParticipant: 'participant_id is not in participants.csv',
  duplicatePair: (key: string, firstRow: number) => `duplicate (participant_id, ${key}) row (first at row ${firstRow})`,
  monthOutsidePlan: (first: number, last: number) => `month must be within the plan's registry months ${first}–${last}`,
  waveOutsidePlan: (waves: readonly number[]) => `wave must be one of the plan's questionnaire waves: ${list(waves)}`,

  // Plan
  planUnreadable: 'plan is not valid JSON',
  planNotUtf8: 'plan must be UTF-8 text (save it as UTF-8)',
  planNotObject: 'plan must be a JSON object',
  planUnknownField: 'field is not part of the analysis plan (misspelt?)',
  planArms: 'must list exactly two distinct arm labels of 1–32 characters A-Z, a-z, 0-9, _ and -',
  planControlArm: 'control_arm must be one of the plan\'s arms',
  planRegistryMonths: 'must be { "first": m, "last": n } with whole numbers 0 ≤ m ≤ n',
  planTimepointsInRegistry: 'every timepoint must lie within registry_months',
  planPrimaryTimepoint: 'primary_timepoint must be one of the timepoints',
  planMeasuresArray: 'must be a list of questionnaire measures',
  planMeasureObject: 'each measure must be an object with column, label, min, max and higher_is_better',
  planMeasureColumn: 'must be a column name of lower-case letters, digits and _, not participant_id or wave',
  planMeasureLabel: 'must be { "nb": "…", "en": "…" } with both labels non-empty',
  planMeasureRange: 'min and max must be numbers with min < max',
  planConfidence: 'must be a number between 0.5 and 1, for example 0.95',
  planSeed: 'must be a whole number from 0 to 4294967295',
  planObject: 'must be a JSON object',
  nonEmptyString: 'must be a non-empty text',
  increasingIntegers: 'must be a non-empty list of whole numbers ≥ 0 in increasing order',
  uniqueNonEmptyStrings: 'must be a non-empty list of distinct, non-empty texts',
  positiveInteger: 'must be a whole number of at least 1',
  planPriceYear: 'must be the price year of the amounts, a whole number from 1990 to 2100',
  planCostPerArm: 'must give the cost per participant in NOK for every arm, e.g. { "IPS": 110000, "TVR": 30000 }',
  planNonNegativeAmount: 'must be an amount in NOK from 0 to 1 000 000 000',
  planFractionRange: (max: number) => `must be a fraction from 0 to ${max} (0.04 = 4 %)`,
  planWindow: (last: number | null) => `must be a whole number of months from 1 to the last registry month${last === null ? '' : ` (${last})`}`,
  planWindowStart: (first: number) => `needs registry months from month 1 on (the window is months 1 … window_months after randomization), but registry_months starts at ${first}`,
  planLastEffect: 'must be a whole number of months from 1 to window_months',
  planReferenceWage: 'must be { "monthly_nok": <gross monthly wage above 0>, "source": "<where the figure comes from, up to 300 characters>" }',
  planPersistence: 'must be a list of scenarios, each { "kind": "constant", "years": N } or { "kind": "decay", "years": N, "annual_decay": 0.3 }',
  planScenarioYears: 'must be a whole number of years from 1 to 50',
  planDecay: 'must be a fraction between 0 and 1 (0.3 = the effect shrinks 30 % a year)',
  planScenarioId: 'must be 1–40 lower-case letters, digits or _',
  planRange: 'must be [low, high] with low ≤ high, within the parameter\'s own bounds (rates 0–0.2 for discounting, 0–0.5 for the employer\'s contribution, productivity above 0 up to 2)',
  planImputations: 'must be a whole number from 2 to 1000 (default 20)',
  planBaselineWave: 'must start with 0, the baseline wave that follow-up scores are adjusted for',
  boolean: 'must be true or false',
  duplicate: 'appears more than once',
  nonNegativeInteger: 'must be a whole number of at least 0',
  planRatio: (arms: readonly string[]) => `must give each arm (${list(arms)}) a whole number from 1 to 100, for example { ${arms.map((a) => `"${a}": 1`).join(', ')} }`,
  planBlockSizes: (sum: number | null) =>
    `must be a non-empty list of distinct whole numbers up to 1000${sum === null ? '' : `, each a multiple of the ratio's sum (${sum})`}`,
  planStrata: 'must be a list of { "name": "…", "slots": n } objects',
  planSha256: 'must be a SHA-256 hash: 64 hexadecimal digits',
  planAllocationSeed: 'must be a whole number ≥ 0 or a text of 1–200 characters',
  screeningTotals: (assessed: number, excluded: number, randomized: number) =>
    `assessed (${assessed}) minus excluded (${excluded}) must equal the participants randomized in participants.csv (${randomized})`,
  planAgeGroups: 'must be a non-empty list of increasing whole-number ages from 17 to 70, e.g. [30]',
  planExcluded: 'must be a list of { "reason": { "nb": "…", "en": "…" }, "n": n } objects',
  planDataSharing: (max: number) =>
    `must be { "nb": "…", "en": "…" }, saying where the de-identified data and the analysis code can be obtained: both texts non-empty, at most ${max} characters, without line breaks`,

  // Allocation list (allocation.csv) and its design
  allocationDuplicate: (site: string, no: number, firstRow: number) =>
    `site ${safeFound(site)} has allocation number ${no} more than once (first at row ${firstRow})`,
  allocationGap: (site: string, missing: number) =>
    `allocation numbers of site ${safeFound(site)} must run 1, 2, 3, … without a gap: ${missing} is missing`,
  designMethod: 'allocation method must be "permuted_blocks" or "simple"',
  designArms: 'allocation design needs 1–255 distinct arm labels',
  designRatio: 'allocation ratio needs one whole number of at least 1 per arm',
  designBlockSizes: (sum: number) => `block sizes must be a non-empty list of whole numbers, each a multiple of the ratio's sum (${sum})`,
  designSlots: 'slot count must be a whole number of at least 0 that fits the output buffer',
  strataEmpty: 'at least one stratum is needed',
  strataName: (name: string) =>
    `stratum name ${safeFound(name)} must be a non-empty text without line breaks or leading/trailing spaces (it must survive allocation.csv)`,
  strataDuplicate: (name: string) => `stratum name ${safeFound(name)} appears more than once`,
  strataSlots: (name: string) => `stratum ${safeFound(name)} must have a whole number of at least 1 slots`,
  allocationSeedEmpty: 'the allocation seed must be a non-empty text',

  // Environment
  sourceDateEpoch: (found: string) =>
    `SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01 00:00 UTC, as \`date +%s\` prints it, up to 253402300799 (the end of the year 9999) (found: ${JSON.stringify(found.length > 40 ? `${found.slice(0, 37)}...` : found)})`,

} as const;

/** The ingest summary in a few English lines for the console: files, dialects, arms. */
export function describeSummary(s: IngestSummary): string[] {
  const files = s.files.map((f) => {
    const d = f.dialect;
    const delimiter = d.delimiter === '\t' ? 'tab' : d.delimiter;
    return `  ${f.file}: ${f.rows} rows; ${d.encoding}${d.bom ? ' with BOM' : ''}, delimiter "${delimiter}", decimal "${d.decimal}", ${d.line_ending} line ends`;
  });
  const arms = s.participants.by_arm.map((a) => `${a.arm} ${a.randomized} (${a.withdrawn} withdrawn)`).join(', ');
  return [...files, `  ${s.participants.total} participants randomized: ${arms}`];
}

/** An ingest warning in English, for the console (the report words it per language). */
export function describeWarning(w: IngestWarning): string {
  switch (w.code) {
    case 'ignored_column':
      return `${w.file}: column "${w.column}" is not in the data contract and was ignored`;
    case 'no_registry':
      return `${w.count} analysable participant(s) have no registry rows at all`;
    case 'registry_gaps':
      return `${w.count} analysable participant(s) have unobserved registry months`;
    case 'withdrawn_with_data':
      return `${w.count} withdrawn participant(s) have registry or questionnaire rows; these rows are not analysed`;
  }
}

/** Never print these values: they are, or may be, identifiers. */
export const HIDDEN = '[value not shown]';

/**
 * A cell value made safe and short for a message: long digit runs (possible identifiers)
 * are masked, long values cut.
 */
export function safeFound(value: string): string {
  if (value === '') return 'empty';
  const masked = value.replace(/\d{9,}/g, (d) => '#'.repeat(d.length));
  const cut = masked.length > 40 ? `${masked.slice(0, 37)}...` : masked;
  return JSON.stringify(cut);
}
