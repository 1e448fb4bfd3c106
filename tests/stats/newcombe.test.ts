/**
 * newcombeDifference against Newcombe 1998 (Stat Med 17:873–890), Table II, method 10, and
 * against the same method written by hand in R 4.2 (base R), printed with sprintf('%.17g', …):
 *
 *   wil <- function(x, n, conf = 0.95) prop.test(x, n, correct = FALSE, conf.level = conf)$conf.int
 *   nc <- function(x1, n1, x2, n2, conf = 0.95) {
 *     p1 <- x1/n1; p2 <- x2/n2; w1 <- wil(x1, n1, conf); w2 <- wil(x2, n2, conf); d <- p1 - p2
 *     c(d, d - sqrt((p1 - w1[1])^2 + (w2[2] - p2)^2), d + sqrt((w1[2] - p1)^2 + (p2 - w2[1])^2))
 *   }
 */
import { describe, expect, it } from 'vitest';
import { newcombeDifference } from '../../src/stats/newcombe.ts';

function expectClose(actual: number, expected: number, abs = 1e-14): void {
  expect(Math.abs(actual - expected)).toBeLessThan(abs);
}

/**
 * Table II, method 10 ("score, no CC"), to the paper's 4 decimals. The table itself was not
 * at hand: the rows are as quoted from it by several independent implementations, and every
 * row is reproduced to 4 decimals by the hand-written R function above.
 */
const TABLE_II: [label: string, x1: number, n1: number, x2: number, n2: number, low: number, high: number][] = [
  ['(a)', 56, 70, 48, 80, 0.0524, 0.3339],
  ['(b)', 9, 10, 3, 10, 0.1705, 0.809],
  ['(c)', 6, 7, 2, 7, 0.0582, 0.8062],
  ['(d)', 5, 56, 0, 29, -0.0381, 0.1926],
  ['(e)', 0, 10, 0, 20, -0.1611, 0.2775],
  ['(f)', 0, 10, 0, 10, -0.2775, 0.2775],
  ['(g)', 10, 10, 0, 20, 0.6791, 1],
  ['(h)', 10, 10, 0, 10, 0.6075, 1],
];

describe('newcombeDifference', () => {
  for (const [label, x1, n1, x2, n2, low, high] of TABLE_II) {
    it(`reproduces Newcombe 1998 Table II ${label}: ${x1}/${n1} − ${x2}/${n2} → ${low} to ${high}`, () => {
      const r = newcombeDifference(x1, n1, x2, n2, 0.95);
      expectClose(r.estimate, x1 / n1 - x2 / n2);
      // to 4 decimals: within half a unit of the 4th
      expect(Math.abs(r.ci[0] - low)).toBeLessThanOrEqual(0.00005);
      expect(Math.abs(r.ci[1] - high)).toBeLessThanOrEqual(0.00005);
    });
  }

  it('matches the hand-written R to full precision', () => {
    const cases: [number, number, number, number, number, number, number][] = [
      // nc(56, 70, 48, 80)
      [56, 70, 48, 80, 0.20000000000000007, 0.052431472402364926, 0.33387265403690586],
      // nc(9, 10, 3, 10)
      [9, 10, 3, 10, 0.60000000000000009, 0.17052272393450307, 0.80901797353548799],
      // nc(6, 7, 2, 7)
      [6, 7, 2, 7, 0.5714285714285714, 0.058227927482312314, 0.80624963752422774],
      // nc(5, 56, 0, 29)
      [5, 56, 0, 29, 0.089285714285714288, -0.038137147903536853, 0.19256001385511157],
      // nc(0, 10, 0, 20)
      [0, 10, 0, 20, 0, -0.1611251580528193, 0.27753279986288915],
      // nc(10, 10, 0, 20)
      [10, 10, 0, 20, 1, 0.67908603714191484, 1],
      // nc(10, 10, 0, 10)
      [10, 10, 0, 10, 1, 0.60750935043052434, 1],
    ];
    for (const [x1, n1, x2, n2, d, low, high] of cases) {
      const r = newcombeDifference(x1, n1, x2, n2, 0.95);
      expectClose(r.estimate, d);
      expectClose(r.ci[0], low);
      expectClose(r.ci[1], high);
    }
  });

  it('uses the confidence level', () => {
    // nc(71, 190, 59, 218, 0.99)
    const r = newcombeDifference(71, 190, 59, 218, 0.99);
    expectClose(r.estimate, 0.10304200869145341);
    expectClose(r.ci[0], -0.015852174329337915);
    expectClose(r.ci[1], 0.2195555820046971);
  });

  it('handles n = 1, all or none employed, and large n', () => {
    // nc(1, 1, 0, 1)
    let r = newcombeDifference(1, 1, 0, 1, 0.95);
    expect(r.estimate).toBe(1);
    expectClose(r.ci[0], -0.12210872068194178);
    expect(r.ci[1]).toBe(1);
    // nc(0, 1, 1, 1): the mirror image
    r = newcombeDifference(0, 1, 1, 1, 0.95);
    expect(r.estimate).toBe(-1);
    expect(r.ci[0]).toBe(-1);
    expectClose(r.ci[1], 0.12210872068194178);
    // nc(12000, 40000, 11500, 40000)
    r = newcombeDifference(12000, 40000, 11500, 40000, 0.95);
    expectClose(r.estimate, 0.012500000000000011);
    expectClose(r.ci[0], 0.0061876001968450226);
    expectClose(r.ci[1], 0.018811050416828963);
    // nc(1, 40000, 0, 40000)
    r = newcombeDifference(1, 40000, 0, 40000, 0.95);
    expectClose(r.estimate, 2.5e-5);
    expectClose(r.ci[0], -7.3209224384885804e-5);
    expectClose(r.ci[1], 0.0001416093195320758);
  });

  it('keeps every interval within [−1, 1] and around the estimate', () => {
    for (let n1 = 1; n1 <= 6; n1++) {
      for (let n2 = 1; n2 <= 6; n2++) {
        for (let x1 = 0; x1 <= n1; x1++) {
          for (let x2 = 0; x2 <= n2; x2++) {
            const { estimate, ci } = newcombeDifference(x1, n1, x2, n2, 0.95);
            expect(ci[0]).toBeGreaterThanOrEqual(-1);
            expect(ci[1]).toBeLessThanOrEqual(1);
            expect(ci[0]).toBeLessThanOrEqual(estimate);
            expect(ci[1]).toBeGreaterThanOrEqual(estimate);
          }
        }
      }
    }
  });

  it('rejects impossible inputs with a RangeError', () => {
    for (const args of [
      [0, 0, 1, 10, 0.95],
      [1, 10, 0, 0, 0.95],
      [11, 10, 1, 10, 0.95],
      [1, 10, -1, 10, 0.95],
      [1.5, 10, 1, 10, 0.95],
      [1, 10, 1, 10, 1],
      [1, 10, 1, 10, NaN],
    ] as [number, number, number, number, number][]) {
      expect(() => newcombeDifference(...args)).toThrow(RangeError);
    }
  });
});
