/**
 * The Cox proportional hazards model with one covariate, Efron's method for ties.
 */
import jStat from 'jstat';

/**
 * Why an estimate is missing or uncertain:
 * - 'hr_infinite' / 'hr_zero': the partial likelihood keeps rising as β → +∞ / −∞ (monotone
 *   likelihood, e.g. no events in the control / the intervention arm while it is at risk),
 *   so the maximum-likelihood hazard ratio is infinite / zero;
 * - 'no_information': the likelihood is flat (no events, or no event time with both
 *   covariate values at risk), so β is not estimable;
 * - 'not_converged': Newton–Raphson ran out of iterations (estimates are the last iterate).
 */
export type CoxNote = 'hr_infinite' | 'hr_zero' | 'no_information' | 'not_converged';

/** A fitted single-covariate Cox model; every number finite, null where it does not exist. */
export interface CoxResult {
  n: number;
  events: number;
  /** β, the log hazard ratio per unit of x; null when infinite or not estimable. */
  coefficient: number | null;
  /** Standard error of β from the observed information at β̂ (R's sqrt(vcov)). */
  se: number | null;
  /** exp(β): the hazard ratio of x = 1 against x = 0. */
  hazard_ratio: number | null;
  /** Wald interval for the hazard ratio, exp(β ± z·se), z = Φ⁻¹((1 + confidence)/2). */
  ci: [number, number] | null;
  /** Two-sided Wald p-value, 2Φ(−|β/se|). */
  p: number | null;
  /**
   * Log partial likelihood [at β = 0, at β̂] (R's `fit$loglik`). For an infinite β̂ the second
   * is the supremum, the limit as β → ±∞.
   */
  loglik: [number, number];
  /**
   * Likelihood-ratio test of β = 0: 2·(loglik[1] − loglik[0]) on 1 df. Valid for an infinite
   * β̂ too (with the supremum); null when the likelihood is flat.
   */
  likelihood_ratio: { statistic: number; df: 1; p: number } | null;
  /** Newton–Raphson iterations as R counts them (`fit$iter`); 0 when not run. */
  iterations: number;
  converged: boolean;
  note: CoxNote | null;
}

/** coxph.control() defaults: relative change in loglik, iteration limit. */
const EPS = 1e-9;
const ITER_MAX = 20;

/**
 * Cox model with one covariate and Efron's approximation for tied event times, equal to R's
 * `coxph(Surv(time, event) ~ x, ties = "efron")` (survival package; Cox 1972, J R Stat Soc B
 * 34:187; Efron 1977, J Am Stat Assoc 72:557): coef, se(coef), exp(coef), its Wald interval
 * (`confint`), the Wald p, `fit$loglik` and `fit$iter`.
 *
 * At an event time with d tied events D among the risk set R (observed times ≥ t), with
 * Sⱼ = Σ_R xʲe^{βx} and Tⱼ = Σ_D xʲe^{βx}, and Aⱼₖ = Sⱼ − (k/d)Tⱼ for k = 0 … d − 1:
 *
 *   ℓ(β) = Σ_t [β·Σ_D x − Σ_k log A₀ₖ],   U = Σ_t [Σ_D x − Σ_k A₁ₖ/A₀ₖ],
 *   I = Σ_t Σ_k [A₂ₖ/A₀ₖ − (A₁ₖ/A₀ₖ)²].
 *
 * Maximized by Newton–Raphson from β = 0 with step halving, stopping when
 * |1 − ℓ_old/ℓ_new| ≤ 1e-9 after at least one step, at most 20 iterations (R's coxfit6 and
 * coxph.control defaults), so estimates and iteration counts agree with R.
 *
 * Before iterating, a monotone likelihood is detected exactly: β̂ = +∞ when at every event
 * time all events have the largest x in the risk set (−∞: the smallest). R then reports a
 * large β with the warning "coefficient may be infinite"; here the estimate, se, interval and
 * p are null with the note, converged is false, and only the likelihood-ratio test is given.
 *
 * @param time  observed times, finite numbers (any unit: only their order matters)
 * @param event 1 = event, 0 = censored
 * @param x     covariate, finite numbers; for a trial, 1 = intervention and 0 = control
 * @param confidence level of the Wald interval, e.g. 0.95
 */
