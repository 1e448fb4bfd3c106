/**
 * The questionnaire analyses of the shipped sample against R on the same CSV files: the
 * ANCOVA (lm), the mixed model (lmerTest), Holm (p.adjust), the description and Hedges' g.
 * The R script reads data-samples/ directly, so the pipeline's ingest is part of what is
 * checked. Regenerating the sample changes these numbers: rerun the R calls below then.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../../src/io/ingest.ts';
import { analyseQualityOfLife } from '../../src/quality-of-life/quality-of-life.ts';
import type { QualityOfLifeResult, QualityOfLifeWave } from '../../src/quality-of-life/quality-of-life-results.ts';
import { SAMPLE } from '../helpers/cli.ts';

/** Agreement to `digits` significant digits. */
const close = (actual: number | null | undefined, expected: number, digits: number) => {
  expect(actual).toBeTypeOf('number');
  expect(Math.abs(actual! - expected) / Math.abs(expected)).toBeLessThan(10 ** -digits);
};

/*
 * R 4.2.2, lmerTest 3.1-3:
 *   p <- read.csv("data-samples/participants.csv", na.strings = c("", "NA"))
 *   q <- read.csv("data-samples/questionnaires.csv", na.strings = c("", "NA"))   # an empty cell is missing
 *   p <- p[p$withdrawn == 0, ]; p$arm <- factor(p$arm, levels = c("TVR", "IPS"))
 *   b <- q[q$wave == 0, c("participant_id", m)]; names(b)[2] <- "baseline"
 * ANCOVA at wave w:
 *   f <- q[q$wave == w, c("participant_id", m)]; names(f)[2] <- "y"
 *   d <- merge(merge(p, f, by = "participant_id"), b, by = "participant_id", all.x = TRUE)
 *   fit <- lm(y ~ arm + baseline + site + age + sex + education + worked_last_5y, data = d)
 *   sprintf("%.15g", c(coef(fit)["armIPS"], sqrt(vcov(fit)["armIPS", "armIPS"]), df.residual(fit), nobs(fit),
 *                      summary(fit)$coefficients["armIPS", 4]))
 * Mixed model over waves 6 and 12 (d as above with wave, y non-missing, wave a factor 6, 12):
 *   fit <- lmer(y ~ arm * wave + baseline + site + age + sex + education + worked_last_5y + (1 | participant_id), data = d, REML = TRUE)
 *   contest(fit, L, ddf = "Satterthwaite", joint = FALSE) with L = armIPS (wave 6) and armIPS + armIPS:wave12 (wave 12)
 *   as.data.frame(VarCorr(fit))$vcov
 */
const R: Record<string, { lm: [number, number, number, number, number][]; lmer: [number, number, number, number][]; varcorr: [number, number] }> = {
  qol: {
    lm: [[0.359357765360964, 0.208852837034017, 264, 277, 0.0864902862147961], [0.701826892210385, 0.211026159783257, 220, 233, 0.00103305975572701]],
    lmer: [[0.409733903396481, 0.200839759727385, 489.204398376193, 0.0418765481918027], [0.658934687940739, 0.21765138807798, 492.709528841066, 0.00259522611747794]],
    varcorr: [0.345892238275552, 2.36106936164176],
  },
  health: {
    lm: [[0.222684442963894, 0.102471253145569, 261, 274, 0.0306692808149087], [0.300017983868334, 0.122724764152283, 225, 238, 0.0152685343332065]],
    lmer: [[0.227682987833067, 0.107451337931496, 485.082589324365, 0.0346030562096089], [0.288361559698216, 0.114324126521869, 491.19178390125, 0.0119734015030332]],
    varcorr: [0.165395042901391, 0.603364918316319],
  },
  depression: {
    lm: [[-1.21664840151579, 0.587355974514924, 256, 269, 0.0393234110041224], [-2.30041909542976, 0.65244324259659, 218, 231, 0.000514453415471576]],
    lmer: [[-1.20319711558603, 0.587816367035864, 481.514599588707, 0.0412109163997636], [-2.4019712440804, 0.632345811141014, 483.581299322159, 0.000164113289133706]],
    varcorr: [2.12405355886804, 20.385948238778],
  },
  functioning: {
    lm: [[2.31236303817427, 1.43613926370142, 254, 267, 0.108612708435957], [4.64234209835393, 1.53149217153893, 224, 237, 0.00272199590970067]],
    lmer: [[2.49338949275045, 1.42867992251458, 482.584069917078, 0.0815795658011981], [4.57071890241528, 1.5008591999144, 485.297698123786, 0.00245006259249642]],
    varcorr: [19.3921542381748, 111.641139925081],
  },
  work_belief: {
    lm: [[0.221585837630419, 0.0945074884439478, 266, 279, 0.019781317784311], [0.331448094837534, 0.110426533024064, 225, 238, 0.00298940814698755]],
    lmer: [[0.248771593662214, 0.0972130756311799, 495.353522932734, 0.010792359995672], [0.301515409593712, 0.104533712216974, 499.129241288601, 0.00409129151355241]],
    varcorr: [0.0930005093471855, 0.5459864494393],
  },
};

