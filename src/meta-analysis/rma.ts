/**
 * The random-effects (and fixed-effect) meta-analysis model yᵢ = xᵢᵀβ + uᵢ + εᵢ,
 * uᵢ ~ N(0, τ²), εᵢ ~ N(0, vᵢ), fitted as R's `metafor::rma.uni` (Viechtbauer 2010, J Stat
 * Softw 36(3)) does it, step for step, so that the numbers agree with it to many digits:
 * τ² by DerSimonian–Laird or REML, then weighted least squares with wᵢ = 1/(vᵢ + τ²), Wald
 * (z) or Knapp–Hartung (t) inference, Cochran's Q, I² and H².
 */
import { chiSquareUpperTail } from '../stats/chi-square-tail.ts';
import { inverseQuadraticForm } from '../stats/cholesky.ts';
import { tQuantile, tTwoSidedP } from '../stats/t-distribution.ts';
import { normalQuantileTwoSided } from '../stats/wilson.ts';
import { fUpperTail } from './f-distribution.ts';
import { projectionMatrix, trace, wlsFit } from './weighted-least-squares.ts';

/**
 * How τ² is estimated: 'REML' restricted maximum likelihood (Viechtbauer 2005, J Educ
 * Behav Stat 30:261), 'DL' DerSimonian & Laird 1986 (Control Clin Trials 7:177), or 'FE'
 * none (τ² = 0: the fixed-effect, inverse-variance model).
 */
export type Tau2Method = 'REML' | 'DL' | 'FE';

/**
 * Inference on the coefficients: 'z' Wald with the normal distribution, or 'knha' the
 * Knapp–Hartung / Hartung–Knapp–Sidik–Jonkman method (Hartung & Knapp 2001, Stat Med
 * 20:3875; Sidik & Jonkman 2002, Stat Med 21:3153; Knapp & Hartung 2003, Stat Med 22:2693):
 * the covariance matrix times s² = Σ wᵢ (yᵢ − xᵢᵀβ)² / (k − p), and t with k − p degrees of
 * freedom. As metafor's `test = "knha"`, s² is used even when below 1 (no truncation; that
 * is metafor's `test = "adhoc"`).
 */
export type TestMethod = 'z' | 'knha';

/** Options of fitRma. */
export interface RmaOptions {
  /** Default 'REML'. */
  method?: Tau2Method;
  /** Default 'z'. */
  test?: TestMethod;
  /** Confidence level as a fraction (default 0.95). */
  level?: number;
}

/** The Fisher scoring for REML did not converge in metafor's 100 iterations. */
export class ConvergenceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConvergenceError';
  }
}

/** A fitted meta-analysis model, on the scale of the effects (log risk ratio here). */
export interface RmaFit {
  /** Number of studies. */
  k: number;
  /** Number of coefficients (1 without moderators). */
  p: number;
  method: Tau2Method;
  /** The test used: 'z' whenever k = 1 (as metafor, which then switches knha off). */
  test: TestMethod;
  level: number;
  /** Coefficients β (intercept first). */
  beta: number[];
  /** Their covariance matrix (times s² under knha). */
  vb: number[][];
  se: number[];
  /** z or t statistics β/se. */
  statistic: number[];
  /** Two-sided p-values (normal under z, t with df under knha). */
  p_value: number[];
  ci: [number, number][];
  /** Degrees of freedom of t under knha (k − p); null under z. */
  df: number | null;
  /** Critical value of the intervals: z or t quantile at (1 + level)/2. */
  crit: number;
  /** Knapp–Hartung scale s² (1 under z). */
  s2w: number;
  /** Between-study variance τ² (0 for FE). */
  tau2: number;
  /** Its standard error as metafor reports it (REML: √(2/ΣP²ᵢⱼ); DL: from the moments); null for FE. */
  se_tau2: number | null;
  /** Fisher scoring iterations (REML), else null. */
  iterations: number | null;
  /** "Typical" within-study variance (k − p)/tr(P) of Higgins & Thompson, with P at τ² = 0. */
  vt: number;
  /** I² = τ²/(τ² + vt) as a fraction (FE: max(0, (Q − df)/Q)), Higgins & Thompson 2002, Stat Med 21:1539. */
  i2: number;
  /** H² = τ²/vt + 1 (FE: Q/df). */
  h2: number;
  /** Cochran's Q (QE with moderators): Σ (yᵢ − xᵢᵀβ̂_FE)²/vᵢ. */
  q: number;
  q_df: number;
  /** P(χ²_{k−p} ≥ Q). */
  q_p: number;
  /** Omnibus test of the moderators (of the intercept when p = 1): Wald χ² under z, F = QM/m under knha. */
  qm: number | null;
  qm_df: [number, number | null];
  qm_p: number | null;
  /** Model weights 1/(vᵢ + τ²), unnormalized. */
  weights: number[];
  /** The data the model was fitted to (for predictions and the τ² interval). */
  yi: number[];
  vi: number[];
  X: number[][];
}

