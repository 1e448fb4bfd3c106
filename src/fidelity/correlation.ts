/**
 * Pearson's and Spearman's correlation of paired values with the tests and interval of R's
 * `cor.test`. General routines (nothing here is about fidelity), kept beside their only
 * user until a second one wants them in src/stats.
 */
import { tTwoSidedP } from '../stats/t-distribution.ts';
import { normalQuantileTwoSided } from '../stats/wilson.ts';

/** Why a correlation (or only its interval) cannot be given. */
export type CorrelationGap =
  /** Fewer than 3 pairs: r has no test (n − 2 = 0 degrees of freedom). */
  | 'too_few_pairs'
  /** Every x is the same: r is 0/0. */
  | 'constant_x'
  /** Every y is the same: r is 0/0. */
  | 'constant_y'
  /** Only the interval: Fisher's z has standard error 1/√(n − 3), so it needs n ≥ 4. */
  | 'interval_needs_four_pairs';

export interface PearsonTest {
  n: number;
  /** Pearson's r, or null (see `gap`). */
  r: number | null;
  /** Fisher-z interval at `confidence`, or null (see `gap`). */
  ci: [number, number] | null;
  /** Two-sided p of the t test of r = 0 on n − 2 degrees of freedom, or null. */
  p: number | null;
  confidence: number;
  /** Why r, ci or p is null; null when all are given. */
  gap: CorrelationGap | null;
}

/**
 * Pearson's product-moment correlation of x and y (paired, finite) with the two-sided
 * t test (t = r √((n − 2)/(1 − r²)), n − 2 df) and the Fisher-z interval
 * tanh(atanh(r) ± z₍₁₊c₎/₂ / √(n − 3)), as R's `cor.test(x, y, conf.level = confidence)`.
 * r, p and ci are null for fewer than 3 pairs or a constant x or y; ci alone is null for
 * 3 pairs, where R gives no interval either.
 *
 * @example pearsonTest([97, 101, 103, 105, 108, 109], [0.05, 0.12, 0.08, 0.15, 0.11, 0.2]).r // 0.77616…
 */
export function pearsonTest(x: readonly number[], y: readonly number[], confidence = 0.95): PearsonTest {
  checkPairs(x, y, 'pearsonTest');
  const z = normalQuantileTwoSided(confidence, 'pearsonTest');
  const n = x.length;
  const none = (gap: CorrelationGap): PearsonTest => ({ n, r: null, ci: null, p: null, confidence, gap });
  if (n < 3) return none('too_few_pairs');
  if (isConstant(x)) return none('constant_x');
  if (isConstant(y)) return none('constant_y');
  const r = pearsonR(x, y);
  // r = ±1 gives t = ±∞ and p = 0, as in R.
  const p = tTwoSidedP(r * Math.sqrt((n - 2) / (1 - r * r)), n - 2);
  if (n < 4) return { n, r, ci: null, p, confidence, gap: 'interval_needs_four_pairs' };
  const zr = Math.atanh(r);
  const half = z / Math.sqrt(n - 3);
  return { n, r, ci: [Math.tanh(zr - half), Math.tanh(zr + half)], p, confidence, gap: null };
}

export interface SpearmanTest {
  n: number;
  /** Spearman's rho (Pearson's r of the mid-ranks), or null (see `gap`). */
  rho: number | null;
  /** Two-sided p of rho = 0, or null. */
  p: number | null;
  /**
   * How p was found: `exact`, from all n! orderings (no ties, n ≤ 9), as R's default;
   * `t_approximation`, rho √((n − 2)/(1 − rho²)) on n − 2 df, as R's `exact = FALSE`
   * (R's default for ties; for n ≥ 10 without ties R's default uses the Edgeworth series of
   * AS 89 instead, which can differ in the second digit near p = 0.05).
   */
  p_method: 'exact' | 't_approximation' | null;
  /** True when x or y has tied values (mid-ranks are then used). */
  ties: boolean;
  gap: Exclude<CorrelationGap, 'interval_needs_four_pairs'> | null;
}

/** Largest n whose exact null distribution is enumerated (9! = 362 880 orderings, as R's AS 89 code). */
export const SPEARMAN_EXACT_MAX_N = 9;

