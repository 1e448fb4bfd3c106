/** Stage `report`: assembles results.json from the artifacts and renders the HTML report. */
import { assembleResults } from '../../src/results/assemble.ts';
import { renderReport } from '../../src/report/html-report.ts';
import { ARTIFACT, type IngestArtifact, type OutcomesArtifact, type QualityOfLifeArtifact, type CostBenefitArtifact, type VerifyArtifact } from '../artifacts.ts';
import type { Stage } from '../stage.ts';

export const reportStage: Stage = {
  name: 'report',
  describe: 'Write results.json, the charts and the HTML report (index.html) from the artifacts',
  outputs: [ARTIFACT.results, ARTIFACT.charts, ARTIFACT.report],
  async run(folder, options) {
    const ingest = await folder.readJson<IngestArtifact>(ARTIFACT.ingest, 'ingest');
    const verify = await folder.readJson<VerifyArtifact>(ARTIFACT.verify, 'verify');
    const outcomes = await folder.readJson<OutcomesArtifact>(ARTIFACT.outcomes, 'outcomes');
    const qualityOfLife = await folder.readJson<QualityOfLifeArtifact>(ARTIFACT.qualityOfLife, 'quality-of-life');
    const costBenefit = await folder.readJson<CostBenefitArtifact>(ARTIFACT.costBenefit, 'cost-benefit');
    const results = assembleResults(ingest.plan, ingest.summary, verify, outcomes, qualityOfLife, costBenefit);
    const lang = options.lang ?? ingest.plan.report_language;
    const report = await renderReport({ summary: ingest.summary, plan: ingest.plan, verify, outcomes, qualityOfLife, costBenefit, lang, version: options.version });
    await folder.writeJson(ARTIFACT.results, results);
    for (const chart of report.charts) {
      await folder.writeJson(`${ARTIFACT.charts}/${chart.name}.vl.json`, chart.spec);
      await folder.writeText(`${ARTIFACT.charts}/${chart.name}.svg`, chart.svg);
    }
    // The page last: its presence means everything it was built from is in place.
    await folder.writeText(ARTIFACT.report, report.html);
  },
};
