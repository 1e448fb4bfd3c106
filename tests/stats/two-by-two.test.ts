/**
 * riskRatio and oddsRatio against the textbook formulas written by hand in R 4.2 (base R),
 * printed with sprintf('%.17g', …):
 *
 *   z <- function(conf) qnorm((1 + conf) / 2)
 *   rr <- function(a, n1, c, n2, conf = 0.95) {
 *     if (any(c(a, n1 - a, c, n2 - c) == 0)) { a <- a + .5; c <- c + .5; n1 <- n1 + 1; n2 <- n2 + 1 }
 *     est <- (a / n1) / (c / n2); se <- sqrt(1/a - 1/n1 + 1/c - 1/n2)
 *     c(est, exp(log(est) - z(conf) * se), exp(log(est) + z(conf) * se))
 *   }
 *   or <- function(a, n1, c, n2, conf = 0.95) {
 *     b <- n1 - a; d <- n2 - c
 *     if (any(c(a, b, c, d) == 0)) { a <- a + .5; b <- b + .5; c <- c + .5; d <- d + .5 }
 *     est <- (a * d) / (b * c); se <- sqrt(1/a + 1/b + 1/c + 1/d)
 *     c(est, exp(log(est) - z(conf) * se), exp(log(est) + z(conf) * se))
 *   }
 */
import { describe, expect, it } from 'vitest';
import { oddsRatio, riskRatio, type RatioResult } from '../../src/stats/two-by-two.ts';

function expectClose(actual: number, expected: number, rel = 1e-13): void {
  expect(Math.abs(actual - expected) / Math.abs(expected)).toBeLessThan(rel);
}

function expectR(r: RatioResult, expected: [number, number, number], corrected: boolean, rel = 1e-13): void {
  expect(r.note).toBeNull();
  expect(r.correction).toBe(corrected ? 'haldane_anscombe_0.5' : null);
  expectClose(r.estimate!, expected[0], rel);
  expectClose(r.ci![0], expected[1], rel);
  expectClose(r.ci![1], expected[2], rel);
}

describe('riskRatio', () => {
  it('matches R without zero cells', () => {
    // rr(56, 70, 48, 80)
    expectR(riskRatio(56, 70, 48, 80, 0.95), [1.3333333333333335, 1.076626422763193, 1.6512485112663871], false);
    // rr(56, 70, 48, 80, 0.99)
    expectR(riskRatio(56, 70, 48, 80, 0.99), [1.3333333333333335, 1.0066581217325947, 1.7660194055932139], false);
    // rr(71, 190, 59, 218)
    expectR(riskRatio(71, 190, 59, 218, 0.95), [1.3807314897413026, 1.0380567693914731, 1.8365271562949423], false);
    // rr(9, 10, 3, 10)
    expectR(riskRatio(9, 10, 3, 10, 0.95), [3, 1.1383503574476705, 7.906177514784793], false);
  });

  it('adds 0.5 to every cell when one is zero (none or all employed in one arm, n = 1)', () => {
    // rr(0, 10, 3, 10)
    expectR(riskRatio(0, 10, 3, 10, 0.95), [0.14285714285714288, 0.0083224272794002307, 2.4521888362810516], true);
    // rr(5, 56, 0, 29)
    expectR(riskRatio(5, 56, 0, 29, 0.95), [5.7894736842105257, 0.33118979975813168, 101.20482443796411], true);
    // rr(10, 10, 4, 10): everybody employed in one arm
    expectR(riskRatio(10, 10, 4, 10, 0.95), [2.3333333333333335, 1.133658999055005, 4.8025415481929077], true);
    // rr(1, 1, 0, 1)
    expectR(riskRatio(1, 1, 0, 1, 0.95), [3, 0.23890475166198263, 37.671917102485104], true);
    // rr(0, 1, 1, 1)
    expectR(riskRatio(0, 1, 1, 1, 0.95), [0.33333333333333331, 0.026544972406886958, 4.1857685669427891], true);
    // rr(1, 1, 1, 2)
    expectR(riskRatio(1, 1, 1, 2, 0.95), [1.5, 0.37514647988985977, 5.9976572368760683], true);
  });

  it('matches R for large n', () => {
    // rr(12000, 40000, 11500, 40000)
    expectR(riskRatio(12000, 40000, 11500, 40000, 0.95), [1.0434782608695652, 1.0212867685129519, 1.0661519511241604], false);
    // rr(1000, 40000, 700, 40000)
    expectR(riskRatio(1000, 40000, 700, 40000, 0.95), [1.4285714285714286, 1.2983397389299374, 1.5718661805827554], false);
    // rr(1, 40000, 0, 40000)
    expectR(riskRatio(1, 40000, 0, 40000, 0.95), [3.0000000000000004, 0.12221597768805989, 73.640126031404066], true);
  });

  it('gives no ratio when nobody, or everybody, is employed in both arms', () => {
    const none = { estimate: null, ci: null, correction: null };
    expect(riskRatio(0, 10, 0, 20, 0.95)).toEqual({ ...none, note: 'no_events' });
    expect(riskRatio(0, 1, 0, 1, 0.95)).toEqual({ ...none, note: 'no_events' });
    expect(riskRatio(10, 10, 20, 20, 0.95)).toEqual({ ...none, note: 'all_events' });
    expect(riskRatio(1, 1, 1, 1, 0.95)).toEqual({ ...none, note: 'all_events' });
  });
});

