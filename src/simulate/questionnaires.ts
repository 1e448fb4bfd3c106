/**
 * Questionnaire answers at waves 0, 6 and 12: five synthetic scales driven by a latent
 * "goodness" score per measure (in SDs, higher = better) that carries the participant's
 * baseline level forward and rises with employment. Whole waves and single answers go
 * missing. The IPS effect is set per sample so the arms' responders differ by the intended
 * amount exactly (see ArmBalance), as the employment counts are exact by construction.
 */
import type { Measure } from '../io/plan.ts';
import type { Rng } from '../random/rng.ts';
import { DIAGNOSES } from './cohort.ts';

/** Questionnaire waves, months since randomization. */
export const WAVES = [0, 6, 12] as const;

/** How a measure's latent score becomes a printed answer, and what moves it. */
export interface ScaleModel {
  measure: Measure;
  /** Mean and SD on the printed scale at baseline. */
  mean: number;
  sd: number;
  /** Decimals printed (0 = whole numbers). */
  decimals: 0 | 1;
  /** Effect of being employed in the wave's month, in SDs. */
  employment: number;
  /** Difference IPS − TVR in mean latent score among responders at waves 6 and 12, in SDs. */
  ipsDifference: readonly [number, number];
  /** Shift for a diagnosis, in SDs. */
  diagnosis?: Partial<Record<(typeof DIAGNOSES)[number], number>>;
}

/** Stability of the latent score from baseline to waves 6 and 12 (correlation). */
const STABILITY = [0.7, 0.6] as const;
/** Correlation of the baseline answer with the participant's stable level. */
const BASELINE_RELIABILITY = 0.8;
/** General improvement after inclusion, in SDs, at waves 6 and 12. */
const TREND = [0.1, 0.15] as const;
/** Weight of the shared component (well-being, wave mood) in each measure's score. */
const SHARED = 0.6;
/**
 * Share of analysed participants with no answers at each wave (about 5 %, 25 % and 35 %),
 * and the share of those who missed the previous wave who miss this one too: dropping out
 * once makes dropping out again likely.
 */
const WAVE_MISSING = [
  { share: 0.05, again: 0 },
  { share: 0.25, again: 0.4 },
  { share: 0.35, again: 0.6 },
] as const;
/** Probability that a single answer is missing in an answered wave. */
const CELL_MISSING = 0.02;

/** What the questionnaires need to know about a participant. */
export interface Respondent {
  ips: boolean;
  wellbeing: number;
  diagnosis: (typeof DIAGNOSES)[number];
  /** Employed in the month of each wave (0/1), in WAVES order. */
  employedAtWave: readonly number[];
}

/**
 * One participant's latent scores before the IPS effect, wave-major (index w × scales + k),
 * and which of those cells are answered. Reused between participants for speed.
 */
export interface LatentAnswers {
  z: Float64Array;
  /** 1 = answered; 0 = the answer or the whole wave is missing. */
  answered: Uint8Array;
  /** Waves skipped entirely, as bits (1 = wave 0, 2 = wave 6, 4 = wave 12): no row at all. */
  missingWaves: number;
}

/** An empty latent buffer for `scales` measures at every wave. */
export function newLatentAnswers(scales: number): LatentAnswers {
  return { z: new Float64Array(WAVES.length * scales), answered: new Uint8Array(WAVES.length * scales), missingWaves: 0 };
}

/**
 * Which waves each of `count` analysed participants misses, as bits (1 = wave 0, 2 = wave
 * 6, 4 = wave 12). The number missing at each wave is fixed, round(share × count), so the
 * sample shows the intended missingness exactly rather than by chance.
 */
export function drawMissingWaves(count: number, rng: Rng): Uint8Array {
  const missing = new Uint8Array(count);
  let missedPrevious: number[] = [];
  let answeredPrevious = Array.from({ length: count }, (_, i) => i);
  WAVES.forEach((_, w) => {
    const { share, again } = WAVE_MISSING[w]!;
    const target = Math.round(share * count);
    const fromMissed = Math.min(missedPrevious.length, Math.round(again * missedPrevious.length));
    const fromAnswered = Math.min(answeredPrevious.length, Math.max(0, target - fromMissed));
    const missed = rng.shuffle(missedPrevious);
    const answered = rng.shuffle(answeredPrevious);
    const nowMissed = missed.slice(0, fromMissed).concat(answered.slice(0, fromAnswered));
    for (const i of nowMissed) missing[i]! |= 1 << w;
    missedPrevious = nowMissed;
    answeredPrevious = missed.slice(fromMissed).concat(answered.slice(fromAnswered));
  });
  return missing;
}

/**
 * Draws one participant's latent scores and answered cells into `out`; `missingWaves` comes
 * from drawMissingWaves. The number of draws does not depend on what goes missing, so
 * missingness never shifts later participants' answers.
 */
