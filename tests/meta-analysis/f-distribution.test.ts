/**
 * fUpperTail against R 4.2.2:
 *   cs <- rbind(c(2.5, 1, 5), c(3.7, 2, 10), c(0.4, 3, 7), c(12.3, 2, 4), c(25, 1, 12), c(1.1, 4, 3),
 *               c(0.001, 2, 30), c(80, 3, 20), c(1e-6, 1, 1), c(5, 7, 9))
 *   sprintf("%.17g", pf(cs[, 1], cs[, 2], cs[, 3], lower.tail = FALSE))
 */
import { describe, expect, it } from 'vitest';
import { fUpperTail } from '../../src/meta-analysis/f-distribution.ts';
import { expectRel } from './expect-close.ts';

const CASES: [number, number, number, number][] = [
  [2.5, 1, 5, 0.17468781426411936],
  [3.7, 2, 10, 0.062698010260306442],
  [0.4, 3, 7, 0.75750247175529983],
  [12.3, 2, 4, 0.019560858721697882],
  [25, 1, 12, 0.00030931121128388871],
  [1.1, 4, 3, 0.48834935497835197],
  [0.001, 2, 30, 0.99900053313191228],
  [80, 3, 20, 2.5884493239519385e-11],
  [1e-6, 1, 1, 0.99936338043983886],
  [5, 7, 9, 0.014548958081850489],
];

describe('fUpperTail', () => {
  it('matches R pf(f, df1, df2, lower.tail = FALSE) to 1e-13', () => {
    for (const [f, d1, d2, p] of CASES) expectRel(fUpperTail(f, d1, d2), p, `pf(${f}, ${d1}, ${d2})`, 1e-13);
  });

  it('is 1 at 0 and 0 at infinity', () => {
    expect(fUpperTail(0, 2, 5)).toBe(1);
    expect(fUpperTail(Infinity, 2, 5)).toBe(0);
  });

  it('rejects fractional degrees of freedom and negative f', () => {
    expect(() => fUpperTail(1, 1.5, 3)).toThrow(RangeError);
    expect(() => fUpperTail(-1, 1, 3)).toThrow(RangeError);
  });
});
