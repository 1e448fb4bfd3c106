/** Stage `report`: assembles results.json from the artifacts and renders the HTML report (and, with --pdf, prints it to report.pdf). */
import { performance } from 'node:perf_hooks';
import { assembleResults } from '../../src/results/assemble.ts';
import { renderReport } from '../../src/report/html-report.ts';
import { PDF_FILE, writePdf } from '../../src/report/pdf.ts';
import { reportProvenance } from '../../src/report/provenance.ts';
import { ARTIFACT, type IngestArtifact, type OutcomesArtifact, type QualityOfLifeArtifact, type CostBenefitArtifact, type VerifyArtifact } from '../artifacts.ts';
import type { Stage } from '../stage.ts';

export const reportStage: Stage = {
  name: 'report',
  describe: 'Write results.json, the charts and the HTML report (index.html) from the artifacts; with --pdf also report.pdf',
  // report.pdf is listed even when not asked for, so a run without --pdf removes a stale one.
  outputs: [ARTIFACT.results, ARTIFACT.charts, ARTIFACT.report, PDF_FILE],
  async run(folder, options, log) {
    const ingest = await folder.readJson<IngestArtifact>(ARTIFACT.ingest, 'ingest');
    const verify = await folder.readJson<VerifyArtifact>(ARTIFACT.verify, 'verify');
    const outcomes = await folder.readJson<OutcomesArtifact>(ARTIFACT.outcomes, 'outcomes');
    const qualityOfLife = await folder.readJson<QualityOfLifeArtifact>(ARTIFACT.qualityOfLife, 'quality-of-life');
    const costBenefit = await folder.readJson<CostBenefitArtifact>(ARTIFACT.costBenefit, 'cost-benefit');
    const results = assembleResults(ingest.plan, ingest.summary, verify, outcomes, qualityOfLife, costBenefit);
    const lang = options.lang ?? ingest.plan.report_language;
    const report = await renderReport({
      summary: ingest.summary, plan: ingest.plan, verify, outcomes, qualityOfLife, costBenefit, lang, version: options.version,
      // File fingerprints, versions and the day of the run (from SOURCE_DATE_EPOCH when set).
      provenance: reportProvenance(ingest),
    });
    await folder.writeJson(ARTIFACT.results, results);
    for (const chart of report.charts) {
      await folder.writeJson(`${ARTIFACT.charts}/${chart.name}.vl.json`, chart.spec);
      await folder.writeText(`${ARTIFACT.charts}/${chart.name}.svg`, chart.svg);
    }
    // The page last: its presence means everything it was built from is in place.
    await folder.writeText(ARTIFACT.report, report.html);
    // The PDF is printed from the written page, so it shows exactly what index.html shows.
    if (options.pdf) {
      const start = performance.now();
      const { pages } = await writePdf(folder.path(ARTIFACT.report), folder.path(PDF_FILE), { lang });
      log(`  ${PDF_FILE}: ${pages} pages in ${Math.round(performance.now() - start)} ms`);
    }
  },
};
