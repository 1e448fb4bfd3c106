/**
 * fisherExact against R 4.2's fisher.test (stats package), two-sided p-value, printed with
 * sprintf('%.17g', …). In the calls, m(x1, n1, x2, n2) stands for the table
 * matrix(c(x1, n1 - x1, x2, n2 - x2), 2, byrow = TRUE).
 */
import { describe, expect, it } from 'vitest';
import { fisherExact } from '../../src/stats/fisher-exact.ts';

function expectR(x1: number, n1: number, x2: number, n2: number, p: number, rel = 1e-12): void {
  const r = fisherExact(x1, n1, x2, n2);
  expect(r.note).toBeNull();
  expect(Math.abs(r.p - p) / p).toBeLessThan(rel);
}

describe('fisherExact', () => {
  it('matches R on small tables', () => {
    // fisher.test(m(56, 70, 48, 80))$p.value
    expectR(56, 70, 48, 80, 0.012521129749209155);
    // fisher.test(m(71, 190, 59, 218))$p.value
    expectR(71, 190, 59, 218, 0.032967948597841475);
    // fisher.test(m(9, 10, 3, 10))$p.value
    expectR(9, 10, 3, 10, 0.019766611097880419);
    // fisher.test(m(6, 7, 2, 7))$p.value
    expectR(6, 7, 2, 7, 0.10256410256410255);
    // fisher.test(m(7, 10, 3, 10))$p.value
    expectR(7, 10, 3, 10, 0.1788954079975755);
    // fisher.test(m(3, 6, 1, 6))$p.value
    expectR(3, 6, 1, 6, 0.54545454545454564);
  });

  it('matches R with nobody or everybody employed in one arm, and n = 1', () => {
    // fisher.test(m(0, 10, 3, 10))$p.value
    expectR(0, 10, 3, 10, 0.2105263157894737);
    // fisher.test(m(5, 56, 0, 29))$p.value
    expectR(5, 56, 0, 29, 0.16062144320947117);
    // fisher.test(m(10, 10, 4, 10))$p.value
    expectR(10, 10, 4, 10, 0.010835913312693499);
    // fisher.test(m(1, 1, 0, 1))$p.value, m(0, 1, 1, 1), m(1, 1, 1, 2), m(1, 3, 2, 3): all 1
    for (const [x1, n1, x2, n2] of [[1, 1, 0, 1], [0, 1, 1, 1], [1, 1, 1, 2], [1, 3, 2, 3]] as const) {
      expect(fisherExact(x1, n1, x2, n2)).toEqual({ p: 1, note: null });
    }
  });

  it("counts tables equally likely up to R's relative tolerance 1 + 1e-7", () => {
    // Here another table is exactly as likely as the observed one, and in this
    // implementation's arithmetic it comes out a few ulps more likely; without the tolerance
    // the p-value would drop to 0.0873065.
    // fisher.test(m(2, 7, 10, 14))$p.value
    expectR(2, 7, 10, 14, 0.15882352941176478);
    // fisher.test(m(5, 7, 4, 14))$p.value
    expectR(5, 7, 4, 14, 0.15882352941176478);
  });

  it('matches R for large n (40 000 per arm) and keeps relative accuracy of tiny p', () => {
    // fisher.test(m(12000, 40000, 11500, 40000))$p.value
    expectR(12000, 40000, 11500, 40000, 0.00010730165083663686);
    // fisher.test(m(20200, 40000, 19800, 40000))$p.value: 40 001 possible tables
    expectR(20200, 40000, 19800, 40000, 0.0047818043526700275);
    // fisher.test(m(1000, 40000, 700, 40000))$p.value
    expectR(1000, 40000, 700, 40000, 2.0048473228344704e-13);
    // fisher.test(m(39990, 40000, 39970, 40000))$p.value
    expectR(39990, 40000, 39970, 40000, 0.0022159449597060781);
    // fisher.test(m(40, 40, 0, 40))$p.value = 2 / choose(80, 40)
    expectR(40, 40, 0, 40, 1.8603403656036311e-23);
    // fisher.test(m(400, 400, 0, 400))$p.value = 2 / choose(800, 400)
    expectR(400, 400, 0, 400, 1.0635896769519495e-239);
    // the exact value, 2 / C(800, 400) in 30-digit arithmetic (Python mpmath), which R's
    // value above misses by 9e-14
    expectR(400, 400, 0, 400, 1.0635896769518567e-239);
    // fisher.test(m(1, 40000, 0, 40000))$p.value
    expect(fisherExact(1, 40000, 0, 40000)).toEqual({ p: 1, note: null });
  });

  it('gives p = 1 with a note for a zero outcome margin (R: p = 1)', () => {
    // fisher.test(m(0, 10, 0, 20))$p.value and m(10, 10, 20, 20): 1
    expect(fisherExact(0, 10, 0, 20)).toEqual({ p: 1, note: 'no_events' });
    expect(fisherExact(10, 10, 20, 20)).toEqual({ p: 1, note: 'all_events' });
    expect(fisherExact(0, 40000, 0, 40000)).toEqual({ p: 1, note: 'no_events' });
    expect(fisherExact(1, 1, 1, 1)).toEqual({ p: 1, note: 'all_events' });
  });

  it('is symmetric in the arms and in employed/not employed', () => {
    const p = fisherExact(13, 40, 7, 35).p;
    expect(Math.abs(fisherExact(7, 35, 13, 40).p - p) / p).toBeLessThan(1e-14);
    expect(Math.abs(fisherExact(27, 40, 28, 35).p - p) / p).toBeLessThan(1e-14);
  });

  it('rejects impossible inputs with a RangeError', () => {
    for (const args of [
      [0, 0, 1, 10],
      [1, 10, 0, 0],
      [11, 10, 1, 10],
      [1, 10, -1, 10],
      [1.5, 10, 1, 10],
      [1, 10, 1, Infinity],
    ] as [number, number, number, number][]) {
      expect(() => fisherExact(...args)).toThrow(RangeError);
    }
  });
});
