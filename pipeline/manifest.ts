/**
 * The run manifest: what went into a run, which stages ran and why, and how long each
 * took. The only output allowed to differ between two runs on the same inputs (it holds
 * the clock).
 */
import { ALLOCATION_ALGORITHM } from '../src/design/allocation.ts';
import type { AnalysisPlan } from '../src/io/plan.ts';
import { installedVersions, TOOL_NAME, TOOL_VERSION } from '../src/io/package-versions.ts';
import { RNG_INFO } from '../src/random/rng.ts';
import type { IngestArtifact, VerifyArtifact } from './artifacts.ts';
import type { PlanFileInfo } from './stage.ts';

/** One stage of the pipeline as this command left it. */
export interface StageTiming {
  name: string;
  /** True when this command ran the stage; false when it reused (or did not select) its outputs. */
  ran: boolean;
  /** Why it ran (reasons joined by "; "), null when it did not run. */
  reason: string | null;
  /** The same reasons one by one ([] when it did not run). */
  reasons: string[];
  /**
   * Milliseconds the stage took to compute its current outputs: in this command when it
   * ran, else as the previous manifest recorded it (null when unknown).
   */
  duration_ms: number | null;
  /**
   * For a stage this command did not select: why its outputs no longer match its inputs
   * (it would rerun), or null when they do. Always null for a selected stage.
   */
  out_of_date: string | null;
}

/** Where the delivery was read from. */
export interface Source {
  data: string;
  plan: string;
}

export interface Manifest {
  tool: { name: string; version: string };
  created_at: string;
  command: string;
  node_version: string;
  platform: string;
  data_folder: string | null;
  inputs: IngestArtifact['inputs'];
  /** The allocation list the arms were verified against (null: none supplied, or verify not run). */
  allocation_list: { file: string; sha256: string; slots: number } | null;
  plan: { file: string | null; sha256: string };
  seed: number;
  random_generator: typeof RNG_INFO;
  /** How allocation lists are drawn from a seed (the list a seed regenerates depends on it). */
  allocation_generator: typeof ALLOCATION_ALGORITHM;
  packages: Record<string, string>;
  stages: StageTiming[];
}

/** The tool's own version (re-exported for the CLI). */
export { TOOL_VERSION };

/** Builds the manifest for a finished command, from the plan it read and the artifacts in the run folder. */
export function buildManifest(
  command: string,
  source: Source,
  plan: AnalysisPlan,
  planFile: PlanFileInfo,
  ingest: IngestArtifact,
  verify: VerifyArtifact | null,
  stages: StageTiming[],
): Manifest {
  return {
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    created_at: new Date().toISOString(),
    command,
    node_version: process.version,
    platform: `${process.platform}-${process.arch}`,
    data_folder: source.data,
    inputs: ingest.inputs,
    allocation_list: verify?.randomization.verification.list ?? null,
    plan: { file: source.plan, sha256: planFile.sha256 },
    seed: plan.seed,
    random_generator: RNG_INFO,
    allocation_generator: ALLOCATION_ALGORITHM,
    packages: installedVersions(),
    stages,
  };
}