describe('oddsRatio', () => {
  it('matches R without zero cells', () => {
    // or(56, 70, 48, 80)
    expectR(oddsRatio(56, 70, 48, 80, 0.95), [2.6666666666666665, 1.276217870536434, 5.5720196960743777], false);
    // or(56, 70, 48, 80, 0.99)
    expectR(oddsRatio(56, 70, 48, 80, 0.99), [2.6666666666666665, 1.0124177166548944, 7.0238904299371265], false);
    // or(71, 190, 59, 218)
    expectR(oddsRatio(71, 190, 59, 218, 0.95), [1.6078906138726676, 1.0573967790985919, 2.4449783442538449], false);
    // or(6, 7, 2, 7)
    expectR(oddsRatio(6, 7, 2, 7, 0.95), [15, 1.0306911611224634, 218.30011596778041], false);
  });

  it('adds 0.5 to every cell when one is zero (none or all employed in one arm, n = 1)', () => {
    // or(0, 10, 3, 10)
    expectR(oddsRatio(0, 10, 3, 10, 0.95), [0.10204081632653061, 0.0045610649134036505, 2.2828721788163842], true);
    // or(5, 56, 0, 29)
    expectR(oddsRatio(5, 56, 0, 29, 0.95), [6.3009708737864081, 0.33637998400308922, 118.02793222066397], true);
    // or(10, 10, 4, 10)
    expectR(oddsRatio(10, 10, 4, 10, 0.95), [30.333333333333332, 1.392509460516572, 660.75752962553122], true);
    // or(1, 1, 0, 1)
    expectR(oddsRatio(1, 1, 0, 1, 0.95), [9, 0.097381564837025564, 831.77960978095609], true);
    // or(0, 1, 1, 1)
    expectR(oddsRatio(0, 1, 1, 1, 0.95), [0.1111111111111111, 0.0012022415411978465, 10.268884071369829], true);
    // or(1, 1, 1, 2)
    expectR(oddsRatio(1, 1, 1, 2, 0.95), [3, 0.059527571904449829, 151.19044355523639], true);
  });

  it('matches R for large n', () => {
    // or(12000, 40000, 11500, 40000)
    expectR(oddsRatio(12000, 40000, 11500, 40000, 0.95), [1.0621118012422359, 1.0302758377189176, 1.094931509638871], false);
    // or(1000, 40000, 700, 40000)
    expectR(oddsRatio(1000, 40000, 700, 40000, 0.95), [1.4395604395604396, 1.3056997874647922, 1.5871445174783916], false);
    // or(1, 40000, 0, 40000)
    expectR(oddsRatio(1, 40000, 0, 40000, 0.95), [3.0000750009375117, 0.12221169890265229, 73.646386492176362], true);
  });

  it('gives no ratio when nobody, or everybody, is employed in both arms', () => {
    const none = { estimate: null, ci: null, correction: null };
    expect(oddsRatio(0, 10, 0, 20, 0.95)).toEqual({ ...none, note: 'no_events' });
    expect(oddsRatio(10, 10, 20, 20, 0.95)).toEqual({ ...none, note: 'all_events' });
    expect(oddsRatio(1, 1, 1, 1, 0.95)).toEqual({ ...none, note: 'all_events' });
  });
});

describe('riskRatio and oddsRatio together', () => {
  it('never give NaN, Infinity or 0 on any table up to 8 per arm', () => {
    for (let n1 = 1; n1 <= 8; n1++) {
      for (let n2 = 1; n2 <= 8; n2++) {
        for (let x1 = 0; x1 <= n1; x1++) {
          for (let x2 = 0; x2 <= n2; x2++) {
            for (const f of [riskRatio, oddsRatio]) {
              const r = f(x1, n1, x2, n2, 0.95);
              if (r.note !== null) {
                expect(r.estimate).toBeNull();
                expect(r.ci).toBeNull();
                continue;
              }
              for (const v of [r.estimate!, ...r.ci!]) {
                expect(Number.isFinite(v) && v > 0).toBe(true);
              }
              expect(r.ci![0]).toBeLessThan(r.estimate!);
              expect(r.ci![1]).toBeGreaterThan(r.estimate!);
            }
          }
        }
      }
    }
  });

  it('invert when the arms are swapped', () => {
    for (const f of [riskRatio, oddsRatio]) {
      const a = f(13, 40, 7, 35, 0.95);
      const b = f(7, 35, 13, 40, 0.95);
      expectClose(a.estimate! * b.estimate!, 1);
      expectClose(a.ci![0] * b.ci![1], 1);
      expectClose(a.ci![1] * b.ci![0], 1);
    }
  });

  it('reject impossible inputs with a RangeError', () => {
    for (const f of [riskRatio, oddsRatio]) {
      for (const args of [
        [0, 0, 1, 10, 0.95],
        [1, 10, 0, 0, 0.95],
        [11, 10, 1, 10, 0.95],
        [1, 10, -1, 10, 0.95],
        [1, 10, 1.5, 10, 0.95],
        [1, 10, 1, 10, 0],
        [0, 10, 0, 10, 1],
      ] as [number, number, number, number, number][]) {
        expect(() => f(...args)).toThrow(RangeError);
      }
    }
  });
});
