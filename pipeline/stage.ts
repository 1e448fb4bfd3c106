/** What a pipeline stage is: a name, the outputs it owns, and a thin run function. */
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
  /** Tool version, for the report footer and manifest. */
  version: string;
}

export interface Stage {
  name: string;
  /** One line for --help. */
  describe: string;
  /** Files and folders in the run folder this stage writes (removed before it runs). */
  outputs: string[];
  /** `log` prints a progress or warning line (stderr, unless --quiet). */
  run(folder: RunFolder, options: StageOptions, log: (line: string) => void): Promise<void>;
}