let result: QualityOfLifeResult;
let input: { dataset: Parameters<typeof analyseQualityOfLife>[0]; plan: Parameters<typeof analyseQualityOfLife>[1] };
const row = (measure: string, month: number): QualityOfLifeWave => result.quality_of_life.find((r) => r.measure === measure && r.month === month)!;

beforeAll(async () => {
  const raw = (f: string) => readFileSync(join(SAMPLE, f));
  const { dataset, plan } = ingest({ plan: raw('analysis-plan.json'), participants: raw('participants.csv'), employment: raw('employment.csv'), questionnaires: raw('questionnaires.csv') });
  input = { dataset, plan: { ...plan, imputations: 5 } };
  result = await analyseQualityOfLife(input.dataset, input.plan);
});

describe('quality of life on the shipped sample, against R', () => {
  it('has every measure at every plan wave, baseline first', () => {
    expect(result.quality_of_life.map((r) => `${r.measure}@${r.month}`)).toEqual(
      Object.keys(R).flatMap((m) => [0, 6, 12].map((w) => `${m}@${w}`)),
    );
    expect(result.quality_of_life_methods.family).toHaveLength(10);
  });

  it("ANCOVA equals lm's arm coefficient, SE, df, n and p", () => {
    for (const [measure, expected] of Object.entries(R)) {
      [6, 12].forEach((month, k) => {
        const [estimate, se, df, n, p] = expected.lm[k]!;
        const d = row(measure, month).difference!;
        close(d.estimate, estimate, 9);
        close(d.se, se, 9);
        expect(d.df).toBe(df);
        expect(d.n).toBe(n);
        close(d.p, p, 7);
      });
    }
  });

  it("the mixed model equals lmerTest's REML estimates, SEs and Satterthwaite df", () => {
    for (const [measure, expected] of Object.entries(R)) {
      [6, 12].forEach((month, k) => {
        const [estimate, se, df, p] = expected.lmer[k]!;
        const d = row(measure, month).mixed_model!;
        close(d.estimate, estimate, 6);
        close(d.se, se, 6);
        close(d.df, df, 4);
        close(d.p, p, 4);
      });
      const mm = result.quality_of_life_methods.mixed_models.find((x) => x.measure === measure)!;
      close(mm.participant_variance, expected.varcorr[0], 5);
      close(mm.residual_variance, expected.varcorr[1], 6);
    }
  });

  it("adjusts the ten ANCOVA p-values as R's p.adjust(p, 'holm')", () => {
    // R: p.adjust(<the ten lm p-values above, measure by measure, 6 then 12 months>, "holm")
    const holm = [0.172980572429592, 0.00929753780154309, 0.122677123259635, 0.091611205999239, 0.122677123259635, 0.00514453415471576, 0.172980572429592, 0.0217759672776054, 0.098906588921555, 0.0217759672776054];
    const got = Object.keys(R).flatMap((m) => [6, 12].map((w) => row(m, w).difference!.p_adjusted));
    got.forEach((p, k) => close(p, holm[k]!, 7));
  });

  it('describes each arm and wave as R does', () => {
    // R: ids <- p$participant_id[p$arm == a]; v <- na.omit(q$qol[q$wave == w & q$participant_id %in% ids])
    //    c(length(ids), length(v), mean(v), sd(v), t.test(v)$conf.int)
    const expected = {
      '0 IPS': [227, 215, 5.52697674418605, 1.84834294932925, 5.27850645607162, 5.77544703230047],
      '0 TVR': [181, 167, 5.57844311377246, 1.76095947835124, 5.30940303668902, 5.84748319085589],
      '12 IPS': [227, 141, 6.44042553191489, 1.88944355842833, 6.12583703615726, 6.75501402767253],
      '12 TVR': [181, 115, 5.92173913043478, 1.70961073894572, 5.60592532989497, 6.2375529309746],
    };
    for (const [key, [total, n, mean, sd, low, high]] of Object.entries(expected)) {
      const [month, arm] = key.split(' ');
      const s = row('qol', Number(month)).arms[arm!]!;
      expect(s.n).toBe(n);
      expect(s.missing).toBe(total! - n!);
      close(s.share_missing, (total! - n!) / total!, 12);
      close(s.mean, mean!, 12);
      close(s.sd, sd!, 12);
      close(s.ci![0], low!, 10);
      close(s.ci![1], high!, 10);
    }
  });

  it("gives Hedges' g as metafor's exact correction over the pooled baseline SD", () => {
    // R: pooled baseline SD of qol 1.81068897187703 on 380 df (the two arms' var pooled);
    //    cmi <- function(mi) exp(lgamma(mi/2) - log(sqrt(mi/2)) - lgamma((mi-1)/2)); J <- cmi(380)
    //    c(J, J * coef(fit)["armIPS"] / sp, J * confint(fit)["armIPS", ] / sp)
    const g = row('qol', 12).hedges_g!;
    close(g.pooled_baseline_sd, 1.81068897187703, 12);
    close(g.correction, 0.998024799620383, 12);
    close(g.estimate, 0.386836532582601, 9);
    close(g.ci![0], 0.157603310771677, 9);
    close(g.ci![1], 0.616069754393526, 9);
  });

  it('reads differences by the measure\'s direction, never by the sign alone', () => {
    expect(row('depression', 12).difference!.estimate).toBeLessThan(0);
    expect(row('depression', 12).difference!.reading).toBe('better');
    expect(row('qol', 12).difference!.reading).toBe('better');
    expect(row('qol', 6).difference!.reading).toBe('no_clear_difference');
  });

  it('pools imputations into an estimate near the ANCOVA, with a fraction of missing information in (0, 1)', () => {
    for (const r of result.quality_of_life.filter((x) => !x.baseline)) {
      const mi = r.multiple_imputation!;
      expect(mi.m).toBe(5);
      expect(mi.fmi).toBeGreaterThan(0);
      expect(mi.fmi).toBeLessThan(1);
      expect(Math.abs(mi.estimate! - r.difference!.estimate!)).toBeLessThan(1.5 * r.difference!.se!);
      expect(mi.n).toBeGreaterThan(r.difference!.n);
    }
  });
});

describe('threads', () => {
  it('give the same results on 2 threads as on the calling thread alone', async () => {
    const seen: number[] = [];
    const threaded = await analyseQualityOfLife(input.dataset, input.plan, () => undefined, { threads: 2, progress: (_, done) => seen.push(done) });
    expect(JSON.stringify(threaded)).toBe(JSON.stringify(result));
    // One unit per mixed model and per completed data set, counted to the end.
    expect(seen[seen.length - 1]).toBe(5 + 5 * 5);
  }, 30_000);
});
