/**
 * Monte Carlo randomization (re-randomization) test: how often an allocation the design
 * could have produced gives a statistic at least as extreme as the one observed
 * (Rosenberger & Lachin 2016, ch. 6). Two-sided on |statistic|.
 */

/** Relative tolerance under which a redrawn statistic counts as equal to the observed one (float noise). */
const TIE_TOLERANCE = 1e-9;

/** Redraws counted: how many were defined, and how many of those were at least as extreme as observed. */
export interface RedrawCounts {
  extreme: number;
  defined: number;
}

/** |t| at or above this counts as at least as extreme as `observed` (float noise aside). */
export function extremeThreshold(observed: number): number {
  return Math.abs(observed) * (1 - TIE_TOLERANCE);
}

/**
 * Counts `permutations` redraws: `redraw` returns the statistic under one new allocation,
 * or null when it is undefined there (an arm left empty), which is not counted as defined.
 * Chunks of a test count separately and add up (randomizationPValueOf).
 */
export function countRedraws(observed: number, redraw: () => number | null, permutations: number): RedrawCounts {
  const threshold = extremeThreshold(observed);
  let extreme = 0;
  let defined = 0;
  for (let b = 0; b < permutations; b++) {
    const t = redraw();
    if (t === null) continue;
    defined++;
    if (Math.abs(t) >= threshold) extreme++;
  }
  return { extreme, defined };
}

/** p = (1 + extreme) / (1 + defined) (Phipson & Smyth 2010: never 0, and exact as a Monte Carlo p-value). */
export function randomizationPValueOf(counts: RedrawCounts): { p: number; permutations: number } {
  return { p: (1 + counts.extreme) / (1 + counts.defined), permutations: counts.defined };
}

/**
 * p = (1 + #{|T*| ≥ |T|}) / (1 + B) over B redraws (Phipson & Smyth 2010: never 0, and
 * exact as a Monte Carlo p-value). `redraw` returns the statistic under one new
 * allocation, or null when it is undefined there (an arm left empty); those redraws are
 * skipped and B counts only the defined ones.
 */
export function randomizationPValue(observed: number, redraw: () => number | null, permutations: number): { p: number; permutations: number } {
  return randomizationPValueOf(countRedraws(observed, redraw, permutations));
}
