/** Names and types of the artifacts stages exchange: the interface between stages. */
import type { IngestSummary } from '../src/io/dataset.ts';
import type { AnalysisPlan } from '../src/io/plan.ts';
import type { VerifyResult } from '../src/design/verify.ts';
import type { OutcomesResult } from '../src/outcomes/outcomes.ts';
import type { QualityOfLifeResult } from '../src/quality-of-life/quality-of-life-results.ts';
import type { CostBenefitResult } from '../src/cost-benefit/cost-benefit-results.ts';

/** What the outcomes stage writes: the employment analyses (aggregates only). */
export type OutcomesArtifact = OutcomesResult;

/** What the quality-of-life stage writes: the questionnaire analyses (aggregates only). */
export type QualityOfLifeArtifact = QualityOfLifeResult;

/** What the cost-benefit stage writes: the break-even model's results (aggregates only). */
export type CostBenefitArtifact = CostBenefitResult;

/** What the verify stage writes: its findings (no row-level data). */
export type VerifyArtifact = VerifyResult;

export const ARTIFACT = {
  ingest: 'artifacts/ingest.json',
  dataset: 'artifacts/dataset.json',
  verify: 'artifacts/verify.json',
  outcomes: 'artifacts/outcomes.json',
  qualityOfLife: 'artifacts/quality-of-life.json',
  costBenefit: 'artifacts/cost-benefit.json',
  results: 'results.json',
  report: 'index.html',
  charts: 'charts',
  manifest: 'manifest.json',
} as const;

export interface IngestArtifact {
  /** The plan file ingest read, as given on the command line (later stages resolve paths in the plan against it). */
  plan_file: string;
  plan_sha256: string;
  inputs: { file: string; bytes: number; sha256: string }[];
  plan: AnalysisPlan;
  summary: IngestSummary;
}
