/**
 * Newcombe's hybrid score interval for a difference of two independent proportions.
 */
import { checkCounts } from './clopper-pearson.ts';
import { wilsonInterval } from './wilson.ts';

/** A risk difference p1 − p2 (fractions, −1…1) with its interval [low, high]. */
export interface NewcombeResult {
  estimate: number;
  ci: [number, number];
}

/**
 * Difference of proportions p1 − p2 = x1/n1 − x2/n2 (intervention minus control, as
 * fractions) with Newcombe's hybrid score interval, method 10 of Newcombe 1998 (Stat Med
 * 17:873–890), built from the two Wilson score intervals [l1, u1] and [l2, u2] without
 * continuity correction (see wilsonInterval):
 *
 *   low  = d − √((p1 − l1)² + (u2 − p2)²)
 *   high = d + √((u1 − p1)² + (p2 − l2)²)
 *
 * Defined for every table with n1, n2 ≥ 1, zero cells included (0/10 − 0/20 gives
 * −0.1611 to 0.2775), and always within [−1, 1]. Reproduces Newcombe's Table II, e.g.
 * 56/70 − 48/80: 0.2000, 0.0524 to 0.3339.
 *
 * @example newcombeDifference(9, 10, 3, 10, 0.95) // { estimate: 0.6, ci: [0.17052…, 0.80901…] }
 */
export function newcombeDifference(x1: number, n1: number, x2: number, n2: number, confidence: number): NewcombeResult {
  checkCounts(x1, n1, 'newcombeDifference');
  checkCounts(x2, n2, 'newcombeDifference');
  const [l1, u1] = wilsonInterval(x1, n1, confidence);
  const [l2, u2] = wilsonInterval(x2, n2, confidence);
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const d = p1 - p2;
  const low = d - Math.hypot(p1 - l1, u2 - p2);
  const high = d + Math.hypot(u1 - p1, p2 - l2);
  return { estimate: d, ci: [Math.max(-1, low), Math.min(1, high)] };
}
