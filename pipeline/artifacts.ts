/** Names and types of the artifacts stages exchange: the interface between stages. */
import type { IngestSummary } from '../src/io/dataset.ts';
import type { AnalysisPlan } from '../src/io/plan.ts';

export const ARTIFACT = {
  ingest: 'artifacts/ingest.json',
  dataset: 'artifacts/dataset.json',
  results: 'results.json',
  report: 'index.html',
  charts: 'charts',
  manifest: 'manifest.json',
} as const;

export interface IngestArtifact {
  plan_sha256: string;
  inputs: { file: string; bytes: number; sha256: string }[];
  plan: AnalysisPlan;
  summary: IngestSummary;
}
