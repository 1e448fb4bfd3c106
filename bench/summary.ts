/**
 * The bench's measurements and their medians. Pure.
 */

/** One measured process: wall time (monotonic clock, ms) and peak resident memory (MiB; null = not measured). */
export interface Sample {
  wallMs: number;
  peakMiB: number | null;
}

/** Median of the values (mean of the middle two for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Median wall time and median peak memory of repeated samples (peaks ignored where unmeasured). */
export function medianSample(samples: readonly Sample[]): Sample | null {
  const wall = median(samples.map((s) => s.wallMs));
  if (wall === null) return null;
  return { wallMs: wall, peakMiB: median(samples.flatMap((s) => (s.peakMiB === null ? [] : [s.peakMiB]))) };
}

/** Per key, the median of the values recorded under it across repetitions; keys in first-seen order. */
export function medianByKey(records: readonly Readonly<Record<string, number>>[]): Record<string, number> {
  const keys: string[] = [];
  for (const r of records) for (const k of Object.keys(r)) if (!keys.includes(k)) keys.push(k);
  const out: Record<string, number> = {};
  for (const k of keys) out[k] = median(records.flatMap((r) => (r[k] === undefined ? [] : [r[k]!])))!;
  return out;
}

/** A stage run as its own process: median over the repetitions. */
export interface StageSummary extends Sample {
  name: string;
  /** Median of the stage's own duration inside the one-process `run` (from its manifest); null = not recorded. */
  inRunMs: number | null;
}

/** One estimate computed by both the pipeline and the R reference. */
export interface Agreement {
  name: string;
  pipeline: number | null;
  reference: number | null;
}

/** The R reference at one size. */
export type ReferenceResult =
  | { ran: true; run: Sample; steps: Record<string, number> }
  | { ran: false; reason: string };

/** Everything measured at one size. */
export interface SizeResult {
  participants: number;
  resamples: number;
  /** Development override of the resamples: the targets are not assessed. */
  overridden: boolean;
  reps: number;
  data: {
    registryRows: number;
    /** The plan's registry window (months since randomization); null when the plan has none. */
    registryMonths: { first: number; last: number } | null;
    questionnaireRows: number;
    csvBytes: number;
    simulateMs: number;
  };
  stages: StageSummary[];
  /** The whole pipeline in one process (`ips-rct run`): what the targets mean. */
  run: Sample;
  reference: ReferenceResult;
  agreement: Agreement[];
}

/** Pipeline wall time over R's, when both ran. */
export function ratio(size: SizeResult): number | null {
  return size.reference.ran && size.reference.run.wallMs > 0 ? size.run.wallMs / size.reference.run.wallMs : null;
}

/** Relative agreement: |a − b| ≤ tol · max(1, |b|). */
export function agrees(a: Agreement, tolerance = 1e-6): boolean | null {
  if (a.pipeline === null || a.reference === null) return null;
  return Math.abs(a.pipeline - a.reference) <= tolerance * Math.max(1, Math.abs(a.reference));
}
