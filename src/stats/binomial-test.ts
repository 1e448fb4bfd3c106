/**
 * The exact binomial test, as R's `binom.test` (two-sided).
 */
import { binomialLogPmf } from './binomial-pmf.ts';
import { checkCounts, clopperPearson } from './clopper-pearson.ts';
import { logSumExp } from './log-sum-exp.ts';

/** R's relative tolerance for "no more likely than the observed outcome" (binom.test's relErr). */
const REL_ERR = 1 + 1e-7;

/** Result of an exact binomial test: two-sided p-value and Clopper–Pearson interval. */
export interface BinomialTestResult {
  p: number;
  /** Interval for the proportion count/n, [low, high], as fractions. */
  ci: [number, number];
}

/**
 * Exact two-sided test of H0: P(success) = p for `count` successes in `n` trials, equal to
 * R's `binom.test(count, n, p, conf.level = confidenceLevel)` (p.value and conf.int).
 *
 * The p-value sums the probabilities of all outcomes no more likely than the observed one,
 * where "no more likely" is P(k) ≤ P(count)·(1 + 1e-7) as in R, so outcomes that are equally
 * likely in exact arithmetic are counted even when rounding makes them differ in the last
 * bits (for example binom.test(1, 6, 0.5) gives 0.21875, not 0.125). p = 0 or 1 gives 1 when
 * the count is the only possible one, else 0, as R. The interval is Clopper–Pearson.
 *
 * @example binomialTest(229, 410, 0.5, 0.95) // { p: 0.0201660713848…, ci: [0.50897…, 0.60724…] }
 */
export function binomialTest(count: number, n: number, p: number, confidenceLevel: number): BinomialTestResult {
  checkCounts(count, n, 'binomialTest');
  if (!(p >= 0 && p <= 1)) throw new RangeError(`binomialTest: p must lie between 0 and 1, got ${p}`);
  return { p: twoSidedP(count, n, p), ci: clopperPearson(count, n, confidenceLevel) };
}

/**
 * R's two-sided rule: the observed tail, plus the outcomes on the far side of the mean
 * n·p whose probability does not exceed the observed one (the pmf is monotone there, so
 * they form a tail too).
 */
function twoSidedP(x: number, n: number, p: number): number {
  if (p === 0) return x === 0 ? 1 : 0;
  if (p === 1) return x === n ? 1 : 0;
  const m = n * p;
  if (x === m) return 1;
  const lp = binomialLogPmf(n, p);
  const limit = lp[x]! + Math.log(REL_ERR);
  let logP: number;
  if (x < m) {
    let y = 0; // outcomes in ⌈m⌉…n no more likely than x: the top y of them
    for (let i = Math.ceil(m); i <= n; i++) if (lp[i]! <= limit) y++;
    logP = logSumExp([logSumExp(lp, 0, x + 1), logSumExp(lp, n - y + 1, n + 1)]);
  } else {
    let y = 0; // outcomes in 0…⌊m⌋ no more likely than x: the bottom y of them
    for (let i = 0; i <= Math.floor(m); i++) if (lp[i]! <= limit) y++;
    logP = logSumExp([logSumExp(lp, 0, y), logSumExp(lp, x, n + 1)]);
  }
  return Math.min(1, Math.exp(logP));
}
