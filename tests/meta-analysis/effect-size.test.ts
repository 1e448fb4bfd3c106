/**
 * Study effect sizes against metafor's escalc (expected numbers and the exact calls in
 * metafor-reference.ts, written by metafor-reference.R).
 */
import { describe, expect, it } from 'vitest';
import { logRiskRatioFromCounts, logRiskRatioFromInterval, studyEffects, type EvidenceStudy } from '../../src/meta-analysis/effect-size.ts';
import { expectAllRel, expectRel } from './expect-close.ts';
import { DOUBLE_ZERO, IPS, WITH_INTERVAL, ZERO_CELL } from './metafor-reference.ts';

function countsOf(d: { ai: readonly number[]; n1i: readonly number[]; ci: readonly number[]; n2i: readonly number[] }, i: number): [number, number, number, number] {
  return [d.ai[i]!, d.n1i[i]!, d.ci[i]!, d.n2i[i]!];
}

describe('logRiskRatioFromCounts', () => {
  it('matches escalc(measure = "RR") on tables without zero cells', () => {
    IPS.data.ai.forEach((_, i) => {
      const e = logRiskRatioFromCounts(...countsOf(IPS.data, i));
      expectRel(e.yi, IPS.escalc.yi[i]!, `yi[${i}]`, 1e-13);
      expectRel(e.vi, IPS.escalc.vi[i]!, `vi[${i}]`, 1e-13);
      expect(e.correction).toBeNull();
    });
  });

  it('adds 0.5 to every cell of a table with a zero cell only (add = 1/2, to = "only0")', () => {
    ZERO_CELL.data.ai.forEach((_, i) => {
      const e = logRiskRatioFromCounts(...countsOf(ZERO_CELL.data, i));
      expectRel(e.yi, ZERO_CELL.escalc.yi[i]!, `yi[${i}]`, 1e-13);
      expectRel(e.vi, ZERO_CELL.escalc.vi[i]!, `vi[${i}]`, 1e-13);
      // study 1: no events among controls; study 2: everybody in the IPS arm employed
      expect(e.correction).toBe(i < 2 ? 'haldane_anscombe_0.5' : null);
    });
  });

  it('keeps a table with no events in either arm, as escalc does by default (drop00 = FALSE)', () => {
    DOUBLE_ZERO.data.ai.forEach((_, i) => {
      const e = logRiskRatioFromCounts(...countsOf(DOUBLE_ZERO.data, i));
      expectRel(e.yi, DOUBLE_ZERO.keep.yi[i]!, `yi[${i}]`, 1e-13);
      expectRel(e.vi, DOUBLE_ZERO.keep.vi[i]!, `vi[${i}]`, 1e-13);
    });
  });

  it('rejects impossible counts', () => {
    expect(() => logRiskRatioFromCounts(5, 4, 1, 10)).toThrow(RangeError);
    expect(() => logRiskRatioFromCounts(1, 0, 1, 10)).toThrow(RangeError);
    expect(() => logRiskRatioFromCounts(1.5, 4, 1, 10)).toThrow(RangeError);
  });
});

describe('logRiskRatioFromInterval', () => {
  it('takes the SE from the width of the log interval: vi = ((log(1.82) − log(1.46))/(2·qnorm(0.975)))²', () => {
    const e = logRiskRatioFromInterval(1.63, 1.46, 1.82, 0.95);
    expectRel(e.yi, WITH_INTERVAL.escalc.yi[8]!, 'yi', 1e-14);
    expectRel(e.vi, WITH_INTERVAL.escalc.vi[8]!, 'vi', 1e-12);
  });

  it('uses the stated level: a 90 % interval is narrower for the same SE', () => {
    const e90 = logRiskRatioFromInterval(1.63, 1.46, 1.82, 0.9);
    const e95 = logRiskRatioFromInterval(1.63, 1.46, 1.82, 0.95);
    // SE scales with 1/z: (qnorm(0.975)/qnorm(0.95))² = 1.4197…
    expectRel(e90.vi / e95.vi, (1.959963984540054 / 1.6448536269514722) ** 2, 'ratio', 1e-12);
  });

  it('rejects an estimate outside its interval or a non-positive bound', () => {
    expect(() => logRiskRatioFromInterval(2, 1.46, 1.82)).toThrow(RangeError);
    expect(() => logRiskRatioFromInterval(1, 0, 1.82)).toThrow(RangeError);
    expect(() => logRiskRatioFromInterval(1.5, 1.82, 1.46)).toThrow(RangeError);
  });
});

