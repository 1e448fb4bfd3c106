/**
 * The random draws for each analysed participant, in participant order. Creating a second
 * instance with the same seed replays exactly the same draws, which lets the generator look
 * at the whole sample once (to set the IPS effect) without holding it in memory.
 */
import type { Rng } from '../random/rng.ts';
import { drawCareer, newCareer, type Career } from './careers.ts';
import { ANCHOR_MONTHS, DIAGNOSES, type Cohort } from './cohort.ts';
import { drawLatent, drawMissingWaves, newLatentAnswers, WAVES, type LatentAnswers, type ScaleModel } from './questionnaires.ts';
import { STREAM, streamRng } from './seeds.ts';

/** Bit of each questionnaire wave in Cohort.anchors: waves fall on anchor months. */
const WAVE_ANCHOR_BITS = WAVES.map((w) => {
  const k = (ANCHOR_MONTHS as readonly number[]).indexOf(w);
  if (k < 0) throw new Error(`simulate: questionnaire wave ${w} is not an anchor month`);
  return k;
});

/** Registry careers; call `next` for each analysed participant in order. */
export class CareerDraws {
  /** The last drawn participant's career (buffer reused). */
  readonly career: Career = newCareer();
  private readonly rng: Rng;

  constructor(
    private readonly cohort: Cohort,
    seed: number,
  ) {
    this.rng = streamRng(seed, STREAM.careers);
  }

  /** Draws participant i's career. */
  next(i: number): Career {
    drawCareer(this.cohort.anchors[i]!, this.rng, this.career);
    return this.career;
  }
}

/** Latent questionnaire scores; call `next` for each analysed participant in order. */
export class AnswerDraws {
  /** The last drawn participant's latent answers (buffer reused). */
  readonly latent: LatentAnswers;
  private readonly rng: Rng;
  private readonly missingWaves: Uint8Array;
  private readonly employedAtWave: number[] = WAVES.map(() => 0);
  private analysed = 0;

  constructor(
    private readonly cohort: Cohort,
    seed: number,
    private readonly scales: readonly ScaleModel[],
  ) {
    this.rng = streamRng(seed, STREAM.questionnaires);
    this.latent = newLatentAnswers(scales.length);
    const withdrawn = cohort.withdrawn.reduce((a, w) => a + w, 0);
    this.missingWaves = drawMissingWaves(cohort.n - withdrawn, this.rng);
  }

  /** Draws participant i's latent answers (i must be the next analysed participant). */
  next(i: number): LatentAnswers {
    const c = this.cohort;
    // Employment at the waves is fixed by the anchors, so no career is needed here.
    WAVE_ANCHOR_BITS.forEach((bit, w) => (this.employedAtWave[w] = (c.anchors[i]! >> bit) & 1));
    const who = { ips: c.arm[i] === 0, wellbeing: c.wellbeing[i]!, diagnosis: DIAGNOSES[c.diagnosis[i]!]!, employedAtWave: this.employedAtWave };
    drawLatent(this.scales, who, this.missingWaves[this.analysed++]!, this.rng, this.latent);
    return this.latent;
  }
}
