/** Stage `quality-of-life`: the questionnaire analyses (the trial's secondary outcomes). */
import { readDataset } from '../dataset-file.ts';
import { analyseQualityOfLife } from '../../src/quality-of-life/quality-of-life.ts';
import { ARTIFACT, type QualityOfLifeArtifact } from '../artifacts.ts';
import type { Stage } from '../stage.ts';

export const qualityOfLifeStage: Stage = {
  name: 'quality-of-life',
  describe: 'Questionnaire measures per wave: description, ANCOVA with multiplicity correction, Hedges\' g, mixed model and multiple imputation',
  outputs: [ARTIFACT.qualityOfLife],
  inputs: {
    files: [],
    plan: [
      'arms', 'control_arm', 'questionnaire_waves', 'measures', 'covariates', 'diagnosis_levels', 'multiplicity', 'imputations',
      'confidence_level', 'seed', 'small_cell_threshold',
    ],
    upstream: ['ingest'],
    options: {},
  },
  async run({ folder, options, plan, log, progress }) {
    const dataset = await readDataset(folder);
    const result: QualityOfLifeArtifact = await analyseQualityOfLife(dataset, plan, log, { threads: options.threads, progress });
    const clear = result.quality_of_life.filter((r) => r.difference?.p_adjusted !== null && r.difference?.p_adjusted !== undefined && r.difference.p_adjusted < 1 - plan.confidence_level);
    log(`  ${result.quality_of_life_methods.family.length} comparisons; ${clear.length} clear after ${plan.multiplicity} correction`);
    await folder.writeJson(ARTIFACT.qualityOfLife, result);
  },
};
