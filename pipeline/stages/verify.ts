/**
 * Stage `verify`: checks the arms against the allocation list, tests the allocation
 * ratio, and counts the CONSORT flow and the baseline table.
 */
import { readDataset } from '../dataset-file.ts';
import { readFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { parseAllocationList } from '../../src/design/allocation.ts';
import { describeRandomization } from '../../src/design/describe.ts';
import { verifyTrial, type SuppliedList } from '../../src/design/verify.ts';
import { ContractError, UsageError } from '../../src/io/errors.ts';
import { message } from '../../src/io/messages.ts';
import { ViolationLog } from '../../src/io/table-check.ts';
import { ARTIFACT, type IngestArtifact, type VerifyArtifact } from '../artifacts.ts';
import type { Stage, StageOptions } from '../stage.ts';

export const verifyStage: Stage = {
  name: 'verify',
  describe: 'Check the arms against the allocation list; allocation ratio, CONSORT counts and baseline table',
  outputs: [ARTIFACT.verify],
  async run(folder, options, log) {
    const ingest = await folder.readJson<IngestArtifact>(ARTIFACT.ingest, 'ingest');
    const dataset = await readDataset(folder);
    const list = await readList(ingest, options);
    const result: VerifyArtifact = verifyTrial({ dataset, summary: ingest.summary, plan: ingest.plan, list, allowUnverified: options.allowUnverified });
    for (const line of describeRandomization(result.randomization)) log(line);
    if (result.randomization.allowed_unverified) log('warning: the allocation failed verification; continuing because of --allow-unverified');
    const flagged = result.baseline.variables.filter((v) => v.imbalanced).map((v) => v.variable);
    if (flagged.length > 0) log(`  baseline: |SMD| > ${result.baseline.imbalance_threshold} for ${flagged.join(', ')}`);
    await folder.writeJson(ARTIFACT.verify, result);
  },
};

/**
 * The allocation list named by --allocation (relative to the working folder) or by the
 * plan (relative to the folder of the plan ingest read), parsed; null when neither names one.
 */
async function readList(ingest: IngestArtifact, options: StageOptions): Promise<SuppliedList | null> {
  const plan = ingest.plan;
  const fromPlan = plan.randomization.allocation_list;
  const path = options.allocation ?? (fromPlan === null ? null : resolve(dirname(ingest.plan_file), fromPlan));
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
