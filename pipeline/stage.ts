/**
 * What a pipeline stage is: a name, the outputs it owns, what its outputs depend on (its
 * inputs, declared as data so the runner can tell whether an earlier result still holds),
 * and a thin run function.
 */
import type { AnalysisPlan } from '../src/io/plan.ts';
import type { Progress } from '../src/progress.ts';
import type { RunFolder } from './run-folder.ts';

export interface StageOptions {
  /** Folder holding the delivered CSV files. */
  data: string;
  /** Path of analysis-plan.json. */
  plan: string;
  /** Report language override (else the plan's). */
  lang?: 'nb' | 'en';
  /** Cap on listed contract violations. */
  maxViolations: number;
  /** Allocation list to verify against (else the plan's randomization.allocation_list). */
  allocation?: string;
  /** Go on when the allocation fails verification; the report then carries a warning. */
  allowUnverified: boolean;
  /** Also print the report to report.pdf through headless Chromium (report stage only). */
  pdf?: boolean;
  /**
   * Worker threads a resampling step may use (1: none, everything on the main thread).
   * Never changes a result, so it is no input of any stage.
   */
  threads: number;
  /** Tool version, for the report footer and manifest. */
  version: string;
}

/** The plan file as this command read it. */
export interface PlanFileInfo {
  /** Path as given (or as recorded by the command that ran ingest). */
  path: string;
  bytes: number;
  sha256: string;
}

/** Everything a stage's run function gets. */
export interface StageContext {
  folder: RunFolder;
  /** `data` and `plan` are the delivery this command analyses (see runner.ts). */
  options: StageOptions;
  /** The plan, read and validated by this command (never a copy from an artifact). */
  plan: AnalysisPlan;
  planFile: PlanFileInfo;
  /** A detail line: shown on a terminal or with --verbose, else dropped. */
  log: (line: string) => void;
  /** A line every log should show (e.g. where an extra output went), unless --quiet. */
  notice: (line: string) => void;
  /** A warning, shown unless --quiet (the runner adds "warning: "). */
  warn: (line: string) => void;
  /** Progress of a long step; drawn on a terminal only. */
  progress: Progress;
}

/**
 * Files a stage may read, by role; the runner knows where each one is: the plan file, the
 * allocation list verify reads, or a CSV file in the data folder by name (the contract's
 * three, or an optional one such as evidence.csv, whose absence is its fingerprint).
 */
export type DeliveredFile = 'analysis-plan.json' | 'allocation list' | `${string}.csv`;

/** A top-level section of the analysis plan. */
export type PlanSection = keyof AnalysisPlan;

/** What an option-like input is computed from. */
export interface OptionInputContext {
  options: StageOptions;
  plan: AnalysisPlan;
  env: Readonly<Record<string, string | undefined>>;
}

/**
 * What a stage's outputs depend on. The runner fingerprints each input and reruns the stage
 * only when one changed since its outputs were written (or an output is missing).
 */
export interface StageInputs {
  /** Delivered files whose bytes the stage reads. */
  files: readonly DeliveredFile[];
  /** Plan sections the stage (and everything it calls) reads; 'all' for every section. */
  plan: readonly PlanSection[] | 'all';
  /** Stages whose artifacts it reads. */
  upstream: readonly string[];
  /**
   * Options and settings that change its outputs, by the label a reason shows: a label
   * starting with "--" is a command-line option. The function gives the effective value.
   */
  options: Readonly<Record<string, (c: OptionInputContext) => string | number | boolean | null>>;
}

export interface Stage {
  name: string;
  /** One line for --help. */
  describe: string;
  /** Files and folders in the run folder this stage writes (removed before it runs). */
  outputs: string[];
  /** The outputs a finished run with these options leaves (default: all of `outputs`). */
  expectedOutputs?: (options: StageOptions) => string[];
  inputs: StageInputs;
  run(ctx: StageContext): Promise<void>;
}
