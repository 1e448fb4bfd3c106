/**
 * The run manifest: what went into a run and how long each stage took. The only output
 * allowed to differ between two runs on the same inputs (it holds the clock).
 */
import { ALLOCATION_ALGORITHM } from '../src/design/allocation.ts';
import { installedVersions, TOOL_NAME, TOOL_VERSION } from '../src/io/package-versions.ts';
import { RNG_INFO } from '../src/random/rng.ts';
import type { IngestArtifact, VerifyArtifact } from './artifacts.ts';

export interface StageTiming {
  name: string;
  duration_ms: number;
  /** False for a stage whose artifacts an earlier command wrote and this one reused. */
  ran: boolean;
}

/** Where the delivery was read from, by the command that ran ingest. */
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

/** Builds the manifest for a finished command. */
export function buildManifest(
  command: string,
  source: Source | null,
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
    data_folder: source?.data ?? null,
    inputs: ingest.inputs,
    allocation_list: verify?.randomization.verification.list ?? null,
    plan: { file: source?.plan ?? null, sha256: ingest.plan_sha256 },
    seed: ingest.plan.seed,
    random_generator: RNG_INFO,
    allocation_generator: ALLOCATION_ALGORITHM,
    packages: installedVersions(),
    stages,
  };
}
