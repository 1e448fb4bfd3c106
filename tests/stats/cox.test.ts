/**
 * coxPH against R 4.2's survival package (3.5-3), `f <- coxph(Surv(time, status) ~ x,
 * ties = "efron")`: coef(f), sqrt(vcov(f)), exp(confint(f, level = …)), the Wald p
 * summary(f)$coefficients[, "Pr(>|z|)"], f$loglik, f$iter and summary(f)$logtest, printed
 * with sprintf('%.17g', …).
 */
import { describe, expect, it } from 'vitest';
import { coxPH, type CoxResult } from '../../src/stats/cox.ts';
import { AML, LUNG, MONTHLY } from './survival-fixtures.ts';

function expectClose(actual: number | null | undefined, expected: number, rel = 1e-10): void {
  expect(actual).not.toBeNull();
  expect(actual).toBeDefined();
  expect(Math.abs(actual! - expected) / Math.abs(expected)).toBeLessThan(rel);
}

interface RCoxph {
  coef: number;
  se: number;
  ci: [number, number];
  p: number;
  loglik: [number, number];
  iter: number;
  lrt: [number, number];
}

function expectR(r: CoxResult, f: RCoxph): void {
  expectClose(r.coefficient, f.coef);
  expectClose(r.se, f.se);
  expectClose(r.hazard_ratio, Math.exp(f.coef));
  expectClose(r.ci?.[0], f.ci[0]);
  expectClose(r.ci?.[1], f.ci[1]);
  expectClose(r.p, f.p);
  expectClose(r.loglik[0], f.loglik[0], 1e-12);
  expectClose(r.loglik[1], f.loglik[1], 1e-12);
  expect(r.iterations).toBe(f.iter);
  expectClose(r.likelihood_ratio?.statistic, f.lrt[0]);
  expectClose(r.likelihood_ratio?.p, f.lrt[1]);
  expect(r.converged).toBe(true);
  expect(r.note).toBeNull();
}

