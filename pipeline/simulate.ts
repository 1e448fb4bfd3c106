/**
 * The `simulate` stage: writes a synthetic trial (the three CSV files and the analysis
 * plan) into a folder. Each file is written to a temporary file beside its target and
 * renamed into place only when the whole trial has been generated, so an interrupted run
 * never leaves a half-written file.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { join } from 'node:path';
import { FILES } from '../src/io/contract.ts';
import { toJsonText, writeFileAtomic } from '../src/io/atomic-write.ts';
import { ALLOCATION_LIST, EVIDENCE_CSV, FIDELITY_CSV, simulateTrial, TRIAL_FILES, type SimulatedSetup, type TrialFile } from '../src/simulate/sample-trial.ts';

/** Seed of the shipped sample in data-samples/ (the same number as the sample plan's analysis seed). */
export const SAMPLE_SEED = 20130901;

/**
 * Writes participants.csv, employment.csv, questionnaires.csv, allocation.csv,
 * evidence.csv, fidelity.csv and analysis-plan.json into `out`.
 */
export async function runSimulate(opts: { out: string; n: number; seed: number }): Promise<void> {
  await mkdir(opts.out, { recursive: true });
  const targets = TRIAL_FILES.map((file) => ({ file, path: join(opts.out, FILES[file]) }));
  const writers = new Map<TrialFile, TempFileWriter>(targets.map(({ file, path }) => [file, new TempFileWriter(path)]));
  let setup: SimulatedSetup;
  try {
    setup = await simulateTrial({ n: opts.n, seed: opts.seed }, { write: (file, chunk) => writers.get(file)!.write(chunk) });
    for (const w of writers.values()) await w.close();
  } catch (err) {
    await Promise.all([...writers.values()].map((w) => w.discard()));
    throw err;
  }
  for (const w of writers.values()) await w.commit();
  await writeFileAtomic(join(opts.out, ALLOCATION_LIST), setup.allocationCsv);
  await writeFileAtomic(join(opts.out, EVIDENCE_CSV), setup.evidenceCsv);
  await writeFileAtomic(join(opts.out, FIDELITY_CSV), setup.fidelityCsv);
  await writeFileAtomic(join(opts.out, FILES.plan), toJsonText(setup.plan));
}

let tmpCounter = 0;

/** A UTF-8 file written through a stream to `<target>.<pid>.<k>.tmp`, renamed on commit. */
class TempFileWriter {
  private readonly tmp: string;
  private readonly stream: WriteStream;
  private failure: Error | null = null;

  constructor(private readonly target: string) {
    this.tmp = `${target}.${process.pid}.${tmpCounter++}.tmp`;
    this.stream = createWriteStream(this.tmp, { encoding: 'utf8' });
    this.stream.on('error', (err) => (this.failure = err));
  }

  /** Writes a chunk, waiting for the stream to drain when its buffer is full. */
  async write(chunk: string): Promise<void> {
    if (this.failure) throw this.failure;
    // `once` rejects if the stream fails while we wait.
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
    if (this.failure) throw this.failure;
  }

  /** Ends the stream once everything is flushed to the temporary file. */
  async close(): Promise<void> {
    if (this.failure) throw this.failure;
    this.stream.end();
    await once(this.stream, 'close');
    if (this.failure) throw this.failure;
  }

  /** Moves the finished temporary file into place (atomic on one file system). */
  async commit(): Promise<void> {
    await rename(this.tmp, this.target);
  }

  /** Removes the temporary file after a failure. */
  async discard(): Promise<void> {
    if (!this.stream.closed) {
      // Wait for the file to be closed: a stream destroyed while still opening would
      // otherwise create the file after it was removed.
      const closed = once(this.stream, 'close').catch(() => undefined);
      this.stream.destroy();
      await closed;
    }
    await rm(this.tmp, { force: true });
  }
}