// metafor's rma.uni control defaults (metafor 3.8): REML stops when τ² changes by at
// most `threshold`; `tol` is the log-likelihood margin of its check at τ² = 0.
const REML_THRESHOLD = 1e-5;
const REML_MAXITER = 100;
const LL0_TOL = Number.EPSILON ** 0.25;

function validate(yi: readonly number[], vi: readonly number[], X: readonly (readonly number[])[]): void {
  const k = yi.length;
  if (k < 1) throw new RangeError('meta-analysis: no studies');
  if (vi.length !== k || X.length !== k) throw new RangeError('meta-analysis: yi, vi and the model matrix must have one row per study');
  yi.forEach((y, i) => {
    if (!Number.isFinite(y)) throw new RangeError(`meta-analysis: effect ${i + 1} is not a finite number`);
    if (!(vi[i]! > 0 && Number.isFinite(vi[i]!))) throw new RangeError(`meta-analysis: sampling variance ${i + 1} must be a positive finite number, got ${vi[i]}`);
  });
  const p = X[0]!.length;
  if (p < 1 || X.some((row) => row.length !== p || row.some((v) => !Number.isFinite(v)))) {
    throw new RangeError('meta-analysis: the model matrix must be rectangular and finite');
  }
}

/** REML log-likelihood up to a constant (metafor's ll.REML without the 2π term). */
function remlLogLik(yi: readonly number[], vi: readonly number[], X: readonly (readonly number[])[], tau2: number): number {
  const w = vi.map((v) => 1 / (v + tau2));
  const fit = wlsFit(X, yi, w);
  return -0.5 * vi.reduce((s, v) => s + Math.log(v + tau2), 0) - 0.5 * fit.logDetXwx - 0.5 * fit.rss;
}

/** DerSimonian–Laird τ² (method of moments with w = 1/v), truncated at 0, and its standard error. */
function tau2DL(yi: readonly number[], vi: readonly number[], X: readonly (readonly number[])[]): { tau2: number; se: number } {
  const k = yi.length;
  const p = X[0]!.length;
  const w = vi.map((v) => 1 / v);
  const fit = wlsFit(X, yi, w);
  const P = projectionMatrix(X, w, fit.xwxInverse);
  const trP = trace(P);
  const tau2 = Math.max(0, (fit.rss - (k - p)) / trP);
  const sumPP = P.reduce((s, row) => s + row.reduce((t, v) => t + v * v, 0), 0);
  const se = Math.sqrt((2 * (k - p) + 4 * tau2 * trP + 2 * tau2 * tau2 * sumPP) / (trP * trP));
  return { tau2, se };
}

/**
 * REML τ² by Fisher scoring exactly as metafor's rma.uni: start at the Hedges (HE)
 * estimate truncated at 0, step by (yᵀPPy − tr P)/tr(PP), halve a step that would make τ²
 * negative, stop when τ² changes by at most 1e-5 (error after 100 iterations). Then, as
 * metafor's `ll0check`, τ² = 0 when the restricted likelihood at 0 is higher by more than
 * ε^¼ (the scoring can stall at a local maximum).
 */
