/**
 * `ips-rct randomize`: generates the allocation list before enrolment from the plan's
 * randomization section and a seed, and writes allocation.csv with its commitment
 * (allocation-commitment.json: the list's SHA-256, design and generator, but not the
 * seed), both atomically. Refuses to replace an existing list unless told to.
 */
import { existsSync, statSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { ALLOCATION_ALGORITHM, allocationCsv, designFromPlan, generateAllocation } from '../src/design/allocation.ts';
import { toJsonText, writeFileAtomic } from '../src/io/atomic-write.ts';
import { UsageError } from '../src/io/errors.ts';
import { sha256 } from '../src/io/hash.ts';
import { readPlanFile } from '../src/io/ingest.ts';

export const ALLOCATION_FILES = { list: 'allocation.csv', commitment: 'allocation-commitment.json' } as const;

/** Seeds shorter than this can be found by trying them all; the command warns. */
const SHORT_SEED = 16;

export interface RandomizeOptions {
  plan: string;
  seed: string;
  out: string;
  force: boolean;
  toolVersion: string;
}

/** What was written: paths, the list's hash and size. */
export interface RandomizeOutcome {
  list: string;
  commitment: string;
  sha256: string;
  slots: number;
  warnings: string[];
}

/** Generates and writes the allocation list and its commitment. */
export async function runRandomize(opts: RandomizeOptions): Promise<RandomizeOutcome> {
  const planBytes = await readFile(opts.plan).catch(() => {
    throw new UsageError(`--plan ${opts.plan}: no such file, or it cannot be read`);
  });
  const plan = readPlanFile(planBytes);
  const r = plan.randomization;
  if (r.strata.length === 0) {
    throw new UsageError(
      `${opts.plan}: randomization.strata is empty; list each value of "${plan.stratification}" with its number of slots, e.g. [{ "name": "Oslo", "slots": 100 }]`,
    );
  }
  if (existsSync(opts.out) && !statSync(opts.out).isDirectory()) throw new UsageError(`--out ${opts.out}: exists and is not a folder`);
  const list = join(opts.out, ALLOCATION_FILES.list);
  const commitment = join(opts.out, ALLOCATION_FILES.commitment);
  if (!opts.force && (existsSync(list) || existsSync(commitment))) {
    throw new UsageError(`${list} already exists; an allocation list in use must never be replaced by accident (use --force to overwrite)`);
  }
  const text = allocationCsv(generateAllocation(designFromPlan(plan), r.strata, opts.seed));
  const hash = sha256(text);
  const slots = r.strata.reduce((s, st) => s + st.slots, 0);
  const record = {
    file: ALLOCATION_FILES.list,
    sha256: hash,
    slots,
    trial: plan.trial,
    design: { stratification: plan.stratification, method: r.method, ratio: r.ratio, block_sizes: r.method === 'simple' ? [] : r.block_sizes },
    strata: r.strata,
    generator: ALLOCATION_ALGORITHM,
    tool: { name: 'ips-rct', version: opts.toolVersion },
  };
  // The list first: a commitment must never describe a list that was not written; and a
  // list without its commitment is removed, so a failed run leaves neither.
  await writeFileAtomic(list, text);
  try {
    await writeFileAtomic(commitment, toJsonText(record));
  } catch (err) {
    await rm(list, { force: true });
    throw err;
  }
  const warnings =
    opts.seed.length < SHORT_SEED
      ? [`the seed has fewer than ${SHORT_SEED} characters: anyone could try every short seed and rebuild the list from its published hash; for a real trial use a long random seed, e.g. $(openssl rand -hex 16)`]
      : [];
  return { list, commitment, sha256: hash, slots, warnings };
}
