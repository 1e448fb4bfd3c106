/**
 * The canonical dataset that ingest builds and every later stage reads (through the
 * artifact, pipeline/dataset-file.ts): the three input files, typed and columnar, with
 * participants encoded as integer row indices.
 */

/** How a CSV file was written, as detected by ingest. */
export interface Dialect {
  encoding: 'utf-8' | 'windows-1252';
  bom: boolean;
  delimiter: ',' | ';' | '\t';
  decimal: '.' | ',';
  line_ending: 'LF' | 'CRLF' | 'CR' | 'none';
}

/** One column per contract field; index i is participant i everywhere in the dataset. */
export interface ParticipantsTable {
  participant_id: string[];
  site: string[];
  arm: string[];
  allocation_no: (number | null)[];
  randomized_on: string[];
  age: (number | null)[];
  sex: ('F' | 'M' | null)[];
  diagnosis: (string | null)[];
  education: (string | null)[];
  worked_last_5y: (0 | 1 | null)[];
  withdrawn: (0 | 1)[];
}

/**
 * Registry months; `participant` indexes ParticipantsTable. Sorted by participant, month.
 * Typed columns at registry scale (ingest and the artifact give Int32Array participant,
 * Int16Array or Int32Array month, Uint8Array employed, Float64Array earnings); consumers
 * read them as `ArrayLike<number>`, so plain arrays work as well (test fixtures).
 */
export interface EmploymentTable {
  participant: ArrayLike<number>;
  month: ArrayLike<number>;
  /** 0 or 1. */
  employed: ArrayLike<number>;
  /** Gross NOK in the month; NaN when the registry gives no amount (not null: typed column). */
  earnings_nok: ArrayLike<number>;
}

/**
 * Questionnaire waves; one score column per plan measure. Sorted by participant, wave.
 * `participant` and `wave` are Int32Array from ingest and the artifact; scores stay
 * arrays with null for a missing answer.
 */
export interface QuestionnaireTable {
  participant: ArrayLike<number>;
  wave: ArrayLike<number>;
  scores: Record<string, (number | null)[]>;
}

export interface Dataset {
  participants: ParticipantsTable;
  employment: EmploymentTable;
  questionnaires: QuestionnaireTable;
}

/** Per input file: what was read and how it was written. */
export interface FileSummary {
  file: string;
  rows: number;
  dialect: Dialect;
}

/**
 * Something ingest noticed that does not break the contract. Structured (a code and its
 * values) so the report can word it in its own language.
 */
export type IngestWarning =
  | { code: 'ignored_column'; file: string; column: string }
  | { code: 'no_registry' | 'registry_gaps' | 'withdrawn_with_data'; count: number };

/** Participants counted by arm and site; the first numbers a reader checks. */
export interface IngestSummary {
  files: FileSummary[];
  participants: {
    total: number;
    withdrawn: number;
    /** Randomized per arm, in the plan's arm order. */
    by_arm: { arm: string; randomized: number; withdrawn: number }[];
    /** Randomized per site and arm, sites in sorted order (Norwegian collation). */
    by_site: { site: string; arm: string; randomized: number }[];
  };
  registry_months: { first: number; last: number };
  questionnaire_waves: number[];
  warnings: IngestWarning[];
}

/** Sort order for site names everywhere: Norwegian collation, so Ø and Å sort last. */
export const siteCollator = new Intl.Collator('nb', { sensitivity: 'variant' });