export function coxPH(time: readonly number[], event: readonly number[], x: readonly number[], confidence = 0.95): CoxResult {
  const n = time.length;
  if (event.length !== n || x.length !== n) throw new RangeError(`coxPH: time, event and x differ in length (${n}, ${event.length}, ${x.length})`);
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(time[i])) throw new RangeError(`coxPH: time[${i}] must be a finite number, got ${time[i]}`);
    if (event[i] !== 0 && event[i] !== 1) throw new RangeError(`coxPH: event[${i}] must be 0 or 1, got ${event[i]}`);
    if (!Number.isFinite(x[i])) throw new RangeError(`coxPH: x[${i}] must be a finite number, got ${x[i]}`);
  }
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`coxPH: confidence must lie strictly between 0 and 1, got ${confidence}`);

  const mean = n === 0 ? 0 : x.reduce((a, b) => a + b, 0) / n;
  const xc = x.map((v) => v - mean); // centred, as R: the likelihood is unchanged, exp() safer
  const sets = riskSets(time, event, xc);
  const events = event.reduce((a, b) => a + b, 0);
  const loglik0 = efron(0, sets).loglik;

  const toPlus = sets.every((s) => s.eventMin === s.riskMax);
  const toMinus = sets.every((s) => s.eventMax === s.riskMin);
  if (toPlus || toMinus) {
    const base = { n, events, coefficient: null, se: null, hazard_ratio: null, ci: null, p: null, iterations: 0, converged: false };
    if (toPlus && toMinus) return { ...base, loglik: [loglik0, loglik0], likelihood_ratio: null, note: 'no_information' };
    const sup = supremum(sets, toPlus ? 'max' : 'min');
    return { ...base, loglik: [loglik0, sup], likelihood_ratio: lrTest(loglik0, sup), note: toPlus ? 'hr_infinite' : 'hr_zero' };
  }

  // Newton–Raphson as R's coxfit6 (survival package, src/coxfit6.c).
  const start = efron(0, sets);
  let beta = 0;
  let oldLoglik = start.loglik;
  let newBeta = start.u / start.imat;
  let halving = false;
  let fit = start;
  let iterations = 0;
  let converged = false;
  for (let iter = 1; iter <= ITER_MAX; iter++) {
    iterations = iter;
    fit = efron(newBeta, sets);
    if (Math.abs(1 - oldLoglik / fit.loglik) <= EPS && !halving) {
      converged = true;
      break;
    }
    if (iter === ITER_MAX) break;
    if (fit.loglik < oldLoglik) {
      halving = true;
      newBeta = (newBeta + beta) / 2;
    } else {
      halving = false;
      oldLoglik = fit.loglik;
      beta = newBeta;
      newBeta += fit.u / fit.imat;
    }
  }
  const coefficient = newBeta;
  const se = Math.sqrt(1 / fit.imat);
  const z = jStat.normal.inv((1 + confidence) / 2, 0, 1) as number;
  return {
    n,
    events,
    coefficient,
    se,
    hazard_ratio: Math.exp(coefficient),
    ci: [Math.exp(coefficient - z * se), Math.exp(coefficient + z * se)],
    p: Math.min(1, 2 * (jStat.normal.cdf(-Math.abs(coefficient / se), 0, 1) as number)),
    loglik: [loglik0, fit.loglik],
    likelihood_ratio: lrTest(loglik0, fit.loglik),
    iterations,
    converged,
    note: converged ? null : 'not_converged',
  };
}

