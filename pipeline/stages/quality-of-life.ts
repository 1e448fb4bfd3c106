/** Stage `quality-of-life`: the questionnaire analyses (the trial's secondary outcomes). */
import { readDataset } from '../dataset-file.ts';
import { analyseQualityOfLife } from '../../src/quality-of-life/quality-of-life.ts';
import { ARTIFACT, type IngestArtifact, type QualityOfLifeArtifact } from '../artifacts.ts';
import type { Stage } from '../stage.ts';

export const qualityOfLifeStage: Stage = {
  name: 'quality-of-life',
  describe: 'Questionnaire measures per wave: description, ANCOVA with multiplicity correction, Hedges\' g, mixed model and multiple imputation',
  outputs: [ARTIFACT.qualityOfLife],
  async run(folder, _options, log) {
    const ingest = await folder.readJson<IngestArtifact>(ARTIFACT.ingest, 'ingest');
    const dataset = await readDataset(folder);
    const result: QualityOfLifeArtifact = analyseQualityOfLife(dataset, ingest.plan, log);
    const clear = result.quality_of_life.filter((r) => r.difference?.p_adjusted !== null && r.difference?.p_adjusted !== undefined && r.difference.p_adjusted < 1 - ingest.plan.confidence_level);
    log(`  ${result.quality_of_life_methods.family.length} comparisons; ${clear.length} clear after ${ingest.plan.multiplicity} correction`);
    await folder.writeJson(ARTIFACT.qualityOfLife, result);
  },
};
