/**
 * wilsonInterval against R 4.2's prop.test without continuity correction, the independent
 * reference. Every expected value is printed by the R call beside it with sprintf('%.17g', …).
 */
import { describe, expect, it } from 'vitest';
import { wilsonInterval } from '../../src/stats/wilson.ts';

function expectClose(actual: number, expected: number, rel = 1e-13): void {
  if (expected === 0) expect(actual).toBe(0);
  else expect(Math.abs(actual - expected) / Math.abs(expected)).toBeLessThan(rel);
}

function expectR(x: number, n: number, level: number, r: [number, number], rel = 1e-13): void {
  const [low, high] = wilsonInterval(x, n, level);
  expectClose(low, r[0], rel);
  expectClose(high, r[1], rel);
}

describe('wilsonInterval', () => {
  it('matches R for the arms of Newcombe’s example (a)', () => {
    // prop.test(56, 70, correct = FALSE)$conf.int
    expectR(56, 70, 0.95, [0.69183355503746946, 0.87695260751637039]);
    // prop.test(48, 80, correct = FALSE)$conf.int
    expectR(48, 80, 0.95, [0.49045465005160405, 0.70038172404129073]);
    // prop.test(229, 410, correct = FALSE)$conf.int
    expectR(229, 410, 0.95, [0.51014869506873939, 0.60583775089243508]);
    // prop.test(5, 10, correct = FALSE)$conf.int: symmetric about 1/2
    expectR(5, 10, 0.95, [0.23659309051256402, 0.76340690948743595]);
  });

  it('uses the confidence level', () => {
    // prop.test(3, 10, correct = FALSE, conf.level = 0.9)$conf.int
    expectR(3, 10, 0.9, [0.12687658390319789, 0.55830020413016479]);
    // prop.test(7, 10, correct = FALSE, conf.level = 0.99)$conf.int
    expectR(7, 10, 0.99, [0.32002467920110256, 0.92043368347693422]);
  });

  it('gives the edges 0 and 1 exactly when x is 0 or n, n = 1 included', () => {
    // prop.test(0, 10, correct = FALSE)$conf.int
    expectR(0, 10, 0.95, [0, 0.27753279986288915]);
    // prop.test(10, 10, correct = FALSE)$conf.int
    expectR(10, 10, 0.95, [0.72246720013711085, 1]);
    // prop.test(0, 1, correct = FALSE)$conf.int
    expectR(0, 1, 0.95, [0, 0.79345068562276255]);
    // prop.test(1, 1, correct = FALSE)$conf.int
    expectR(1, 1, 0.95, [0.2065493143772375, 1]);
    expect(wilsonInterval(0, 10, 0.95)[0]).toBe(0);
    expect(wilsonInterval(10, 10, 0.95)[1]).toBe(1);
  });

  it('keeps relative accuracy at the edges for large n', () => {
    // prop.test(1, 40000, correct = FALSE)$conf.int
    expectR(1, 40000, 0.95, [4.413127504847575e-6, 0.0001416093195320758], 1e-14);
    // prop.test(1, 1e7, correct = FALSE)$conf.int
    expectR(1, 1e7, 0.95, [1.7652455711617401e-8, 5.6649320196064601e-7], 1e-14);
    // R's lower bounds above are 4e-15 and 1.5e-15 off: its closed form subtracts two
    // numbers near 2.9 to get one near 0.18. The exact roots, from the closed form in
    // 50-digit arithmetic (Python mpmath, z = √2·erfinv(0.95)), are met to a few ulps:
    expectClose(wilsonInterval(1, 40000, 0.95)[0], 4.4131275048475574e-6, 1e-15);
    expectClose(wilsonInterval(1, 1e7, 0.95)[0], 1.7652455711617428e-8, 1e-15);
    // prop.test(39999, 40000, correct = FALSE)$conf.int
    expectR(39999, 40000, 0.95, [0.99985839068046778, 0.99999558687249501]);
    // prop.test(12000, 40000, correct = FALSE)$conf.int
    expectR(12000, 40000, 0.95, [0.2955285383485512, 0.30450987255080852]);
  });

  it('is symmetric: the interval of n − x is the reflection of that of x', () => {
    for (const [x, n] of [[3, 17], [0, 5], [1, 2], [12, 25]] as const) {
      const [lo, hi] = wilsonInterval(x, n, 0.95);
      const [lo2, hi2] = wilsonInterval(n - x, n, 0.95);
      expect(Math.abs(lo - (1 - hi2))).toBeLessThan(1e-15);
      expect(Math.abs(hi - (1 - lo2))).toBeLessThan(1e-15);
    }
  });

  it('gives [0, 1] for n = 0', () => {
    expect(wilsonInterval(0, 0, 0.95)).toEqual([0, 1]);
  });

  it('rejects impossible inputs with a RangeError', () => {
    for (const args of [
      [-1, 10, 0.95],
      [11, 10, 0.95],
      [1.5, 10, 0.95],
      [1, 0, 0.95],
      [0, -1, 0.95],
      [0, 2.5, 0.95],
      [1, 10, 0],
      [1, 10, 1],
      [1, 10, NaN],
      [0, 0, 1.5],
    ] as [number, number, number][]) {
      expect(() => wilsonInterval(...args)).toThrow(RangeError);
    }
  });
});
