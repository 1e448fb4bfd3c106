/**
 * Registry careers: month-by-month employment and gross earnings from randomization
 * (month 0) to month 18, drawn as employment spells that agree with the participant's
 * employment at the anchor months fixed by the cohort.
 */
import type { Rng } from '../random/rng.ts';
import { ANCHOR_MONTHS } from './cohort.ts';

/** Last registry month. */
export const LAST_MONTH = ANCHOR_MONTHS[ANCHOR_MONTHS.length - 1]!;

/** Earnings cell value meaning "employed, earnings not reported". */
export const EARNINGS_MISSING = -1;

/** One participant's registry months 0..LAST_MONTH (reused between participants for speed). */
export interface Career {
  employed: Uint8Array;
  /** Gross NOK per month, whole kroner; 0 when not employed; EARNINGS_MISSING when unreported. */
  earnings: Int32Array;
}

/** Chance of a short job between two anchors at which the participant is not employed. */
const SHORT_SPELL = 0.04;
/** Chance of a break between two anchors at which the participant is employed. */
const GAP = 0.04;
/** Monthly wage of a job: lognormal, median in NOK, log-scale SD; clipped to the limits. */
const WAGE = { median: 14_500, logSd: 0.55, monthLogSd: 0.1, min: 1_000, max: 60_000 } as const;
/** Share of employed months whose earnings the registry lacks. */
const EARNINGS_GAP = 0.01;

/** An empty career buffer for months 0..LAST_MONTH. */
export function newCareer(): Career {
  return { employed: new Uint8Array(LAST_MONTH + 1), earnings: new Int32Array(LAST_MONTH + 1) };
}

/**
 * Draws a career into `out`. `anchors` holds employment at ANCHOR_MONTHS as bits (1 = month
 * 0, 2 = month 6, …); every drawn career keeps those months exactly as given.
 */
export function drawCareer(anchors: number, rng: Rng, out: Career): void {
  out.employed.fill(0);
  for (let k = 0; k + 1 < ANCHOR_MONTHS.length; k++) {
    const a = ANCHOR_MONTHS[k]!;
    const b = ANCHOR_MONTHS[k + 1]!;
    drawBetweenAnchors(out.employed, a, b, (anchors >> k) & 1, (anchors >> (k + 1)) & 1, rng);
  }
  drawEarnings(out, rng);
}

/**
 * Fills months a..b given the states at a and b: a job found (start between them), a job
 * lost (end between them), a job kept (perhaps with a break), or no job (perhaps a short one).
 */
function drawBetweenAnchors(employed: Uint8Array, a: number, b: number, atA: number, atB: number, rng: Rng): void {
  employed[a] = atA;
  employed[b] = atB;
  if (atA === 0 && atB === 1) setRange(employed, rng.int(a + 1, b), b, 1);
  else if (atA === 1 && atB === 0) setRange(employed, a, rng.int(a, b - 1), 1);
  else if (atA === 1 && atB === 1) {
    setRange(employed, a, b, 1);
    if (b - a >= 2 && rng.bernoulli(GAP)) setRange(employed, ...innerSpan(a, b, rng), 0);
  } else if (b - a >= 2 && rng.bernoulli(SHORT_SPELL)) setRange(employed, ...innerSpan(a, b, rng), 1);
}

/** A random span of months strictly between a and b. */
function innerSpan(a: number, b: number, rng: Rng): [number, number] {
  const from = rng.int(a + 1, b - 1);
  return [from, rng.int(from, b - 1)];
}

function setRange(xs: Uint8Array, from: number, to: number, value: number): void {
  for (let m = from; m <= to; m++) xs[m] = value;
}

/**
 * Earnings per spell (a run of employed months is one job): a job-level wage with small
 * month-to-month variation, and a part month when the job starts after randomization.
 */
function drawEarnings(out: Career, rng: Rng): void {
  const { employed, earnings } = out;
  let level = 0;
  for (let m = 0; m <= LAST_MONTH; m++) {
    if (employed[m] === 0) {
      earnings[m] = 0;
      continue;
    }
    const startsJob = m === 0 || employed[m - 1] === 0;
    if (startsJob) level = WAGE.median * Math.exp(WAGE.logSd * rng.normal());
    let wage = level * Math.exp(WAGE.monthLogSd * rng.normal());
    // The first month of a new job is usually paid for part of the month only.
    if (startsJob && m > 0) wage *= 0.35 + 0.65 * rng.uniform();
    const kroner = Math.min(WAGE.max, Math.max(WAGE.min, Math.round(wage)));
    earnings[m] = rng.bernoulli(EARNINGS_GAP) ? EARNINGS_MISSING : kroner;
  }
}
