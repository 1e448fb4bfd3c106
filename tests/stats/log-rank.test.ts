/**
 * logRank against R 4.2's survival package (3.5-3): `survdiff(...)` components obs, exp,
 * var[1, 1], chisq and pvalue, printed with sprintf('%.17g', …).
 */
import { describe, expect, it } from 'vitest';
import { logRank, type LogRankResult } from '../../src/stats/log-rank.ts';
import { AML, LUNG, MONTHLY } from './survival-fixtures.ts';

function expectClose(actual: number | null, expected: number, rel = 1e-12): void {
  expect(actual).not.toBeNull();
  if (expected === 0) expect(actual).toBe(0);
  else expect(Math.abs(actual! - expected) / Math.abs(expected)).toBeLessThan(rel);
}

interface RSurvdiff {
  n: [number, number];
  obs: [number, number];
  exp: [number, number];
  var: number;
  chisq: number;
  p: number;
}

function expectR(r: LogRankResult, s: RSurvdiff): void {
  expect(r.groups.map((g) => g.n)).toEqual(s.n);
  expect(r.groups.map((g) => g.observed)).toEqual(s.obs);
  expectClose(r.groups[0].expected, s.exp[0]);
  expectClose(r.groups[1].expected, s.exp[1]);
  expectClose(r.variance, s.var);
  expectClose(r.statistic, s.chisq);
  expectClose(r.p, s.p, 1e-10);
  expect(r.df).toBe(1);
  expect(r.note).toBeNull();
}

describe('logRank', () => {
  it('matches survdiff for aml', () => {
    // s <- survdiff(Surv(time, status) ~ x, data = aml)
    expectR(logRank(AML.time, AML.status, AML.x), {
      n: [11, 12],
      obs: [7, 11],
      exp: [10.689335992300725, 7.3106640076992759],
      var: 4.0075507459387349,
      chisq: 3.3963886989776011,
      p: 0.065339322040505132,
    });
  });

  it('matches survdiff for lung by sex', () => {
    // s <- survdiff(Surv(time, status) ~ sex, data = lung)
    expectR(logRank(LUNG.time, LUNG.status, LUNG.female), {
      n: [138, 90],
      obs: [112, 53],
      exp: [91.581739029572802, 73.418260970427212],
      var: 40.37143397964261,
      chisq: 10.326741954885632,
      p: 0.0013111645203554882,
    });
  });

  it('matches survdiff for monthly data with ties at every month and events at month 0', () => {
    // s <- survdiff(Surv(time, status) ~ arm)   (data: MONTHLY)
    expectR(logRank(MONTHLY.time, MONTHLY.status, MONTHLY.arm), {
      n: [60, 60],
      obs: [30, 40],
      exp: [34.084214078780278, 35.915785921219722],
      var: 16.203977857093559,
      chisq: 1.0294265265244567,
      p: 0.31029339815213708,
    });
  });

  it('matches survdiff when one arm has no events', () => {
    // t <- c(1, 2, 2, 3, 4, 5, 6, 1, 2, 3, 4, 5, 6, 7); s <- c(1, 1, 1, 0, 1, 1, 0, rep(0, 7)); x <- rep(0:1, each = 7)
    // survdiff(Surv(t, s) ~ x)
    const t = [1, 2, 2, 3, 4, 5, 6, 1, 2, 3, 4, 5, 6, 7];
    const s = [1, 1, 1, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0];
    const x = [0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1];
    expectR(logRank(t, s, x), {
      n: [7, 7],
      obs: [5, 0],
      exp: [2.3285714285714283, 2.6714285714285713],
      var: 1.1894434137291281,
      chisq: 5.999890814368829,
      p: 0.01430676381666721,
    });
  });

  it('gives the same test whichever group comes first, and reports groups in the order of levels', () => {
    const a = logRank(AML.time, AML.status, AML.x, ['0', '1']);
    const b = logRank(AML.time, AML.status, AML.x, ['1', '0']);
    expect(b.groups.map((g) => g.group)).toEqual(['1', '0']);
    expect(b.groups[0].expected).toBeCloseTo(a.groups[1].expected, 12);
    expectClose(b.statistic, a.statistic!);
    const labels = AML.x.map((v) => (v === 1 ? 'IPS' : 'TVR'));
    expect(logRank(AML.time, AML.status, labels, ['IPS', 'TVR']).statistic).toBeCloseTo(a.statistic!, 12);
  });

  it('has no test when everyone is censored (R: Chisq = 0 on -1 df, p = NA)', () => {
    // survdiff(Surv(c(1, 2, 3, 4), c(0, 0, 0, 0)) ~ c(1, 1, 2, 2))
    const r = logRank([1, 2, 3, 4], [0, 0, 0, 0], [1, 1, 2, 2]);
    expect(r).toEqual({
      statistic: null,
      df: 1,
      p: null,
      variance: 0,
      groups: [
        { group: '1', n: 2, observed: 0, expected: 0 },
        { group: '2', n: 2, observed: 0, expected: 0 },
      ],
      note: 'no_information',
    });
  });

  it('has no test when the groups are never at risk together, or a level is empty', () => {
    // Group a is censored before group b's first event: at every event time only b is at risk.
    const r = logRank([1, 2, 5, 6], [0, 0, 1, 1], ['a', 'a', 'b', 'b']);
    expect(r.statistic).toBeNull();
    expect(r.note).toBe('no_information');
    const empty = logRank([1, 2, 3], [1, 0, 1], ['IPS', 'IPS', 'IPS'], ['IPS', 'TVR']);
    expect(empty.groups[1]).toEqual({ group: 'TVR', n: 0, observed: 0, expected: 0 });
    expect(empty.p).toBeNull();
  });

  it('rejects bad input', () => {
    expect(() => logRank([1, 2], [1, 0], [0])).toThrow(RangeError);
    expect(() => logRank([1, 2, 3], [1, 0, 1], [0, 1, 2])).toThrow(/exactly two groups/);
    expect(() => logRank([1, 2], [1, 0], [0, 0])).toThrow(/exactly two groups/);
    expect(() => logRank([1, 2], [1, 0], ['a', 'c'], ['a', 'b'])).toThrow(/not one of the levels/);
    expect(() => logRank([1, Infinity], [1, 0], [0, 1])).toThrow(RangeError);
    expect(() => logRank([1, 2], [1, 0.5], [0, 1])).toThrow(RangeError);
  });
});
