/**
 * Assembles `results.json` from the stage artifacts: every number the report shows, in the
 * results contract's stable key names. Assembling only: no statistic is computed here.
 */
import type { IngestSummary } from '../io/dataset.ts';
import type { AnalysisPlan } from '../io/plan.ts';
import type { BaselineTable } from '../design/baseline.ts';
import type { ConsortFlow } from '../design/consort.ts';
import type { RandomizationResult, VerifyResult } from '../design/verify.ts';
import type { OutcomesResult } from '../outcomes/outcomes.ts';
import type { QualityOfLifeResult } from '../quality-of-life/quality-of-life-results.ts';
import type { CostBenefitResult } from '../cost-benefit/cost-benefit-results.ts';
import type { TrialFidelity } from '../fidelity/site-employment.ts';
import type { TrialInContext } from '../meta-analysis/trial-in-context.ts';

/** Bumped when a key is renamed or removed (adding keys does not bump it). */
export const RESULTS_SCHEMA_VERSION = 1;

export interface Results {
  schema_version: number;
  trial: { name: string; registration: string | null };
  analysis: { arms: string[]; control_arm: string; confidence_level: number; small_cell_threshold: number };
  consort: ConsortFlow;
  randomization: RandomizationResult;
  baseline: BaselineTable;
  employment: OutcomesResult['employment'];
  employment_over_time: OutcomesResult['employment_over_time'];
  time_to_first_job: OutcomesResult['time_to_first_job'];
  employment_subgroups: OutcomesResult['employment_subgroups'];
  quality_of_life: QualityOfLifeResult['quality_of_life'];
  quality_of_life_methods: QualityOfLifeResult['quality_of_life_methods'];
  cost_benefit: CostBenefitResult['cost_benefit'];
  /** This trial beside earlier studies (evidence.csv), risk-ratio scale; null when no evidence file was delivered. */
  meta_analysis: TrialInContext | null;
  /** The sites' IPS-25 fidelity (fidelity.csv) and its relation to their employment effect; null when no fidelity file was delivered. */
  fidelity: TrialFidelity | null;
  ingest: IngestSummary;
}

/** The results of the evidence stages: null for a file that was not delivered (or a stage that did not run). */
export interface EvidenceResults {
  metaAnalysis: TrialInContext | null;
  fidelity: TrialFidelity | null;
}

/** Builds the results object from the plan, the ingest summary and each stage's result. */
export function assembleResults(
  plan: AnalysisPlan,
  summary: IngestSummary,
  verify: VerifyResult,
  outcomes: OutcomesResult,
  qualityOfLife: QualityOfLifeResult,
  costBenefit: CostBenefitResult,
  evidence: EvidenceResults = { metaAnalysis: null, fidelity: null },
): Results {
  return {
    schema_version: RESULTS_SCHEMA_VERSION,
    trial: { name: plan.trial.name, registration: plan.trial.registration ?? null },
    analysis: {
      arms: plan.arms,
      control_arm: plan.control_arm,
      confidence_level: plan.confidence_level,
      small_cell_threshold: plan.small_cell_threshold,
    },
    consort: verify.consort,
    randomization: verify.randomization,
    baseline: verify.baseline,
    employment: outcomes.employment,
    employment_over_time: outcomes.employment_over_time,
    time_to_first_job: outcomes.time_to_first_job,
    employment_subgroups: outcomes.employment_subgroups,
    quality_of_life: qualityOfLife.quality_of_life,
    quality_of_life_methods: qualityOfLife.quality_of_life_methods,
    cost_benefit: costBenefit.cost_benefit,
    meta_analysis: evidence.metaAnalysis,
    fidelity: evidence.fidelity,
    ingest: summary,
  };
}
