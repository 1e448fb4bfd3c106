/** Stage `report`: assembles results.json from the artifacts and renders the HTML report (and, with --pdf, prints it to report.pdf). */
import { performance } from 'node:perf_hooks';
import { assembleResults } from '../../src/results/assemble.ts';
import { renderReport } from '../../src/report/html-report.ts';
import { PDF_FILE, writePdf } from '../../src/report/pdf.ts';
import { reportProvenance, runDate } from '../../src/report/provenance.ts';
import {
  ARTIFACT,
  type CostBenefitArtifact,
  type FidelityArtifact,
  type IngestArtifact,
  type MetaAnalysisArtifact,
  type OutcomesArtifact,
  type QualityOfLifeArtifact,
  type VerifyArtifact,
} from '../artifacts.ts';
import type { Stage } from '../stage.ts';

const PAGE_OUTPUTS = [ARTIFACT.results, ARTIFACT.charts, ARTIFACT.report];

export const reportStage: Stage = {
  name: 'report',
  describe: 'Write results.json, the charts and the HTML report (index.html) from the artifacts; with --pdf also report.pdf',
  // report.pdf is listed even when not asked for, so a run without --pdf removes a stale one.
  outputs: [...PAGE_OUTPUTS, PDF_FILE],
  expectedOutputs: (options) => (options.pdf ? [...PAGE_OUTPUTS, PDF_FILE] : PAGE_OUTPUTS),
  inputs: {
    // The plan's bytes: the provenance section prints the file's name and SHA-256.
    files: ['analysis-plan.json'],
    // Every section: the report prints texts, labels and settings from all over the plan.
    plan: 'all',
    upstream: ['ingest', 'verify', 'outcomes', 'quality-of-life', 'cost-benefit', 'meta-analysis', 'fidelity'],
    options: {
      '--lang': (c) => c.options.lang ?? c.plan.report_language,
      '--pdf': (c) => c.options.pdf === true,
      // The day the page shows (SOURCE_DATE_EPOCH, else today): a reused page keeps the
      // day it was made on only while that is still the day a new one would show.
      'report date': (c) => runDate(c.env),
    },
  },
  async run({ folder, options, plan, planFile, notice }) {
    const ingest = await folder.readJson<IngestArtifact>(ARTIFACT.ingest, 'ingest');
    const verify = await folder.readJson<VerifyArtifact>(ARTIFACT.verify, 'verify');
    const outcomes = await folder.readJson<OutcomesArtifact>(ARTIFACT.outcomes, 'outcomes');
    const qualityOfLife = await folder.readJson<QualityOfLifeArtifact>(ARTIFACT.qualityOfLife, 'quality-of-life');
    const costBenefit = await folder.readJson<CostBenefitArtifact>(ARTIFACT.costBenefit, 'cost-benefit');
    const evidence = await folder.readJson<MetaAnalysisArtifact>(ARTIFACT.metaAnalysis, 'meta-analysis');
    const fidelity = await folder.readJson<FidelityArtifact>(ARTIFACT.fidelity, 'fidelity');
    const results = assembleResults(plan, ingest.summary, verify, outcomes, qualityOfLife, costBenefit, { metaAnalysis: evidence.meta_analysis, fidelity: fidelity.fidelity });
    // The optional files those stages read, listed with the delivered files in the provenance section.
    const optionalInputs = [evidence.file, fidelity.file].flatMap((f) => (f === null ? [] : [{ file: f.name, bytes: f.bytes, sha256: f.sha256 }]));
    const lang = options.lang ?? plan.report_language;
    const report = await renderReport({
      summary: ingest.summary, plan, verify, outcomes, qualityOfLife, costBenefit, lang, version: options.version,
      metaAnalysis: evidence.meta_analysis,
      fidelity: fidelity.fidelity,
      // File fingerprints, versions and the day of the run (from SOURCE_DATE_EPOCH when set).
      // The plan's are this command's: ingest may be reused across plan edits.
      provenance: reportProvenance({ inputs: [...ingest.inputs, ...optionalInputs], plan_file: planFile.path, plan_sha256: planFile.sha256 }),
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
      notice(`  ${PDF_FILE}: ${pages} pages in ${Math.round(performance.now() - start)} ms`);
    }
  },
};