function tau2REML(yi: readonly number[], vi: readonly number[], X: readonly (readonly number[])[]): { tau2: number; se: number; iterations: number } {
  const k = yi.length;
  const p = X[0]!.length;
  // Hedges' estimator from the ordinary least-squares residuals: (RSS − tr(P₀V))/(k − p).
  const ones = new Array<number>(k).fill(1);
  const ols = wlsFit(X, yi, ones);
  const P0 = projectionMatrix(X, ones, ols.xwxInverse);
  let trP0V = 0;
  for (let i = 0; i < k; i++) trP0V += P0[i]![i]! * vi[i]!;
  let tau2 = Math.max(0, (ols.rss - trP0V) / (k - p));
  let change = REML_THRESHOLD + 1;
  let iterations = 0;
  while (change > REML_THRESHOLD) {
    iterations++;
    const old = tau2;
    const w = vi.map((v) => 1 / (v + tau2));
    const fit = wlsFit(X, yi, w);
    const P = projectionMatrix(X, w, fit.xwxInverse);
    const Py = P.map((row) => row.reduce((s, v, j) => s + v * yi[j]!, 0));
    const yPPy = Py.reduce((s, v) => s + v * v, 0);
    const trPP = P.reduce((s, row) => s + row.reduce((t, v) => t + v * v, 0), 0);
    let adj = (yPPy - trace(P)) / trPP;
    if (Number.isNaN(adj)) adj = 0;
    // metafor halves until τ² + adj ≥ 0; from τ² = 0 that ends at adj = 0.
    if (tau2 === 0 && adj < 0) adj = 0;
    while (tau2 + adj < 0) adj /= 2;
    tau2 += adj;
    change = Math.abs(old - tau2);
    if (iterations > REML_MAXITER) {
      throw new ConvergenceError('meta-analysis: the REML estimate of τ² did not converge in 100 Fisher scoring iterations');
    }
  }
  if (tau2 > REML_THRESHOLD && remlLogLik(yi, vi, X, 0) - remlLogLik(yi, vi, X, tau2) > LL0_TOL) tau2 = 0;
  tau2 = Math.max(0, tau2);
  const w = vi.map((v) => 1 / (v + tau2));
  const P = projectionMatrix(X, w, wlsFit(X, yi, w).xwxInverse);
  const sumPP = P.reduce((s, row) => s + row.reduce((t, v) => t + v * v, 0), 0);
  return { tau2, se: Math.sqrt(2 / sumPP), iterations };
}

/**
 * Two-sided p-value of a standard normal statistic, 2Φ(−|z|) = P(χ²₁ ≥ z²), through the χ²
 * tail, which keeps its relative accuracy far out (jStat's normal cdf loses it below about
 * 1e-8, and pooled effects of many studies reach 1e-20 and less).
 */
function normalTwoSidedP(z: number): number {
  if (Number.isNaN(z)) return NaN;
  return Math.min(1, chiSquareUpperTail(z * z, 1));
}

/**
 * Fits the meta-analysis model to effects yi with sampling variances vi on the model
 * matrix X (k × p, an intercept column first; default: intercept only), as
 * `metafor::rma(yi, vi, mods = …, method = method, test = test, level = 100·level)`.
 *
 * - τ²: REML (Fisher scoring, metafor's settings) or DL, both truncated at 0; 0 for FE and
 *   whenever k = 1 (then, as metafor, the test is z).
 * - β = (XᵀWX)⁻¹XᵀWy with wᵢ = 1/(vᵢ + τ²); covariance (XᵀWX)⁻¹, times s² under knha.
 * - Q = Σ (yᵢ − xᵢᵀβ̂_FE)²/vᵢ on k − p df (Cochran 1954); vt = (k − p)/tr(P₀) with
 *   P₀ = P at τ² = 0; I² = τ²/(vt + τ²) and H² = τ²/vt + 1 (Higgins & Thompson 2002), which
 *   for DL equal (Q − df)/Q and Q/df; for FE, I² = max(0, (Q − df)/Q), H² = Q/df.
 * - QM: Wald test of the coefficients after the intercept (of the intercept when p = 1);
 *   under knha F = QM/m on (m, k − p) df.
 *
 * Needs k ≥ p + 1 studies to estimate τ² (k ≥ p for FE). Throws a RangeError on invalid
 * input and a ConvergenceError when REML does not converge.
 *
 * @example fitRma([0.1, 0.3, 0.5], [0.04, 0.02, 0.05], null, { method: 'DL' }).tau2 // 0
 */
