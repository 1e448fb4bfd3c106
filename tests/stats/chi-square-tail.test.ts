/** chiSquareUpperTail against R 4.2's pchisq(x, df, lower.tail = FALSE), printed with sprintf('%.17g', …). */
import { describe, expect, it } from 'vitest';
import { chiSquareUpperTail } from '../../src/stats/chi-square-tail.ts';

describe('chiSquareUpperTail', () => {
  it('matches R across df and both branches, small tails to full relative accuracy', () => {
    const cases: [number, number, number][] = [
      [0.5, 1, 0.47950012218695348],
      [3.84, 1, 0.050043521248705224],
      [50, 1, 1.5374597944280343e-12],
      [2, 2, 0.36787944117144233],
      [7.8, 3, 0.050331097859853374],
      [3.8385274519255006, 3, 0.27943643482653119],
      [40, 3, 1.0655090334255863e-8],
      [0.3, 5, 0.99764308626052878],
      [12, 4, 0.017351265236664512],
      [300, 3, 9.948758346327708e-65],
      [1e-3, 6, 0.99999999997917444],
    ];
    for (const [x, df, p] of cases) expect(Math.abs(chiSquareUpperTail(x, df) - p)).toBeLessThanOrEqual(1e-13 * p);
  });

  it('handles the ends and refuses bad arguments', () => {
    expect(chiSquareUpperTail(0, 3)).toBe(1);
    expect(chiSquareUpperTail(Infinity, 3)).toBe(0);
    expect(() => chiSquareUpperTail(1, 1.5)).toThrow(RangeError);
    expect(() => chiSquareUpperTail(-1, 1)).toThrow(RangeError);
  });
});