/** The observations sharing one distinct time, and extremes of x among events and risk set. */
interface TimeGroup {
  /** Centred covariate of everyone observed at this time, and whether each had the event. */
  x: number[];
  event: boolean[];
  eventMin: number;
  eventMax: number;
  riskMin: number;
  riskMax: number;
}

/** Distinct event times in decreasing time order, each with the censored at or after it folded in. */
function riskSets(time: readonly number[], event: readonly number[], xc: readonly number[]): TimeGroup[] {
  const order = time.map((_, i) => i).sort((a, b) => time[b]! - time[a]!);
  const groups: TimeGroup[] = [];
  let riskMin = Infinity;
  let riskMax = -Infinity;
  let pending: TimeGroup = { x: [], event: [], eventMin: Infinity, eventMax: -Infinity, riskMin, riskMax };
  for (let k = 0; k < order.length; ) {
    const t = time[order[k]!]!;
    for (; k < order.length && time[order[k]!] === t; k++) {
      const i = order[k]!;
      const v = xc[i]!;
      pending.x.push(v);
      pending.event.push(event[i] === 1);
      riskMin = Math.min(riskMin, v);
      riskMax = Math.max(riskMax, v);
      if (event[i] === 1) {
        pending.eventMin = Math.min(pending.eventMin, v);
        pending.eventMax = Math.max(pending.eventMax, v);
      }
    }
    // A time with only censorings joins the next (earlier) group's risk set.
    if (pending.event.some((e) => e)) {
      groups.push({ ...pending, riskMin, riskMax });
      pending = { x: [], event: [], eventMin: Infinity, eventMax: -Infinity, riskMin, riskMax };
    }
  }
  return groups;
}

/** Efron log partial likelihood, score and information at β (groups in decreasing time). */
function efron(beta: number, groups: readonly TimeGroup[]): { loglik: number; u: number; imat: number } {
  let loglik = 0;
  let u = 0;
  let imat = 0;
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  for (const g of groups) {
    let t0 = 0;
    let t1 = 0;
    let t2 = 0;
    let d = 0;
    let xSum = 0;
    g.x.forEach((v, j) => {
      const w = Math.exp(beta * v);
      s0 += w;
      s1 += w * v;
      s2 += w * v * v;
      if (g.event[j]) {
        d++;
        xSum += v;
        t0 += w;
        t1 += w * v;
        t2 += w * v * v;
      }
    });
    loglik += beta * xSum;
    u += xSum;
    for (let k = 0; k < d; k++) {
      const f = k / d;
      const a0 = s0 - f * t0;
      const m = (s1 - f * t1) / a0;
      loglik -= Math.log(a0);
      u -= m;
      imat += (s2 - f * t2) / a0 - m * m;
    }
  }
  return { loglik, u, imat };
}

/**
 * lim ℓ(β) as β → ±∞ when the likelihood is monotone: at each event time with d events, all
 * at the extreme x shared by m of the risk set, the Efron term tends to −Σ_k log(m − k).
 */
function supremum(groups: readonly TimeGroup[], side: 'max' | 'min'): number {
  let sup = 0;
  const atRisk = new Map<number, number>(); // count per x value at risk so far (decreasing time)
  for (const g of groups) {
    for (const v of g.x) atRisk.set(v, (atRisk.get(v) ?? 0) + 1);
    const m = atRisk.get(side === 'max' ? g.riskMax : g.riskMin)!;
    const d = g.event.filter((e) => e).length;
    for (let k = 0; k < d; k++) sup -= Math.log(m - k);
  }
  return sup;
}

/** Likelihood-ratio chi-square on 1 df, P = 2Φ(−√statistic); rounding below 0 is set to 0. */
function lrTest(loglik0: number, loglik1: number): { statistic: number; df: 1; p: number } {
  const statistic = Math.max(0, 2 * (loglik1 - loglik0));
  return { statistic, df: 1, p: Math.min(1, 2 * (jStat.normal.cdf(-Math.sqrt(statistic), 0, 1) as number)) };
}
