/**
 * pearsonTest and spearmanTest against R 4.2's cor.test, the independent reference. Every
 * expected value is printed by the R call beside it with sprintf('%.17g', …).
 */
import { describe, expect, it } from 'vitest';
import { midRanks, pearsonTest, spearmanTest } from '../../src/fidelity/correlation.ts';

function expectClose(actual: number | null | undefined, expected: number, rel = 1e-13): void {
  expect(actual).not.toBeNull();
  if (expected === 0) expect(actual).toBe(0);
  else expect(Math.abs((actual as number) - expected) / Math.abs(expected)).toBeLessThan(rel);
}

// Six sites: IPS-25 totals in the published 97–109 and employment risk differences.
const A = { x: [97, 101, 103, 105, 108, 109], y: [0.05, 0.12, 0.08, 0.15, 0.11, 0.2] };
// Eight sites, a strong negative relation.
const B = { x: [81, 88, 92, 97, 100, 104, 112, 118], y: [0.21, 0.17, 0.19, 0.08, 0.12, 0.02, 0.05, -0.03] };

describe('pearsonTest', () => {
  it('matches cor.test for six sites', () => {
    // x <- c(97,101,103,105,108,109); y <- c(0.05,0.12,0.08,0.15,0.11,0.2); cor.test(x, y)
    const t = pearsonTest(A.x, A.y);
    expectClose(t.r, 0.77616027440311397);
    expectClose(t.ci?.[0], -0.095652957325322252, 1e-12);
    expectClose(t.ci?.[1], 0.97412109352300225);
    expectClose(t.p, 0.069548676396539194, 1e-12);
    expect(t.gap).toBeNull();
    expect(t.n).toBe(6);
  });

  it('uses the confidence level', () => {
    // x2 <- c(81,88,92,97,100,104,112,118); y2 <- c(0.21,0.17,0.19,0.08,0.12,0.02,0.05,-0.03)
    // cor.test(x2, y2, conf.level = 0.90)
    const t = pearsonTest(B.x, B.y, 0.9);
    expectClose(t.r, -0.92670825746424146);
    expectClose(t.ci?.[0], -0.98267964420948839);
    expectClose(t.ci?.[1], -0.71579073331051213);
    expectClose(t.p, 0.00093093942826618975, 1e-11);
    expect(t.confidence).toBe(0.9);
  });

  it('gives the interval from four pairs on, as R does', () => {
    // cor.test(c(97, 104, 99, 109), c(0.12, 0.03, 0.15, 0.10))
    const t4 = pearsonTest([97, 104, 99, 109], [0.12, 0.03, 0.15, 0.1]);
    expectClose(t4.r, -0.47411376448218595);
    expectClose(t4.ci?.[0], -0.98594197629150038);
    expectClose(t4.ci?.[1], 0.89461999207947573);
    expectClose(t4.p, 0.52588623551781399, 1e-12);
    // cor.test(c(97, 104, 109), c(0.12, 0.03, 0.15)): conf.int is NULL
    const t3 = pearsonTest([97, 104, 109], [0.12, 0.03, 0.15]);
    expectClose(t3.r, 0.14610926779951011, 1e-12);
    expectClose(t3.p, 0.90664978107378469, 1e-12);
    expect(t3.ci).toBeNull();
    expect(t3.gap).toBe('interval_needs_four_pairs');
  });

  it('matches cor.test for ten sites and for tied totals', () => {
    // x7 <- c(73,80,86,90,95,99,100,106,114,120); y7 <- c(0.02,0.10,0.04,0.13,0.09,0.18,0.07,0.16,0.22,0.05)
    // cor.test(x7, y7)
    const t = pearsonTest([73, 80, 86, 90, 95, 99, 100, 106, 114, 120], [0.02, 0.1, 0.04, 0.13, 0.09, 0.18, 0.07, 0.16, 0.22, 0.05]);
    expectClose(t.r, 0.45461027082339533);
    expectClose(t.ci?.[0], -0.24520104978622645, 1e-12);
    expectClose(t.ci?.[1], 0.84295398801664079);
    expectClose(t.p, 0.18683400902947986, 1e-12);
    // cor.test(c(97,101,101,105,108,108), c(0.05,0.12,0.08,0.15,0.11,0.2))
    const e = pearsonTest([97, 101, 101, 105, 108, 108], A.y);
    expectClose(e.r, 0.78569073920576393);
    expectClose(e.ci?.[0], -0.071393825581770362, 1e-12);
    expectClose(e.ci?.[1], 0.97533996648302845);
    expectClose(e.p, 0.063971241816310698, 1e-12);
  });

  it('gives r = 1 with the interval [1, 1] and p = 0 for a perfect line, as R', () => {
    // cor.test(c(97,100,103,106,109), c(0.1,0.2,0.3,0.4,0.5)): r = 1, conf.int 1 1, p = 0
    const t = pearsonTest([97, 100, 103, 106, 109], [0.1, 0.2, 0.3, 0.4, 0.5]);
    expect(t).toMatchObject({ r: 1, ci: [1, 1], p: 0, gap: null });
  });

  it('is null, with the reason, for fewer than 3 pairs or a constant series', () => {
    expect(pearsonTest([100, 101], [0.1, 0.2])).toMatchObject({ r: null, ci: null, p: null, gap: 'too_few_pairs' });
    expect(pearsonTest([], [])).toMatchObject({ n: 0, r: null, gap: 'too_few_pairs' });
    // R: cor.test(rep(100, 6), y) gives NA with "the standard deviation is zero".
    expect(pearsonTest([100, 100, 100, 100, 100, 100], A.y)).toMatchObject({ r: null, ci: null, p: null, gap: 'constant_x' });
    expect(pearsonTest(A.x, [0.1, 0.1, 0.1, 0.1, 0.1, 0.1])).toMatchObject({ r: null, ci: null, p: null, gap: 'constant_y' });
  });

  it('refuses unpaired or non-finite input', () => {
    expect(() => pearsonTest([1, 2, 3], [1, 2])).toThrow(RangeError);
    expect(() => pearsonTest([1, 2, Number.NaN], [1, 2, 3])).toThrow(RangeError);
    expect(() => pearsonTest([1, 2, 3, 4], [1, 2, 3, 4], 1)).toThrow(RangeError);
  });
});

