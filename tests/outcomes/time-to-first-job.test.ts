/**
 * Time to first job on a hand-built trial: the times are worked out by hand below, the
 * statistics checked against R 4.2's survival package (3.5-3) on those times.
 */
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/io/dataset.ts';
import type { AnalysisPlan } from '../../src/io/plan.ts';
import { firstJobTimes, timeToFirstJob } from '../../src/outcomes/time-to-first-job.ts';
import { PLAN } from '../report/fixtures.ts';

/** A participant: arm, withdrawn, and registry months as [month, employed] pairs. */
interface Person {
  arm: 'IPS' | 'TVR';
  withdrawn?: 0 | 1;
  months: [number, 0 | 1][];
}

/** Months a..b (inclusive) with the same employment status. */
const span = (a: number, b: number, employed: 0 | 1): [number, 0 | 1][] => Array.from({ length: b - a + 1 }, (_, k) => [a + k, employed]);

function trial(people: Person[]): Dataset {
  const employment = { participant: [] as number[], month: [] as number[], employed: [] as number[], earnings_nok: [] as number[] };
  people.forEach((p, i) => {
    for (const [month, employed] of [...p.months].sort((a, b) => a[0] - b[0])) {
      employment.participant.push(i);
      employment.month.push(month);
      employment.employed.push(employed);
      employment.earnings_nok.push(employed ? 20000 : 0);
    }
  });
  return {
    participants: {
      participant_id: people.map((_, i) => `P${i}`),
      site: people.map(() => 'Oslo'),
      arm: people.map((p) => p.arm),
      allocation_no: people.map((_, i) => i + 1),
      randomized_on: people.map(() => '2014-01-01'),
      age: people.map(() => 30),
      sex: people.map(() => 'F' as const),
      diagnosis: people.map(() => 'other'),
      education: people.map(() => 'primary'),
      worked_last_5y: people.map(() => 0 as const),
      withdrawn: people.map((p) => p.withdrawn ?? 0),
    },
    employment,
    questionnaires: { participant: [], wave: [], scores: {} },
  };
}

/** Registry months 0–18 (PLAN), arms IPS and TVR, control TVR, 95 % intervals. */
const PEOPLE: Person[] = [
  // 0 IPS: not employed months 0–3, employed from month 4          → time 4, event
  { arm: 'IPS', months: [...span(0, 3, 0), ...span(4, 18, 1)] },
  // 1 IPS: employed already in month 0 (randomization month)         → time 0, event
  { arm: 'IPS', months: span(0, 18, 1) },
  // 2 IPS: observed months 0–6, never employed, then no more rows    → time 6, censored
  { arm: 'IPS', months: span(0, 6, 0) },
  // 3 IPS: months 0–2 not employed, 3–5 missing, employed in 6       → time 6, event (the gap is ignored)
  { arm: 'IPS', months: [...span(0, 2, 0), ...span(6, 18, 1)] },
  // 4 IPS: withdrawn (has a job in month 1)                          → not analysed
  { arm: 'IPS', withdrawn: 1, months: [[0, 0], [1, 1]] },
  // 5 IPS: no registry rows                                          → not analysed
  { arm: 'IPS', months: [] },
  // 6 TVR: never employed in months 0–18                             → time 18, censored
  { arm: 'TVR', months: span(0, 18, 0) },
  // 7 TVR: employed in month 10 only                                 → time 10, event
  { arm: 'TVR', months: [...span(0, 9, 0), [10, 1], ...span(11, 18, 0)] },
  // 8 TVR: employed from month 4 (tied with participant 0)           → time 4, event
  { arm: 'TVR', months: [...span(0, 3, 0), ...span(4, 18, 1)] },
  // 9 TVR: months 0–3 not employed, then no rows                     → time 3, censored
  { arm: 'TVR', months: span(0, 3, 0) },
  // 10 TVR: employed in months 2 and 5 only: the first counts        → time 2, event
  { arm: 'TVR', months: [[0, 0], [1, 0], [2, 1], [3, 0], [4, 0], [5, 1], ...span(6, 18, 0)] },
];