export function drawLatent(scales: readonly ScaleModel[], who: Respondent, missingWaves: number, rng: Rng, out: LatentAnswers): void {
  const k = scales.length;
  const base = Float64Array.from(scales, (s) => baseline(s, who, rng));
  const mood = WAVES.map(() => rng.normal());
  out.missingWaves = missingWaves;
  for (let w = 0; w < WAVES.length; w++) {
    const waveAnswered = ((missingWaves >> w) & 1) === 0;
    for (let m = 0; m < k; m++) {
      out.z[w * k + m] = latent(scales[m]!, base[m]!, who, w, mood[w]!, rng);
      const cellAnswered = rng.bernoulli(1 - CELL_MISSING) === 1;
      out.answered[w * k + m] = waveAnswered && cellAnswered ? 1 : 0;
    }
  }
}

/** The participant's stable level on a measure: shared well-being plus a measure-specific part. */
function baseline(s: ScaleModel, who: Respondent, rng: Rng): number {
  const own = Math.sqrt(1 - SHARED * SHARED) * rng.normal();
  return SHARED * who.wellbeing + own + (s.diagnosis?.[who.diagnosis] ?? 0);
}

/** Latent score at wave index w before the IPS effect (in SDs, higher = better). */
function latent(s: ScaleModel, base: number, who: Respondent, w: number, mood: number, rng: Rng): number {
  const noise = SHARED * mood + Math.sqrt(1 - SHARED * SHARED) * rng.normal();
  const employed = s.employment * who.employedAtWave[w]!;
  // The baseline answer measures the stable level with error too; without it, the later waves
  // would be independent given the baseline and a mixed model would find no participant effect.
  if (w === 0) return BASELINE_RELIABILITY * base + Math.sqrt(1 - BASELINE_RELIABILITY ** 2) * noise + employed;
  const r = STABILITY[w - 1]!;
  return r * base + Math.sqrt(1 - r * r) * noise + TREND[w - 1]! + employed;
}

/**
 * Sums of latent scores of answered cells per arm, wave and measure, from a first pass over
 * the sample. From them follows the IPS shift that makes the responders' difference exactly
 * the intended one: a randomized trial of 410 would otherwise show chance differences
 * of ±0.25 SD, too noisy for a sample meant to mirror the published findings.
 */
export class ArmBalance {
  private readonly sum: Float64Array[];
  private readonly count: Float64Array[];

  constructor(private readonly scales: readonly ScaleModel[]) {
    const cells = WAVES.length * scales.length;
    this.sum = [new Float64Array(cells), new Float64Array(cells)];
    this.count = [new Float64Array(cells), new Float64Array(cells)];
  }

  /** Adds one participant's answered cells to their arm's sums. */
  add(ips: boolean, a: LatentAnswers): void {
    const arm = ips ? 0 : 1;
    for (let c = 0; c < a.z.length; c++) {
      if (a.answered[c] === 1) {
        this.sum[arm]![c]! += a.z[c]!;
        this.count[arm]![c]! += 1;
      }
    }
  }

  /**
   * The latent shift for IPS participants per cell (wave-major). Baseline is never shifted
   * (randomization leaves chance baseline differences, as in any trial); where an arm has no
   * answers the intended difference is used as the shift.
   */
  ipsShifts(): Float64Array {
    const k = this.scales.length;
    const shifts = new Float64Array(WAVES.length * k);
    for (let w = 1; w < WAVES.length; w++) {
      this.scales.forEach((s, m) => {
        const c = w * k + m;
        const target = s.ipsDifference[w - 1]!;
        const [nI, nT] = [this.count[0]![c]!, this.count[1]![c]!];
        shifts[c] = nI > 0 && nT > 0 ? target - (this.sum[0]![c]! / nI - this.sum[1]![c]! / nT) : target;
      });
    }
    return shifts;
  }
}

/** One answered wave: the wave month and one value per scale (null = missing answer). */
export interface WaveAnswers {
  wave: number;
  values: (number | null)[];
}

/** Printed answers for the answered waves, with the IPS shift added for IPS participants. */
export function toAnswers(scales: readonly ScaleModel[], ips: boolean, a: LatentAnswers, shifts: Float64Array): WaveAnswers[] {
  const out: WaveAnswers[] = [];
  WAVES.forEach((wave, w) => {
    if (((a.missingWaves >> w) & 1) === 1) return;
    const cells = scales.map((_, k) => w * scales.length + k);
    out.push({ wave, values: cells.map((c, k) => (a.answered[c] === 1 ? toScale(scales[k]!, a.z[c]! + (ips ? shifts[c]! : 0)) : null)) });
  });
  return out;
}

/** Latent score to a printed value: scaled, turned for higher-is-worse scales, clipped, rounded. */
function toScale(s: ScaleModel, z: number): number {
  const signed = s.measure.higher_is_better ? z : -z;
  const raw = Math.min(s.measure.max, Math.max(s.measure.min, s.mean + s.sd * signed));
  return s.decimals === 1 ? Math.round(raw * 10) / 10 : Math.round(raw);
}