export function fitRma(yi: readonly number[], vi: readonly number[], X: readonly (readonly number[])[] | null = null, options: RmaOptions = {}): RmaFit {
  const method = options.method ?? 'REML';
  let test = options.test ?? 'z';
  const level = options.level ?? 0.95;
  const Xm = (X ?? yi.map(() => [1])).map((row) => [...row]);
  validate(yi, vi, Xm);
  const k = yi.length;
  const p = Xm[0]!.length;
  if (method === 'FE' ? p > k : p + 1 > k && !(k === 1 && p === 1)) {
    throw new RangeError(`meta-analysis: ${k} stud${k === 1 ? 'y is' : 'ies are'} too few for ${p} coefficient${p === 1 ? '' : 's'}${method === 'FE' ? '' : ' and τ²'}`);
  }
  if (k === 1) test = 'z';
  if (test === 'knha' && k <= p) throw new RangeError('meta-analysis: the Knapp–Hartung method needs more studies than coefficients');

  let tau2 = 0;
  let seTau2: number | null = null;
  let iterations: number | null = null;
  if (method !== 'FE' && k > 1) {
    const est = method === 'DL' ? { ...tau2DL(yi, vi, Xm), iterations: null } : tau2REML(yi, vi, Xm);
    tau2 = est.tau2;
    seTau2 = est.se;
    iterations = est.iterations;
  }

  const weights = vi.map((v) => 1 / (v + tau2));
  const fit = wlsFit(Xm, yi, weights);
  let s2w = 1;
  if (test === 'knha') s2w = fit.rss <= Number.EPSILON ? 0 : fit.rss / (k - p);
  const vb = fit.xwxInverse.map((row) => row.map((v) => v * s2w));
  const se = vb.map((row, a) => Math.sqrt(row[a]!));
  const statistic = fit.beta.map((b, a) => b / se[a]!);
  const df = test === 'knha' ? k - p : null;
  const crit = df === null ? normalQuantileTwoSided(level, 'fitRma') : tQuantile((1 + level) / 2, df);
  const pValue = statistic.map((s) => (df === null ? normalTwoSidedP(s) : tTwoSidedP(s, df)));
  const ci = fit.beta.map((b, a): [number, number] => [b - crit * se[a]!, b + crit * se[a]!]);

  // Omnibus test of the moderators (metafor's btt default: all but the intercept).
  const btt = p > 1 ? Array.from({ length: p - 1 }, (_, a) => a + 1) : [0];
  const m = btt.length;
  let qm = inverseQuadraticForm(
    btt.map((a) => btt.map((b) => vb[a]![b]!)),
    btt.map((a) => fit.beta[a]!),
  );
  let qmP: number | null = null;
  if (qm !== null) {
    if (df === null) qmP = chiSquareUpperTail(qm, m);
    else {
      qm /= m;
      qmP = fUpperTail(qm, m, df);
    }
  }

  // Heterogeneity, always from the fixed-effect weights 1/vᵢ.
  let q = 0;
  let qP = 1;
  let vt = 0;
  let i2 = 0;
  let h2 = 1;
  if (k > p) {
    const w0 = vi.map((v) => 1 / v);
    const fe = wlsFit(Xm, yi, w0);
    q = Math.max(0, fe.rss);
    qP = chiSquareUpperTail(q, k - p);
    vt = (k - p) / trace(projectionMatrix(Xm, w0, fe.xwxInverse));
    if (method === 'FE') {
      i2 = q > 0 ? Math.max(0, (q - (k - p)) / q) : 0;
      h2 = q / (k - p);
    } else {
      i2 = tau2 / (vt + tau2);
      h2 = tau2 / vt + 1;
    }
  }

  return {
    k,
    p,
    method,
    test,
    level,
    beta: fit.beta,
    vb,
    se,
    statistic,
    p_value: pValue,
    ci,
    df,
    crit,
    s2w,
    tau2,
    se_tau2: seTau2,
    iterations,
    vt,
    i2,
    h2,
    q,
    q_df: k - p,
    q_p: qP,
    qm,
    qm_df: [m, df],
    qm_p: qmP,
    weights,
    yi: [...yi],
    vi: [...vi],
    X: Xm,
  };
}
