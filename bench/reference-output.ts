/**
 * Reading what bench/reference.R prints (TIMING, RESULT and VERSION lines), and which of
 * its estimates the pipeline's results.json also holds, for the agreement check. Pure.
 */

/** The R packages bench/reference.R loads. */
export const REFERENCE_PACKAGES = ['data.table', 'survival', 'jsonlite'] as const;

export interface ReferenceOutput {
  /** Step → milliseconds by R's own clock, in printed order ("total" last). */
  timings: Record<string, number>;
  /** Estimate name → value. */
  results: Record<string, number>;
  /** "R", "data.table", "survival" → version. */
  versions: Record<string, string>;
}

/** Parses the script's stdout; other lines are ignored. */
export function parseReferenceOutput(stdout: string): ReferenceOutput {
  const out: ReferenceOutput = { timings: {}, results: {}, versions: {} };
  for (const raw of stdout.split(/\r?\n/)) {
    const [tag, name, value, ...rest] = raw.trim().split(/\s+/);
    if (name === undefined || value === undefined || rest.length > 0) continue;
    if (tag === 'VERSION') {
      out.versions[name] = value;
      continue;
    }
    const x = Number(value);
    if (!Number.isFinite(x)) continue;
    if (tag === 'TIMING') out.timings[name] = x;
    else if (tag === 'RESULT') out.results[name] = x;
  }
  return out;
}

const num = (x: unknown): number | null => (typeof x === 'number' && Number.isFinite(x) ? x : null);
const obj = (x: unknown): Record<string, unknown> | null => (x !== null && typeof x === 'object' && !Array.isArray(x) ? (x as Record<string, unknown>) : null);

/**
 * The pipeline's values of the estimates the R script prints, from results.json: the
 * unadjusted and adjusted effect at the primary timepoint, the Cox hazard ratio of time to
 * first job, and the ANCOVA difference of the first measure at its first follow-up wave.
 * Missing keys give null (the results contract may grow, but these keys are stable).
 */
export function pipelineEstimates(results: unknown): Record<string, number | null> {
  const r = obj(results) ?? {};
  const employment = Array.isArray(r.employment) ? r.employment.map(obj) : [];
  const primary = employment.find((e) => e?.primary === true) ?? null;
  const qol = Array.isArray(r.quality_of_life) ? r.quality_of_life.map(obj) : [];
  const firstFollowUp = qol.find((q) => obj(q?.difference) !== null && num(obj(q?.difference)?.estimate) !== null) ?? null;
  return {
    risk_difference: num(obj(primary?.risk_difference)?.estimate),
    adjusted_odds_ratio: num(obj(primary?.adjusted_odds_ratio)?.estimate),
    hazard_ratio: num(obj(obj(r.time_to_first_job)?.hazard_ratio)?.hazard_ratio),
    ancova_first: num(obj(firstFollowUp?.difference)?.estimate),
  };
}

/** Labels of the compared estimates, in the order results.md lists them. */
export const AGREEMENT_LABELS: Record<string, string> = {
  risk_difference: 'risk difference at the primary timepoint',
  adjusted_odds_ratio: 'adjusted odds ratio at the primary timepoint',
  hazard_ratio: 'hazard ratio of a first job (Cox, Efron ties)',
  ancova_first: 'ANCOVA difference, first measure, first follow-up wave',
};
