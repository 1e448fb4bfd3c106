/**
 * Stage `meta-analysis`: this trial's employment risk ratio set beside earlier studies from
 * the optional evidence.csv (see src/meta-analysis/trial-in-context.ts for what is pooled).
 * Without the file the artifact says so and the report says that no evidence file was
 * delivered; a file that breaks its contract stops the run (exit 1) with every violation.
 */
import { ContractError, type Violation } from '../../src/io/errors.ts';
import type { AnalysisPlan } from '../../src/io/plan.ts';
import { sha256 } from '../../src/io/hash.ts';
import { checkEvidenceCsv, checkTrialModerators, EVIDENCE_FILE } from '../../src/meta-analysis/evidence-csv.ts';
import { trialInContext, type StudyCounts, type ThisTrialReason } from '../../src/meta-analysis/trial-in-context.ts';
import type { OutcomesResult } from '../../src/outcomes/outcomes.ts';
import { timepointDisclosure } from '../../src/report/disclosure.ts';
import { ARTIFACT, type MetaAnalysisArtifact, type OutcomesArtifact } from '../artifacts.ts';
import { deliveredPath, readDelivered } from '../delivery.ts';
import type { Stage } from '../stage.ts';

/**
 * This trial's 2 × 2 counts at the primary timepoint (intervention = the arm that is not the
 * control), or why it has none to add: no analysable participant in an arm, or employed
 * counts the small-numbers rule hides (the risk ratio and its interval would reveal them).
 */
export function thisTrialCounts(outcomes: OutcomesResult, plan: AnalysisPlan): { counts: StudyCounts } | { reason: ThisTrialReason } {
  const primary = outcomes.employment.find((tp) => tp.primary);
  const armT = plan.arms.find((a) => a !== plan.control_arm);
  const t = armT === undefined ? undefined : primary?.arms[armT];
  const c = primary?.arms[plan.control_arm];
  if (!primary || !t || !c || t.n < 1 || c.n < 1) return { reason: 'not_estimable' };
  if (timepointDisclosure(primary.arms, plan).crude) return { reason: 'small_numbers' };
  return { counts: { events_intervention: t.employed, n_intervention: t.n, events_control: c.employed, n_control: c.n } };
}

export const metaAnalysisStage: Stage = {
  name: 'meta-analysis',
  describe: "The trial's employment risk ratio beside earlier studies (evidence.csv): random-effects meta-analysis, prediction interval, leave-one-out, cumulative, meta-regression",
  outputs: [ARTIFACT.metaAnalysis],
  inputs: {
    files: [EVIDENCE_FILE],
    plan: ['meta_analysis', 'trial', 'arms', 'control_arm', 'primary_timepoint', 'confidence_level', 'small_cell_threshold'],
    upstream: ['outcomes'],
    options: {},
  },
  async run({ folder, options, plan, log, warn }) {
    const content = await readDelivered(deliveredPath(EVIDENCE_FILE, options, plan)!);
    if (content === undefined) {
      log(`  no ${EVIDENCE_FILE} in the data folder: the report says so`);
      await folder.writeJson(ARTIFACT.metaAnalysis, { file: null, meta_analysis: null } satisfies MetaAnalysisArtifact);
      return;
    }
    if (!(content instanceof Uint8Array)) {
      throw new ContractError([{ file: EVIDENCE_FILE, row: null, column: null, rule: 'file could not be read (a folder, or no permission)', found: content.unreadable }]);
    }
    const check = checkEvidenceCsv(content, { maxErrors: options.maxViolations, moderators: plan.meta_analysis.moderators, trialName: plan.trial.name });
    const planViolations: Violation[] = check.total === 0 ? checkTrialModerators(plan.meta_analysis, check.moderators) : [];
    if (check.total > 0 || planViolations.length > 0) {
      throw new ContractError([...check.violations, ...planViolations].slice(0, options.maxViolations), check.total + planViolations.length);
    }
    const outcomes = await folder.readJson<OutcomesArtifact>(ARTIFACT.outcomes, 'outcomes');
    const thisTrial = thisTrialCounts(outcomes, plan);
    if ('counts' in thisTrial) {
      const same = check.studies.filter((s) => s.events_intervention === thisTrial.counts.events_intervention && s.n_intervention === thisTrial.counts.n_intervention
        && s.events_control === thisTrial.counts.events_control && s.n_control === thisTrial.counts.n_control);
      for (const s of same) warn(`${EVIDENCE_FILE}, row ${s.row}: the counts are this trial's own; if it is this trial, remove the row (the pipeline adds this trial itself)`);
    }
    const result = trialInContext({
      rows: check.studies,
      moderators: check.moderators,
      trialName: plan.trial.name,
      month: plan.primary_timepoint,
      thisTrial,
      plan: plan.meta_analysis,
      level: plan.confidence_level,
    });
    const re = result.random_effects;
    const ratio = (x: number) => x.toFixed(2);
    log(`  ${check.studies.length} rows read (${result.evidence.published} published, ${result.evidence.synthetic} synthetic); ${result.k} studies pooled, ${result.excluded.length} not pooled`);
    if (re) {
      log(`  pooled risk ratio (${re.method}, ${re.test}) ${ratio(re.estimate)} (${ratio(re.ci[0])}–${ratio(re.ci[1])}), prediction interval ${ratio(re.prediction_interval[0])}–${ratio(re.prediction_interval[1])}, I² ${(100 * re.i2).toFixed(0)} %`);
    }
    if (result.comparison) log(`  this trial's risk ratio ${ratio(result.comparison.trial.estimate)}: ${result.comparison.position.replaceAll('_', ' ')} of the earlier studies`);
    if (result.meta_regression_note) warn(`meta-regression not fitted: ${result.meta_regression_note}`);
    const artifact: MetaAnalysisArtifact = { file: { name: EVIDENCE_FILE, bytes: content.byteLength, sha256: sha256(content) }, meta_analysis: result };
    await folder.writeJson(ARTIFACT.metaAnalysis, artifact);
  },
};