describe('coxPH', () => {
  it('matches coxph for aml (tied times within and across arms)', () => {
    // f <- coxph(Surv(time, status) ~ I(x == "Nonmaintained"), data = aml, ties = "efron")
    const r = coxPH(AML.time, AML.status, AML.x, 0.95);
    expectR(r, {
      coef: 0.91553257501471763,
      se: 0.5119342751720054,
      ci: [0.91590725743640833, 6.8134957660633022],
      p: 0.07371486063904574,
      loglik: [-42.72483926276022, -41.032615596458378],
      iter: 3,
      lrt: [3.3844473326036848, 0.06581424016234029],
    });
    expect(r.n).toBe(23);
    expect(r.events).toBe(18);
    // exp(confint(f, level = 0.9))
    const r90 = coxPH(AML.time, AML.status, AML.x, 0.9);
    expectClose(r90.ci?.[0], 1.0762423037395179);
    expectClose(r90.ci?.[1], 5.7984435279734239);
  });

  it('matches coxph for lung by sex', () => {
    // f <- coxph(Surv(time, status) ~ I(sex == 2), data = lung, ties = "efron")
    expectR(coxPH(LUNG.time, LUNG.status, LUNG.female), {
      coef: -0.53102353761950805,
      se: 0.16717858323075419,
      ci: [0.42371783035391491, 0.81598481317138638],
      p: 0.0014912292048807547,
      loglik: [-749.9098013903947, -744.59299902495331],
      iter: 3,
      lrt: [10.63360473088278, 0.0011105103778994612],
    });
  });

  it('matches coxph with Efron ties for monthly data (ties at every month, events at month 0)', () => {
    // f <- coxph(Surv(time, status) ~ arm, ties = "efron")   (data: MONTHLY)
    expectR(coxPH(MONTHLY.time, MONTHLY.status, MONTHLY.arm), {
      coef: 0.24725727455542998,
      se: 0.24165211480237,
      ci: [0.79742127235586757, 2.0562557180782641],
      p: 0.30621558033149421,
      loglik: [-291.63083288972899, -291.1024987684616],
      iter: 3,
      lrt: [1.0566682425347835, 0.30397631346584075],
    });
  });

  it('accepts any numeric covariate: a −1/+1 coding halves β', () => {
    // coxph(Surv(time, status) ~ I(2 * (x == "Nonmaintained") - 1), data = aml): coef, se
    const r = coxPH(AML.time, AML.status, AML.x.map((v) => 2 * v - 1));
    expectClose(r.coefficient, 0.4577662875073587);
    expectClose(r.se, 0.25596713758600265);
  });

  it('reports a zero hazard ratio, without NaN or Infinity, when one arm has no events', () => {
    // t <- c(1, 2, 2, 3, 4, 5, 6, 1, 2, 3, 4, 5, 6, 7); s <- c(1, 1, 1, 0, 1, 1, 0, rep(0, 7)); x <- rep(0:1, each = 7)
    // coxph(Surv(t, s) ~ x): coef -21.407646951201123 after 20 iterations, "coefficient may be
    //   infinite"; loglik -11.077207313691043, -7.1388670029887518.
    // The supremum (β → −∞): coxph(Surv(t, s) ~ x, init = -40, control = coxph.control(iter.max = 0))$loglik
    //   = -7.1388669999455239. By hand, each event time contributes −Σ log(m − k), m = arm 0 at
    //   risk: t = 1: −log 7; t = 2 (2 events): −log 6 − log 5; t = 4: −log 3; t = 5: −log 2; in
    //   all −log 1260 = -7.1388669999455239.
    // LR: x <- 2 * (-log(1260) + 11.077207313691043); pchisq(x, 1, lower.tail = FALSE)
    //   = 7.8766806274910373, 0.0050076311119454462.
    const t = [1, 2, 2, 3, 4, 5, 6, 1, 2, 3, 4, 5, 6, 7];
    const s = [1, 1, 1, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0];
    const x = [0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1];
    const r = coxPH(t, s, x);
    expect(r).toMatchObject({ coefficient: null, se: null, hazard_ratio: null, ci: null, p: null, converged: false, note: 'hr_zero', n: 14, events: 5 });
    expectClose(r.loglik[0], -11.077207313691043, 1e-12);
    expectClose(r.loglik[1], -7.1388669999455239, 1e-12);
    expectClose(r.likelihood_ratio?.statistic, 7.8766806274910373, 1e-12);
    expectClose(r.likelihood_ratio?.p, 0.0050076311119454462, 1e-10);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
    // Swapping the arms: coxph(Surv(t, s) ~ I(1 - x)) gives coef +21.4, the same likelihoods.
    const flipped = coxPH(t, s, x.map((v) => 1 - v));
    expect(flipped.note).toBe('hr_infinite');
    expect(flipped.hazard_ratio).toBeNull();
    expectClose(flipped.loglik[1], -7.1388669999455239, 1e-12);
  });

  it('computes the supremum by hand for a tiny monotone case', () => {
    // Events at times 1 and 2 in arm 0 (x = 0); arm 1 censored at 3 and 4. As β → −∞ only
    // arm 0 counts: at t = 1 two of arm 0 are at risk (−log 2), at t = 2 one (−log 1 = 0).
    const r = coxPH([1, 2, 3, 4], [1, 1, 0, 0], [0, 0, 1, 1]);
    expect(r.note).toBe('hr_zero');
    expectClose(r.loglik[1], -Math.log(2), 1e-14);
    // At β = 0: −log 4 − log 3.
    expectClose(r.loglik[0], -Math.log(4) - Math.log(3), 1e-14);
  });

  it('has nothing to estimate when everyone is censored or the arms never share an event time', () => {
    // coxph(Surv(t, rep(0, 14)) ~ x): coef NA, loglik 0 0
    const none = coxPH([1, 2, 2, 3, 4, 5, 6, 1, 2, 3, 4, 5, 6, 7], new Array(14).fill(0), [0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1]);
    expect(none).toEqual({
      n: 14,
      events: 0,
      coefficient: null,
      se: null,
      hazard_ratio: null,
      ci: null,
      p: null,
      loglik: [0, 0],
      likelihood_ratio: null,
      iterations: 0,
      converged: false,
      note: 'no_information',
    });
    // coxph(Surv(c(1, 2, 5, 6), c(0, 0, 1, 1)) ~ c(0, 0, 1, 1)): coef NA
    expect(coxPH([1, 2, 5, 6], [0, 0, 1, 1], [0, 0, 1, 1]).note).toBe('no_information');
    expect(coxPH([], [], []).note).toBe('no_information');
    expect(coxPH([1, 2, 3], [1, 1, 0], [1, 1, 1]).note).toBe('no_information');
  });

  it('does not depend on the input order', () => {
    const rev = (a: number[]) => [...a].reverse();
    const a = coxPH(MONTHLY.time, MONTHLY.status, MONTHLY.arm);
    const b = coxPH(rev(MONTHLY.time), rev(MONTHLY.status), rev(MONTHLY.arm));
    expectClose(b.coefficient, a.coefficient!, 1e-12);
    expectClose(b.se, a.se!, 1e-12);
  });

  it('rejects bad input', () => {
    expect(() => coxPH([1, 2], [1, 0], [0])).toThrow(RangeError);
    expect(() => coxPH([1, 2], [1, 2], [0, 1])).toThrow(RangeError);
    expect(() => coxPH([1, 2], [1, 0], [0, NaN])).toThrow(RangeError);
    expect(() => coxPH([1, 2], [1, 0], [0, 1], 0)).toThrow(RangeError);
  });
});
