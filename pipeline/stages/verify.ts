/**
 * Stage `verify`: checks the arms against the allocation list, tests the allocation
 * ratio, and counts the CONSORT flow and the baseline table.
 */
import { readDataset } from '../dataset-file.ts';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseAllocationList } from '../../src/design/allocation.ts';
import { describeRandomization } from '../../src/design/describe.ts';
import { verifyTrial, type SuppliedList } from '../../src/design/verify.ts';
import { ContractError, UsageError } from '../../src/io/errors.ts';
import { message } from '../../src/io/messages.ts';
import type { AnalysisPlan } from '../../src/io/plan.ts';
import { ViolationLog } from '../../src/io/table-check.ts';
import { ARTIFACT, type IngestArtifact, type VerifyArtifact } from '../artifacts.ts';
import { allocationListPath } from '../delivery.ts';
import type { Stage, StageOptions } from '../stage.ts';

export const verifyStage: Stage = {
  name: 'verify',
  describe: 'Check the arms against the allocation list; allocation ratio, CONSORT counts and baseline table',
  outputs: [ARTIFACT.verify],
  inputs: {
    files: ['allocation list'],
    plan: [
      'arms', 'control_arm', 'stratification', 'randomization', 'screening', 'timepoints', 'primary_timepoint', 'registry_months',
      'employment_definition', 'questionnaire_waves', 'measures', 'diagnosis_levels', 'confidence_level', 'small_cell_threshold',
    ],
    upstream: ['ingest'],
    options: { '--allow-unverified': (c) => c.options.allowUnverified },
  },
  async run({ folder, options, plan, log, warn }) {
    const ingest = await folder.readJson<IngestArtifact>(ARTIFACT.ingest, 'ingest');
    const dataset = await readDataset(folder);
    const list = await readList(plan, options);
    const result: VerifyArtifact = verifyTrial({ dataset, summary: ingest.summary, plan, list, allowUnverified: options.allowUnverified });
    for (const line of describeRandomization(result.randomization)) log(line);
    if (result.randomization.verification.status === 'no_list') warn('no allocation list supplied; the arms were not checked against one');
    if (result.randomization.allowed_unverified) warn('the allocation failed verification; continuing because of --allow-unverified');
    const flagged = result.baseline.variables.filter((v) => v.imbalanced).map((v) => v.variable);
    if (flagged.length > 0) log(`  baseline: |SMD| > ${result.baseline.imbalance_threshold} for ${flagged.join(', ')}`);
    await folder.writeJson(ARTIFACT.verify, result);
  },
};

/**
 * The allocation list named by --allocation (relative to the working folder) or by the
 * plan (relative to the plan's folder), parsed; null when neither names one.
 */
async function readList(plan: AnalysisPlan, options: StageOptions): Promise<SuppliedList | null> {
  const fromPlan = plan.randomization.allocation_list;
  const path = allocationListPath(plan, options);
  if (path === null) return null;
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (options.allocation !== undefined) throw new UsageError(`--allocation ${options.allocation}: ${code === 'ENOENT' ? 'no such file' : 'cannot be read'}`);
    const rule = code === 'ENOENT' ? message.fileMissing : message.fileUnreadable;
    throw new ContractError([{ file: basename(path), row: null, column: null, rule, found: `randomization.allocation_list = ${JSON.stringify(fromPlan)}` }]);
  }
  const log = new ViolationLog(options.maxViolations);
  const slots = parseAllocationList(bytes, basename(path), plan.arms, log);
  if (slots === null) throw new ContractError(log.list, log.total);
  return { file: basename(path), bytes, slots };
}
