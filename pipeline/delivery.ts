/**
 * The delivery a command analyses: where its files are, reading them, fingerprinting
 * them, and reading the plan fresh. The plan is read and validated by every command, so a
 * changed section reaches the stages that use it without rerunning ingest.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { FILES } from '../src/io/contract.ts';
import { sha256 } from '../src/io/hash.ts';
import { readPlanFile, type Unreadable } from '../src/io/ingest.ts';
import type { AnalysisPlan } from '../src/io/plan.ts';
import type { Progress } from '../src/progress.ts';
import { MISSING } from './fingerprint.ts';
import type { DeliveredFile, PlanFileInfo, StageOptions } from './stage.ts';

/** Where the delivery is: recorded in the run folder by each command that runs ingest. */
export interface DeliveryRecord {
  /** The data folder, as given on the command line (what the manifest shows). */
  data_folder: string;
  /** The plan file, as given (or `<data>/analysis-plan.json`). */
  plan_file: string;
  /** Both made absolute, so a later command finds them from any working folder. */
  absolute: { data_folder: string; plan_file: string };
}

/** The record of a delivery given relative to the working folder. */
export function deliveryRecord(data: string, plan: string): DeliveryRecord {
  return { data_folder: data, plan_file: plan, absolute: { data_folder: resolve(data), plan_file: resolve(plan) } };
}

/** A record read back, or null when it is not one. */
export function validDeliveryRecord(r: unknown): DeliveryRecord | null {
  const d = r as DeliveryRecord | null;
  const ok = d !== null && typeof d === 'object' && typeof d.data_folder === 'string' && typeof d.plan_file === 'string' &&
    d.absolute !== null && typeof d.absolute === 'object' && typeof d.absolute.data_folder === 'string' && typeof d.absolute.plan_file === 'string';
  return ok ? d : null;
}

/** A delivered file's bytes; missing and unreadable files become contract violations. */
export async function readDelivered(path: string): Promise<Uint8Array | Unreadable | undefined> {
  try {
    return await readFile(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    if (code === 'EISDIR' || code === 'EACCES' || code === 'EPERM') return { unreadable: code === 'EISDIR' ? 'a folder' : 'no permission' };
    throw err;
  }
}

/** Reads and validates the plan file (ContractError when it breaks the contract). */
export async function readPlan(path: string, maxViolations: number): Promise<{ plan: AnalysisPlan; info: PlanFileInfo }> {
  const content = await readDelivered(path);
  const plan = readPlanFile(content, maxViolations);
  const bytes = content as Uint8Array;
  return { plan, info: { path, bytes: bytes.byteLength, sha256: sha256(bytes) } };
}

/**
 * The allocation list verify reads: --allocation (relative to the working folder), else
 * the plan's randomization.allocation_list (relative to the plan's folder); null for none.
 */
export function allocationListPath(plan: AnalysisPlan, options: StageOptions): string | null {
  const fromPlan = plan.randomization.allocation_list;
  return options.allocation ?? (fromPlan === null ? null : resolve(dirname(options.plan), fromPlan));
}

/** Where a delivered file is for these options and plan (null: none is named). */
export function deliveredPath(file: DeliveredFile, options: StageOptions, plan: AnalysisPlan): string | null {
  if (file === FILES.plan) return options.plan;
  if (file === 'allocation list') return allocationListPath(plan, options);
  return join(options.data, file);
}

/** Files at least this large report hashing progress. */
const PROGRESS_BYTES = 64 * 1024 * 1024;

/**
 * A delivered file's fingerprint: SHA-256 of its name and bytes (the name, since verify and
 * the report print it), streamed so a large file is never held in memory; `missing` when
 * there is no such file or it cannot be read (the stage then reruns and says why).
 */
export async function fileFingerprint(path: string | null, progress: Progress): Promise<string> {
  if (path === null) return 'none';
  let size: number;
  try {
    const s = await stat(path);
    if (!s.isFile()) return MISSING;
    size = s.size;
  } catch {
    return MISSING;
  }
  const hash = createHash('sha256').update(`${basename(path)}\u0000`);
  const label = `fingerprinting ${basename(path)}`;
  let done = 0;
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
      hash.update(chunk as Buffer);
      done += (chunk as Buffer).byteLength;
      if (size >= PROGRESS_BYTES) progress(label, done, size);
    }
  } catch {
    return MISSING;
  }
  return hash.digest('hex');
}