describe('firstJobTimes', () => {
  it('gives the hand-worked times and events', () => {
    expect(firstJobTimes(trial(PEOPLE), PLAN)).toEqual({
      participant: [0, 1, 2, 3, 6, 7, 8, 9, 10],
      arm: ['IPS', 'IPS', 'IPS', 'IPS', 'TVR', 'TVR', 'TVR', 'TVR', 'TVR'],
      time: [4, 0, 6, 6, 18, 10, 4, 3, 2],
      event: [1, 1, 0, 1, 0, 1, 1, 0, 1],
    });
  });

  it('ignores registry months outside the plan, and censors at the last one observed', () => {
    const plan: AnalysisPlan = { ...PLAN, registry_months: { first: 0, last: 5 } };
    const t = firstJobTimes(trial(PEOPLE), plan);
    // 3: employed first in 6, outside 0–5 → censored at 2; 6: censored at 5; 7: job in 10 → censored at 5.
    expect(t.time).toEqual([4, 0, 5, 2, 5, 5, 4, 3, 2]);
    expect(t.event).toEqual([1, 1, 0, 0, 0, 0, 1, 0, 1]);
  });
});

describe('timeToFirstJob', () => {
  const result = timeToFirstJob(trial(PEOPLE), PLAN);

  it('counts who was analysed per arm', () => {
    expect(result.arms.IPS).toMatchObject({ randomized: 6, withdrawn: 1, no_registry: 1, analysed: 4, events: 3, events_at_month_0: 1 });
    expect(result.arms.TVR).toMatchObject({ randomized: 5, withdrawn: 0, no_registry: 0, analysed: 5, events: 3, events_at_month_0: 0 });
    expect(Object.keys(result.arms)).toEqual(['IPS', 'TVR']);
    expect(result.time_unit).toBe('month');
    expect(result.confidence_level).toBe(0.95);
  });

  it('gives the Kaplan–Meier curves by hand and as R', () => {
    // time <- c(4, 0, 6, 6, 18, 10, 4, 3, 2); status <- c(1, 1, 0, 1, 0, 1, 1, 0, 1)
    // arm <- c(rep("IPS", 4), rep("TVR", 5)); k <- survfit(Surv(time, status) ~ arm)
    // IPS: month 0: 1 of 4 → 3/4; month 4: 1 of 3 → 1/2; month 6: 1 of 2 (1 censored) → 1/4.
    const ips = result.arms.IPS!.curve;
    expect(ips.map((s) => [s.time, s.at_risk, s.events, s.censored])).toEqual([[0, 4, 1, 0], [4, 3, 1, 0], [6, 2, 1, 1]]);
    expect(ips.map((s) => s.survival)).toEqual([0.75, 0.5, 0.25]);
    // k$lower[1:3]
    [0.42593226849798205, 0.18765892870658832, 0.045790759666018192].forEach((v, i) => expect(ips[i]!.ci![0]).toBeCloseTo(v, 14));
    expect(ips.map((s) => s.ci![1])).toEqual([1, 1, 1]);
    // TVR: month 2: 1 of 5 → 4/5; month 3: 1 censored; month 4: 1 of 3 → 8/15; month 10: 1 of 2 → 4/15; month 18: censored.
    const tvr = result.arms.TVR!.curve;
    expect(tvr.map((s) => [s.time, s.at_risk, s.events, s.censored])).toEqual([[2, 5, 1, 0], [3, 4, 0, 1], [4, 3, 1, 0], [10, 2, 1, 0], [18, 1, 0, 1]]);
    [0.8, 0.8, 8 / 15, 4 / 15, 4 / 15].forEach((v, i) => expect(tvr[i]!.survival).toBeCloseTo(v, 15));
    // k$lower[4:8]
    [0.51612576034217206, 0.51612576034217206, 0.21418348074136873, 0.050742765126671217, 0.050742765126671217].forEach((v, i) =>
      expect(tvr[i]!.ci![0]).toBeCloseTo(v, 14),
    );
  });

  it('gives the medians as print(survfit) (IPS: S = 1/2 exactly at month 4, so (4 + 6)/2)', () => {
    // print(k): IPS median 5, 0.95LCL 0, 0.95UCL NA; TVR 10, 4, NA
    expect(result.arms.IPS!.median).toEqual({ estimate: 5, ci: [0, null] });
    expect(result.arms.TVR!.median).toEqual({ estimate: 10, ci: [4, null] });
  });

  it('gives the log-rank test as survdiff', () => {
    // s <- survdiff(Surv(time, status) ~ arm): obs 3, 3; exp 2.3194444444444446, 3.6805555555555554;
    //   var[1, 1] 1.1312885802469135; chisq 0.40940558605872507; p 0.52227136064951951
    const lr = result.log_rank;
    expect(lr.groups.map((g) => [g.group, g.n, g.observed])).toEqual([['IPS', 4, 3], ['TVR', 5, 3]]);
    expect(lr.groups[0].expected).toBeCloseTo(2.3194444444444446, 14);
    expect(lr.groups[1].expected).toBeCloseTo(3.6805555555555554, 14);
    expect(lr.variance).toBeCloseTo(1.1312885802469135, 14);
    expect(lr.statistic).toBeCloseTo(0.40940558605872507, 13);
    expect(lr.p).toBeCloseTo(0.52227136064951951, 12);
  });

  it('gives the hazard ratio IPS vs TVR as coxph with Efron ties', () => {
    // f <- coxph(Surv(time, status) ~ I(arm == "IPS")): coef 0.55572605661858587, se 0.91745605710510103,
    //   exp(confint(f)) 0.28867471664792571, 10.526615778602087; p 0.54469738989993022;
    //   loglik -9.7573050423580465, -9.5693281230683418; iter 3
    const hr = result.hazard_ratio;
    expect(hr).toMatchObject({ intervention: 'IPS', control: 'TVR', n: 9, events: 6, iterations: 3, converged: true, note: null });
    const close = (a: number | null | undefined, b: number) => expect(Math.abs(a! - b) / Math.abs(b)).toBeLessThan(1e-10);
    close(hr.coefficient, 0.55572605661858587);
    close(hr.hazard_ratio, Math.exp(0.55572605661858587));
    close(hr.se, 0.91745605710510103);
    close(hr.ci?.[0], 0.28867471664792571);
    close(hr.ci?.[1], 10.526615778602087);
    close(hr.p, 0.54469738989993022);
    close(hr.loglik[0], -9.7573050423580465);
    close(hr.loglik[1], -9.5693281230683418);
  });

  it('compares the non-control arm with the control arm whatever the arm order in the plan', () => {
    const swapped = timeToFirstJob(trial(PEOPLE), { ...PLAN, arms: ['TVR', 'IPS'] });
    expect(swapped.hazard_ratio.intervention).toBe('IPS');
    expect(swapped.hazard_ratio.coefficient).toBeCloseTo(result.hazard_ratio.coefficient!, 12);
    expect(Object.keys(swapped.arms)).toEqual(['TVR', 'IPS']);
    expect(swapped.log_rank.groups[0].group).toBe('TVR');
    expect(swapped.log_rank.statistic).toBeCloseTo(result.log_rank.statistic!, 12);
  });

  it('uses the plan’s confidence level', () => {
    const r90 = timeToFirstJob(trial(PEOPLE), { ...PLAN, confidence_level: 0.9 });
    expect(r90.confidence_level).toBe(0.9);
    expect(r90.hazard_ratio.ci![0]).toBeGreaterThan(result.hazard_ratio.ci![0]);
    expect(r90.arms.IPS!.curve[0]!.ci![0]).toBeGreaterThan(result.arms.IPS!.curve[0]!.ci![0]);
  });

  it('is JSON-safe', () => {
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });

  it('reports a zero hazard ratio with a note, not NaN, when the intervention arm has no job', () => {
    const people: Person[] = [
      { arm: 'IPS', months: span(0, 18, 0) },
      { arm: 'IPS', months: span(0, 12, 0) },
      { arm: 'TVR', months: [...span(0, 5, 0), ...span(6, 18, 1)] },
      { arm: 'TVR', months: [...span(0, 9, 0), ...span(10, 18, 1)] },
    ];
    const r = timeToFirstJob(trial(people), PLAN);
    expect(r.hazard_ratio).toMatchObject({ coefficient: null, hazard_ratio: null, ci: null, p: null, converged: false, note: 'hr_zero' });
    expect(r.arms.IPS!.median).toEqual({ estimate: null, ci: [null, null] });
    expect(r.log_rank.statistic).not.toBeNull();
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });

  it('has no tests but valid curves when nobody gets a job', () => {
    const people: Person[] = [
      { arm: 'IPS', months: span(0, 18, 0) },
      { arm: 'TVR', months: span(0, 7, 0) },
    ];
    const r = timeToFirstJob(trial(people), PLAN);
    expect(r.log_rank.note).toBe('no_information');
    expect(r.hazard_ratio.note).toBe('no_information');
    expect(r.arms.TVR!.curve).toEqual([{ time: 7, at_risk: 1, events: 0, censored: 1, survival: 1, std_err: 0, ci: [1, 1] }]);
  });

  it('handles an arm with nobody analysable', () => {
    const people: Person[] = [
      { arm: 'IPS', months: [] },
      { arm: 'TVR', months: [...span(0, 2, 0), [3, 1]] },
    ];
    const r = timeToFirstJob(trial(people), PLAN);
    expect(r.arms.IPS).toMatchObject({ randomized: 1, no_registry: 1, analysed: 0, events: 0, curve: [] });
    expect(r.log_rank.p).toBeNull();
    expect(r.hazard_ratio.note).toBe('no_information');
  });
});