describe('spearmanTest', () => {
  it('matches cor.test(method = "spearman") with its exact p for n ≤ 9 without ties', () => {
    // cor.test(x, y, method = "spearman") for the six sites above: S = 10
    const a = spearmanTest(A.x, A.y);
    expectClose(a.rho, 0.7142857142857143);
    expectClose(a.p, 0.1361111111111111);
    expect(a.p_method).toBe('exact');
    // cor.test(x2, y2, method = "spearman")
    const b = spearmanTest(B.x, B.y);
    expectClose(b.rho, -0.92857142857142871);
    expectClose(b.p, 0.002232142857142857);
    // x6 <- c(73,80,86,90,95,99,100,106,114); y6 <- c(0.02,0.10,0.04,0.13,0.09,0.18,0.07,0.16,0.22)
    // cor.test(x6, y6, method = "spearman"): n = 9, the largest exact case
    const f = spearmanTest([73, 80, 86, 90, 95, 99, 100, 106, 114], [0.02, 0.1, 0.04, 0.13, 0.09, 0.18, 0.07, 0.16, 0.22]);
    expectClose(f.rho, 0.69999999999999996);
    expectClose(f.p, 0.043253968253968253);
    expect(f.p_method).toBe('exact');
    // cor.test(c(97,104,109), c(0.12,0.03,0.15), method = "spearman"): rho 0.5, p 1
    const d = spearmanTest([97, 104, 109], [0.12, 0.03, 0.15]);
    expectClose(d.rho, 0.5);
    expect(d.p).toBe(1);
    // cor.test(1:5, c(3,1,5,2,4), method = "spearman")
    const i = spearmanTest([1, 2, 3, 4, 5], [3, 1, 5, 2, 4]);
    expectClose(i.rho, 0.29999999999999993);
    expectClose(i.p, 0.68333333333333335);
    // cor.test(c(97,100,103,106,109), c(0.5,0.4,0.3,0.2,0.1), method = "spearman"): rho -1, p 2/120
    const h = spearmanTest([97, 100, 103, 106, 109], [0.5, 0.4, 0.3, 0.2, 0.1]);
    expect(h.rho).toBeCloseTo(-1, 14);
    expectClose(h.p, 0.016666666666666666);
  });

  it('uses mid-ranks and the t approximation with ties, as R', () => {
    // suppressWarnings(cor.test(c(97,101,101,105,108,108), y, method = "spearman"))
    const e = spearmanTest([97, 101, 101, 105, 108, 108], A.y);
    expectClose(e.rho, 0.70618786360379959);
    expectClose(e.p, 0.11680660694745566, 1e-12);
    expect(e).toMatchObject({ p_method: 't_approximation', ties: true });
  });

  it('uses the t approximation from 10 pairs on, as R with exact = FALSE', () => {
    // cor.test(x7, y7, method = "spearman", exact = FALSE); R's default (AS 89 Edgeworth) gives p = 0.218
    const g = spearmanTest([73, 80, 86, 90, 95, 99, 100, 106, 114, 120], [0.02, 0.1, 0.04, 0.13, 0.09, 0.18, 0.07, 0.16, 0.22, 0.05]);
    expectClose(g.rho, 0.43030303030303024);
    expectClose(g.p, 0.21449233253280775, 1e-12);
    expect(g).toMatchObject({ p_method: 't_approximation', ties: false });
  });

  it('is null, with the reason, for fewer than 3 pairs or a constant series', () => {
    expect(spearmanTest([1, 2], [2, 1])).toMatchObject({ rho: null, p: null, p_method: null, gap: 'too_few_pairs' });
    expect(spearmanTest([100, 100, 100, 100], [1, 2, 3, 4])).toMatchObject({ rho: null, p: null, gap: 'constant_x' });
    expect(spearmanTest([1, 2, 3, 4], [5, 5, 5, 5])).toMatchObject({ rho: null, p: null, gap: 'constant_y' });
  });
});

describe('midRanks', () => {
  it('averages tied ranks as R’s rank()', () => {
    // rank(c(101, 97, 101, 108, 105, 108)) = 2.5 1.0 2.5 5.5 4.0 5.5
    expect(midRanks([101, 97, 101, 108, 105, 108])).toEqual([2.5, 1, 2.5, 5.5, 4, 5.5]);
    // rank(c(3, 3, 3)) = 2 2 2
    expect(midRanks([3, 3, 3])).toEqual([2, 2, 2]);
  });
});
