/**
 * Stage `fidelity`: how faithfully each site delivered IPS (the optional fidelity.csv,
 * IPS-25 ratings), and whether the sites' fidelity goes with their employment effect. Without
 * the file the artifact says so and the report says that no fidelity ratings were delivered;
 * a file that breaks its contract stops the run (exit 1) with every violation.
 */
import { analyzeFidelity } from '../../src/fidelity/fidelity.ts';
import { checkFidelityCsv, FIDELITY_FILE } from '../../src/fidelity/fidelity-csv.ts';
import { riskDifferencesForCorrelation, siteEmployment, type TrialFidelity } from '../../src/fidelity/site-employment.ts';
import { ContractError } from '../../src/io/errors.ts';
import { sha256 } from '../../src/io/hash.ts';
import type { AnalysisPlan } from '../../src/io/plan.ts';
import type { OutcomesResult } from '../../src/outcomes/outcomes.ts';
import { subgroupDisclosure } from '../../src/report/disclosure.ts';
import { ARTIFACT, type FidelityArtifact, type IngestArtifact, type OutcomesArtifact } from '../artifacts.ts';
import { deliveredPath, readDelivered } from '../delivery.ts';
import type { Stage } from '../stage.ts';

/**
 * The sites' employment effects at the primary timepoint from the outcomes' `site`
 * subgroup, with the levels the report hides (the small-numbers rule, as the subgroup
 * forest plot applies it) left out.
 */
export function siteEffects(trialSites: readonly string[], outcomes: OutcomesResult, plan: AnalysisPlan) {
  const subgroup = outcomes.employment_subgroups.find((s) => s.variable === 'site' && s.month === plan.primary_timepoint);
  const overall = outcomes.employment.find((tp) => tp.month === plan.primary_timepoint);
  const hidden = subgroup ? subgroupDisclosure([subgroup], overall, plan)[0]! : [];
  return siteEmployment(trialSites, subgroup, hidden);
}

export const fidelityStage: Stage = {
  name: 'fidelity',
  describe: "IPS-25 fidelity per site (fidelity.csv): totals, bands, item profiles, and their relation to the site's employment effect",
  outputs: [ARTIFACT.fidelity],
  inputs: {
    files: [FIDELITY_FILE],
    plan: ['fidelity', 'arms', 'primary_timepoint', 'confidence_level', 'small_cell_threshold'],
    upstream: ['ingest', 'outcomes'],
    options: {},
  },
  async run({ folder, options, plan, log, warn }) {
    const content = await readDelivered(deliveredPath(FIDELITY_FILE, options, plan)!);
    if (content === undefined) {
      log(`  no ${FIDELITY_FILE} in the data folder: the report says so`);
      await folder.writeJson(ARTIFACT.fidelity, { file: null, fidelity: null, ignored_columns: [] } satisfies FidelityArtifact);
      return;
    }
    if (!(content instanceof Uint8Array)) {
      throw new ContractError([{ file: FIDELITY_FILE, row: null, column: null, rule: 'file could not be read (a folder, or no permission)', found: content.unreadable }]);
    }
    const ingest = await folder.readJson<IngestArtifact>(ARTIFACT.ingest, 'ingest');
    const trialSites = [...new Set(ingest.summary.participants.by_site.map((s) => s.site))];
    const check = checkFidelityCsv(content, trialSites, { maxErrors: options.maxViolations });
    if (check.total > 0) throw new ContractError(check.violations, check.total);
    for (const column of check.ignored_columns) warn(`${FIDELITY_FILE}: column "${column}" is not in the fidelity contract and was ignored`);
    const outcomes = await folder.readJson<OutcomesArtifact>(ARTIFACT.outcomes, 'outcomes');
    const effects = siteEffects(trialSites, outcomes, plan);
    const result = analyzeFidelity({
      ratings: check.ratings,
      bands: plan.fidelity.bands,
      trialSites,
      riskDifferences: riskDifferencesForCorrelation(effects),
      month: plan.primary_timepoint,
      confidence: plan.confidence_level,
    });
    const fidelity: TrialFidelity = { ...result, site_employment: effects };
    const totals = result.sites.map((s) => `${s.site} ${s.total ?? 'incomplete'}`).join(', ');
    log(`  ${result.sites.length} sites rated: ${totals}`);
    const c = result.correlation;
    log(`  fidelity and employment difference across ${c.n} sites: ${c.r === null ? `no correlation (${c.reason})` : `r = ${c.r.toFixed(2)}`}`);
    const artifact: FidelityArtifact = { file: { name: FIDELITY_FILE, bytes: content.byteLength, sha256: sha256(content) }, fidelity, ignored_columns: check.ignored_columns };
    await folder.writeJson(ARTIFACT.fidelity, artifact);
  },
};
