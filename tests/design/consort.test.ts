/**
 * CONSORT flow counts on a small hand-built trial. Every expected count is worked out by
 * hand from the rows below (the comments show the arithmetic), not taken from the code.
 */
import { describe, expect, it } from 'vitest';
import { consortFlow } from '../../src/design/consort.ts';
import { ingestOk, planWith } from '../helpers/delivery.ts';

// Eight participants: IPS P1–P4, TVR P5–P8. P4 (IPS) and P8 (TVR) withdrew.
const PARTICIPANTS = [
  'participant_id,site,arm,allocation_no,randomized_on,age,sex,diagnosis,education,worked_last_5y,withdrawn',
  'P1,Oslo,IPS,1,2014-01-01,30,F,depression,primary,1,0',
  'P2,Oslo,IPS,2,2014-01-02,31,M,anxiety,secondary,0,0',
  'P3,Bergen,IPS,1,2014-01-03,32,F,other,higher,1,0',
  'P4,Bergen,IPS,2,2014-01-04,33,M,depression,primary,0,1',
  'P5,Oslo,TVR,3,2014-01-05,34,F,anxiety,secondary,1,0',
  'P6,Oslo,TVR,4,2014-01-06,35,M,other,higher,0,0',
  'P7,Bergen,TVR,3,2014-01-07,36,F,depression,primary,1,0',
  'P8,Bergen,TVR,4,2014-01-08,37,M,anxiety,secondary,0,1',
].join('\n');

// Registry: P1 all of 0–12; P2 misses month 12; P3 only month 0 and 6; P5 all; P6 misses
// month 6; P7 none; P4 and P8 (withdrawn) have none.
const months = (id: string, ms: number[], employedFrom = 99) => ms.map((m) => `${id},${m},${m >= employedFrom ? 1 : 0},`);
const all = Array.from({ length: 13 }, (_, m) => m);
const EMPLOYMENT = [
  'participant_id,month,employed,earnings_nok',
  ...months('P1', all, 12),
  ...months('P2', all.filter((m) => m !== 12), 3),
  ...months('P3', [0, 6]),
  ...months('P5', all),
  ...months('P6', all.filter((m) => m !== 6), 9),
].join('\n');

// Questionnaires: P1 waves 0, 6, 12; P2 wave 0 and a wave-6 row with no answers; P3 wave 12
// with only depression answered; P5 waves 0, 12; P6 wave 6; P7 none.
const QUESTIONNAIRES = [
  'participant_id,wave,qol,depression',
  'P1,0,5,10',
  'P1,6,6,9',
  'P1,12,7,8',
  'P2,0,4,12',
  'P2,6,,',
  'P3,12,,3',
  'P5,0,5,11',
  'P5,12,6,',
  'P6,6,5,10',
].join('\n');

const trial = (planChanges: Record<string, unknown> = {}) =>
  ingestOk({ participants: PARTICIPANTS, employment: EMPLOYMENT, questionnaires: QUESTIONNAIRES, plan: planWith(planChanges) });

describe('consortFlow', () => {
  it('counts randomized and withdrawn per arm', () => {
    const { dataset, plan } = trial();
    const flow = consortFlow(dataset, plan);
    expect(flow.randomized).toEqual({ IPS: 4, TVR: 4 });
    expect(flow.withdrawn).toEqual({ IPS: 1, TVR: 1 });
    expect(flow.screening).toBeNull();
  });

  it('counts registry follow-up at each timepoint, never the withdrawn', () => {
    const { dataset, plan } = trial();
    // Month 6: IPS P1, P2, P3 = 3; TVR P5 = 1 (P6 misses 6, P7 has none).
    // Month 12: IPS P1 = 1 (P2 misses it, P3 stops at 6); TVR P5, P6 = 2.
    expect(consortFlow(dataset, plan).registry).toEqual([
      { month: 6, arms: { IPS: 3, TVR: 1 } },
      { month: 12, arms: { IPS: 1, TVR: 2 } },
    ]);
  });

  it('counts a questionnaire only when at least one answer is given', () => {
    const { dataset, plan } = trial();
    // Wave 0: IPS P1, P2; TVR P5. Wave 6: IPS P1 (P2's row is empty); TVR P6.
    // Wave 12: IPS P1, P3; TVR P5.
    expect(consortFlow(dataset, plan).questionnaires).toEqual([
      { wave: 0, arms: { IPS: 2, TVR: 1 } },
      { wave: 6, arms: { IPS: 1, TVR: 1 } },
      { wave: 12, arms: { IPS: 2, TVR: 1 } },
    ]);
  });

  it('lists the primary outcome first, then secondary employment, then each measure after baseline', () => {
    const { dataset, plan } = trial();
    const analysed = consortFlow(dataset, plan).analysed;
    expect(analysed.map((a) => [a.outcome, a.month, a.primary])).toEqual([
      ['employment', 12, true],
      ['employment', 6, false],
      ['qol', 6, false],
      ['qol', 12, false],
      ['depression', 6, false],
      ['depression', 12, false],
    ]);
    // Employment analysed = registry row at that month (employed_in_month).
    expect(analysed[0]!.arms).toEqual({ IPS: 1, TVR: 2 });
    expect(analysed[1]!.arms).toEqual({ IPS: 3, TVR: 1 });
    // qol at 12: P1 (IPS), P5 (TVR); P3 answered depression only.
    expect(analysed[3]!.arms).toEqual({ IPS: 1, TVR: 1 });
    // depression at 12: P1, P3 (IPS); P5 left it empty.
    expect(analysed[5]!.arms).toEqual({ IPS: 2, TVR: 0 });
  });

  it('under "any employment up to the month" counts a participant known to have worked, even with gaps', () => {
    const { dataset, plan } = trial({ employment_definition: 'any_employment_to_month' });
    const analysed = consortFlow(dataset, plan).analysed;
    // Month 12: P1 (all observed), P2 (employed from 3, gap at 12 does not matter) → IPS 2;
    // P3 unknown (months 1–5, 7–12 unobserved, never employed). TVR: P5 (all observed, never
    // employed) and P6 (employed from 9) → 2; P7 unknown.
    expect(analysed[0]!.arms).toEqual({ IPS: 2, TVR: 2 });
    // Month 6: P1 observed 0–6 → known; P2 employed at 3 → known; P3 unknown → IPS 2.
    // P5 known; P6 misses month 6 and is not employed before 9 → unknown → TVR 1.
    expect(analysed[1]!.arms).toEqual({ IPS: 2, TVR: 1 });
  });

  it('passes the plan\'s screening counts through', () => {
    const screening = { assessed: 30, excluded: [{ reason: { nb: 'Ikke aktuell', en: 'Not eligible' }, n: 22 }] };
    const { dataset, plan } = trial({ screening });
    expect(consortFlow(dataset, plan).screening).toEqual(screening);
  });
});
