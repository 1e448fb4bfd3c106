/** Assessment of the targets (bench/targets.ts). */
import { describe, expect, it } from 'vitest';
import { assessTargets, TARGETS } from '../../bench/targets.ts';
import { sizeResult } from './fixtures.ts';

describe('assessTargets', () => {
  it('lists every target of the issue, "not run" for sizes not measured', () => {
    const rows = assessTargets([]);
    expect(rows.map((r) => `${r.participants} ${r.kind}`)).toEqual([
      '410 wall', '410 ratio',
      '100000 wall', '100000 peak', '100000 ratio',
      '1000000 wall', '1000000 peak', '1000000 ratio',
    ]);
    expect(rows.every((r) => r.verdict === 'not run' && r.measured === null)).toBe(true);
    expect(TARGETS.map((t) => [t.participants, t.resamples, t.maxWallMs, t.maxPeakMiB])).toEqual([
      [410, 10_000, 1_500, null], [100_000, 1_000, 8_000, 2_048], [1_000_000, 200, 60_000, 4_096],
    ]);
  });

  it('needs wall time strictly under the limit and allows a ratio of exactly 0.5', () => {
    const at = assessTargets([sizeResult({ run: { wallMs: 1_500, peakMiB: 200 }, reference: { ran: true, run: { wallMs: 3_000, peakMiB: 1 }, steps: {} } })]);
    expect(at.find((r) => r.participants === 410 && r.kind === 'wall')).toMatchObject({ measured: 1_500, verdict: 'missed' });
    expect(at.find((r) => r.participants === 410 && r.kind === 'ratio')).toMatchObject({ measured: 0.5, verdict: 'met' });
    const under = assessTargets([sizeResult({ run: { wallMs: 1_499, peakMiB: 200 } })]);
    expect(under.find((r) => r.participants === 410 && r.kind === 'wall')!.verdict).toBe('met');
  });

  it('assesses peak memory of the run at the larger sizes', () => {
    const big = sizeResult({ participants: 100_000, resamples: 1_000, run: { wallMs: 7_000, peakMiB: 2_100 }, reference: { ran: true, run: { wallMs: 15_000, peakMiB: 900 }, steps: {} } });
    const rows = assessTargets([big]).filter((r) => r.participants === 100_000);
    expect(rows.map((r) => [r.kind, r.verdict])).toEqual([['wall', 'met'], ['peak', 'missed'], ['ratio', 'met']]);
  });

  it('does not assess a size measured with other resample counts, and says why', () => {
    const dev = sizeResult({ resamples: 20, overridden: true, run: { wallMs: 100, peakMiB: 10 } });
    const row = assessTargets([dev]).find((r) => r.participants === 410 && r.kind === 'wall')!;
    expect(row.verdict).toBe('not assessed');
    expect(row.note).toBe('measured with 20 resamples and permutations, not 10,000');
  });

  it('gives the ratio as not measured, with the reason, when R did not run', () => {
    const noR = sizeResult({ reference: { ran: false, reason: 'Rscript not found' } });
    expect(assessTargets([noR]).find((r) => r.participants === 410 && r.kind === 'ratio')).toMatchObject({ verdict: 'not measured', note: 'Rscript not found', measured: null });
  });
});
