/** Names and types of the artifacts stages exchange: the interface between stages. */
import type { IngestSummary } from '../src/io/dataset.ts';
import type { VerifyResult } from '../src/design/verify.ts';
import type { OutcomesResult } from '../src/outcomes/outcomes.ts';
import type { QualityOfLifeResult } from '../src/quality-of-life/quality-of-life-results.ts';
import type { CostBenefitResult } from '../src/cost-benefit/cost-benefit-results.ts';
import type { TrialFidelity } from '../src/fidelity/site-employment.ts';
import type { TrialInContext } from '../src/meta-analysis/trial-in-context.ts';

/** What the outcomes stage writes: the employment analyses (aggregates only). */
export type OutcomesArtifact = OutcomesResult;

/** What the quality-of-life stage writes: the questionnaire analyses (aggregates only). */
export type QualityOfLifeArtifact = QualityOfLifeResult;

/** What the cost-benefit stage writes: the break-even model's results (aggregates only). */
export type CostBenefitArtifact = CostBenefitResult;

/** What the verify stage writes: its findings (no row-level data). */
export type VerifyArtifact = VerifyResult;

/** An optional delivered file a stage read: its name, size and SHA-256 (for the report's provenance). */
export interface OptionalFileRecord {
  name: string;
  bytes: number;
  sha256: string;
}

/** What the meta-analysis stage writes (aggregates and published figures only). */
export interface MetaAnalysisArtifact {
  /** evidence.csv as read, or null when none was delivered. */
  file: OptionalFileRecord | null;
  /** Null when no evidence file was delivered. */
  meta_analysis: TrialInContext | null;
}

/** What the fidelity stage writes (site-level aggregates only). */
export interface FidelityArtifact {
  /** fidelity.csv as read, or null when none was delivered. */
  file: OptionalFileRecord | null;
  /** Null when no fidelity file was delivered. */
  fidelity: TrialFidelity | null;
  /** Columns of fidelity.csv outside its contract (ignored). */
  ignored_columns: string[];
}

export const ARTIFACT = {
  ingest: 'artifacts/ingest.json',
  dataset: 'artifacts/dataset.bin',
  verify: 'artifacts/verify.json',
  outcomes: 'artifacts/outcomes.json',
  qualityOfLife: 'artifacts/quality-of-life.json',
  costBenefit: 'artifacts/cost-benefit.json',
  metaAnalysis: 'artifacts/meta-analysis.json',
  fidelity: 'artifacts/fidelity.json',
  results: 'results.json',
  report: 'index.html',
  charts: 'charts',
  manifest: 'manifest.json',
  /** Where the delivery is (data folder, plan file), for commands that do not run ingest. */
  delivery: 'artifacts/delivery.json',
  /** One record per stage of the inputs its current outputs were computed from. */
  stageRecords: 'artifacts/stages',
} as const;

/**
 * What the ingest stage writes beside the dataset: the delivered data files it read and
 * its summary. Nothing of the plan beyond what the checks used: later stages take the plan
 * from the command that runs them, so a plan change does not need a new ingest.
 */
export interface IngestArtifact {
  inputs: { file: string; bytes: number; sha256: string }[];
  summary: IngestSummary;
}