describe('studyEffects', () => {
  const studies: EvidenceStudy[] = [
    { study: 'Counts', year: 2019, events_intervention: 85, n_intervention: 227, events_control: 49, n_control: 181 },
    { study: 'RR only', year: 2019, measure: 'RR', estimate: 1.63, ci_low: 1.46, ci_high: 1.82 },
    { study: 'OR only', year: 2020, measure: 'OR', estimate: 10.39, ci_low: 2.79, ci_high: 38.68 },
    { study: 'RD only', measure: 'RD', estimate: 0.36, ci_low: 0.18, ci_high: 0.54 },
    { study: 'Nothing', year: 2021 },
    // counts win over a reported estimate on the same row
    { study: 'Both', events_intervention: 85, n_intervention: 227, events_control: 49, n_control: 181, measure: 'RR', estimate: 3, ci_low: 2, ci_high: 4 },
    { study: 'Double zero', events_intervention: 0, n_intervention: 20, events_control: 0, n_control: 25 },
  ];

  it('pools counts and RR rows, and lists OR-only, RD-only and empty rows with their reason', () => {
    const { included, excluded } = studyEffects(studies);
    expect(included.map((s) => [s.study, s.source, s.index])).toEqual([
      ['Counts', 'counts', 0],
      ['RR only', 'estimate_ci', 1],
      ['Both', 'counts', 5],
      ['Double zero', 'counts', 6],
    ]);
    expect(excluded).toEqual([
      { study: 'OR only', index: 2, reason: 'odds_ratio_only' },
      { study: 'RD only', index: 3, reason: 'risk_difference_only' },
      { study: 'Nothing', index: 4, reason: 'no_effect_data' },
    ]);
    expectRel(included[0]!.yi, IPS.escalc.yi[6]!, 'counts yi', 1e-13);
    expectRel(included[2]!.yi, IPS.escalc.yi[6]!, 'both yi', 1e-13);
    expectRel(included[1]!.vi, WITH_INTERVAL.escalc.vi[8]!, 'RR-only vi', 1e-12);
    expect(included[3]!.correction).toBe('haldane_anscombe_0.5');
    expect(included[1]!.year).toBe(2019);
    expect(studyEffects([{ study: 'No year', measure: 'RR', estimate: 2, ci_low: 1, ci_high: 4 }]).included[0]!.year).toBeNull();
  });

  it('drops double-zero and all-events tables with dropDoubleZero, as escalc(drop00 = TRUE)', () => {
    const rows: EvidenceStudy[] = DOUBLE_ZERO.data.ai.map((_, i) => {
      const [a, n1, c, n2] = countsOf(DOUBLE_ZERO.data, i);
      return { study: `T${i}`, events_intervention: a, n_intervention: n1, events_control: c, n_control: n2 };
    });
    const { included, excluded } = studyEffects(rows, { dropDoubleZero: true });
    // escalc gives NA for tables 1 (0/20 vs 0/25) and 3 (10/10 vs 12/12)
    expect(DOUBLE_ZERO.drop.yi.map((y) => y === null)).toEqual([true, false, true]);
    expect(excluded.map((e) => [e.study, e.reason])).toEqual([
      ['T0', 'no_events_either_arm'],
      ['T2', 'all_events_both_arms'],
    ]);
    expect(included.map((s) => s.study)).toEqual(['T1']);
    expectAllRel([included[0]!.yi, included[0]!.vi], [DOUBLE_ZERO.drop.yi[1]!, DOUBLE_ZERO.drop.vi[1]!], 'T1', 1e-13);
  });

  it('names the study when its numbers are impossible', () => {
    expect(() => studyEffects([{ study: 'Bad trial', events_intervention: 30, n_intervention: 20, events_control: 1, n_control: 20 }])).toThrow(/Bad trial/);
    expect(() => studyEffects([{ study: 'Bad CI', measure: 'RR', estimate: 3, ci_low: 1, ci_high: 2 }])).toThrow(/Bad CI/);
  });
});