/**
 * Spearman's rank correlation of x and y (paired, finite), as R's
 * `cor.test(x, y, method = "spearman")`: rho is Pearson's r of the mid-ranks; the two-sided
 * p is exact (all n! orderings) without ties for n ≤ 9, and otherwise the t approximation
 * (see `p_method`). Null for fewer than 3 pairs or a constant x or y.
 *
 * @example spearmanTest([97, 101, 103, 105, 108, 109], [0.05, 0.12, 0.08, 0.15, 0.11, 0.2]) // { rho: 0.71428…, p: 0.13611…, p_method: 'exact' }
 */
export function spearmanTest(x: readonly number[], y: readonly number[]): SpearmanTest {
  checkPairs(x, y, 'spearmanTest');
  const n = x.length;
  const ties = new Set(x).size < n || new Set(y).size < n;
  const none = (gap: NonNullable<SpearmanTest['gap']>): SpearmanTest => ({ n, rho: null, p: null, p_method: null, ties, gap });
  if (n < 3) return none('too_few_pairs');
  if (isConstant(x)) return none('constant_x');
  if (isConstant(y)) return none('constant_y');
  const rx = midRanks(x);
  const ry = midRanks(y);
  const rho = pearsonR(rx, ry);
  if (!ties && n <= SPEARMAN_EXACT_MAX_N) {
    // S = Σ (rank difference)², an even whole number; rho = 1 − 6S/(n³ − n) without ties.
    const s = rx.reduce((acc, r, i) => acc + (r - ry[i]!) ** 2, 0);
    const counts = spearmanNullCounts(n);
    const total = counts.reduce((a, c) => a + c, 0);
    // The tail away from the null's centre (n³ − n)/6, doubled, as R's cor.test.
    let tail = 0;
    if (s > (n * n * n - n) / 6) for (let v = s; v < counts.length; v++) tail += counts[v]!;
    else for (let v = 0; v <= s; v++) tail += counts[v]!;
    return { n, rho, p: Math.min(1, (2 * tail) / total), p_method: 'exact', ties, gap: null };
  }
  const p = tTwoSidedP(rho * Math.sqrt((n - 2) / (1 - rho * rho)), n - 2);
  return { n, rho, p, p_method: 't_approximation', ties, gap: null };
}

/** Ranks 1 … n of xs, ties given the mean of the ranks they share (as R's rank()). */
export function midRanks(xs: readonly number[]): number[] {
  const order = xs.map((_, i) => i).sort((a, b) => xs[a]! - xs[b]! || a - b);
  const ranks = new Array<number>(xs.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && xs[order[j + 1]!] === xs[order[i]!]) j++;
    const mid = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) ranks[order[k]!] = mid;
    i = j + 1;
  }
  return ranks;
}

/** Pearson's r of two non-constant series: centred sums (two passes), clamped to [−1, 1]. */
function pearsonR(x: readonly number[], y: readonly number[]): number {
  const n = x.length;
  const mx = x.reduce((a, v) => a + v, 0) / n;
  const my = y.reduce((a, v) => a + v, 0) / n;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i]! - mx;
    const dy = y[i]! - my;
    sxx += dx * dx;
    syy += dy * dy;
    sxy += dx * dy;
  }
  return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
}

const nullCounts = new Map<number, number[]>();

/**
 * counts[s] = number of the n! orderings whose Σ (i − π(i))² equals s, by enumerating
 * them (Heap's algorithm); cached per n.
 */
function spearmanNullCounts(n: number): number[] {
  const cached = nullCounts.get(n);
  if (cached) return cached;
  const counts = new Array<number>((n * n * n - n) / 3 + 1).fill(0);
  const perm = Array.from({ length: n }, (_, i) => i);
  const sumSq = () => perm.reduce((acc, v, i) => acc + (v - i) ** 2, 0);
  counts[sumSq()]!++;
  const c = new Array<number>(n).fill(0);
  for (let i = 1; i < n; ) {
    if (c[i]! < i) {
      const j = i % 2 === 0 ? 0 : c[i]!;
      [perm[j], perm[i]] = [perm[i]!, perm[j]!];
      counts[sumSq()]!++;
      c[i]!++;
      i = 1;
    } else {
      c[i] = 0;
      i++;
    }
  }
  nullCounts.set(n, counts);
  return counts;
}

function isConstant(xs: readonly number[]): boolean {
  return xs.every((v) => v === xs[0]);
}

function checkPairs(x: readonly number[], y: readonly number[], caller: string): void {
  if (x.length !== y.length) throw new RangeError(`${caller}: x and y must have the same length, got ${x.length} and ${y.length}`);
  if (!x.every(Number.isFinite) || !y.every(Number.isFinite)) throw new RangeError(`${caller}: every value must be a finite number`);
}
