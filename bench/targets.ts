/**
 * The speed targets of issue 8 and their assessment against measured sizes. Pure.
 *
 * The targets are about the whole pipeline in one process (`ips-rct run`, report included),
 * wall time and peak resident memory, and about its time over the R reference's on the
 * same files in the same bench run.
 */
import { formatNumber } from './format-number.ts';
import { ratio, type SizeResult } from './summary.ts';

export interface Target {
  participants: number;
  /** Bootstrap resamples and permutations the target is stated for. */
  resamples: number;
  maxWallMs: number;
  /** Peak resident memory of the run process, MiB; null = no memory target. */
  maxPeakMiB: number | null;
  /** Pipeline time over R's time. */
  maxRatio: number;
}

export const TARGETS: readonly Target[] = [
  { participants: 410, resamples: 10_000, maxWallMs: 1_500, maxPeakMiB: null, maxRatio: 0.5 },
  { participants: 100_000, resamples: 1_000, maxWallMs: 8_000, maxPeakMiB: 2_048, maxRatio: 0.5 },
  { participants: 1_000_000, resamples: 200, maxWallMs: 60_000, maxPeakMiB: 4_096, maxRatio: 0.5 },
];

export type Verdict = 'met' | 'missed' | 'not run' | 'not measured' | 'not assessed';

export interface TargetRow {
  participants: number;
  resamples: number;
  /** What is measured: wall time, peak memory or the ratio to R. */
  kind: 'wall' | 'peak' | 'ratio';
  /** The limit: ms, MiB or a ratio. */
  limit: number;
  /** The measured value in the same unit; null when there is none. */
  measured: number | null;
  verdict: Verdict;
  /** Why there is no verdict (R skipped, resamples overridden), else null. */
  note: string | null;
}

/** One row per target and measure, in TARGETS order; sizes not in `sizes` are "not run". */
export function assessTargets(sizes: readonly SizeResult[], targets: readonly Target[] = TARGETS): TargetRow[] {
  const rows: TargetRow[] = [];
  for (const t of targets) {
    const size = sizes.find((s) => s.participants === t.participants);
    const base = { participants: t.participants, resamples: t.resamples };
    const limits: [TargetRow['kind'], number | null][] = [['wall', t.maxWallMs], ['peak', t.maxPeakMiB], ['ratio', t.maxRatio]];
    for (const [kind, limit] of limits) {
      if (limit === null) continue;
      if (!size) {
        rows.push({ ...base, kind, limit, measured: null, verdict: 'not run', note: null });
        continue;
      }
      const measured = kind === 'wall' ? size.run.wallMs : kind === 'peak' ? size.run.peakMiB : ratio(size);
      let note: string | null = null;
      let verdict: Verdict;
      if (size.resamples !== t.resamples) {
        verdict = 'not assessed';
        note = `measured with ${formatNumber(size.resamples)} resamples and permutations, not ${formatNumber(t.resamples)}`;
      } else if (measured === null) {
        verdict = 'not measured';
        note = kind === 'ratio' ? (size.reference.ran ? null : size.reference.reason) : 'peak memory not available';
      } else {
        // "Under" 1.5 s / 2 GiB; a ratio of "at most" 0.5.
        verdict = (kind === 'ratio' ? measured <= limit : measured < limit) ? 'met' : 'missed';
      }
      rows.push({ ...base, kind, limit, measured, verdict, note });
    }
  }
  return rows;
}
