/**
 * Options of `npm run bench` and the per-size defaults (resamples and repetitions).
 * Pure: parsing only, no file system.
 */
import { parseArgs } from 'node:util';

/** A wrong command line: the bench prints the message and the usage, and exits 2. */
export class BenchUsageError extends Error {}

/** Where the peak memory of a process comes from. */
export type PeakSource = 'time' | 'resource-usage';

export interface BenchOptions {
  /** Trial sizes in participants, in the order given. */
  sizes: number[];
  /** Repetitions per size; null = the size's default (see sizeSettings). */
  reps: number | null;
  /** Keep the generated data (and print where) instead of removing it at the end. */
  keep: boolean;
  /**
   * Development only: bootstrap resamples and permutations for every size instead of the
   * targets' counts. The figures are then not comparable with the targets, and results.md says so.
   */
  resamples: number | null;
  /** The Markdown file to write. */
  results: string;
  /** Run the R reference (when Rscript and its packages are found). */
  reference: boolean;
  /** The Rscript executable. */
  rscript: string;
  /** Forward the pipeline's own progress lines to stderr. */
  verbose: boolean;
  /** Force a peak-memory source (default: /usr/bin/time when it works, else resource usage). */
  peakSource: PeakSource | null;
  help: boolean;
}

/** The three sizes: the trial itself, a registry-scale one, and a national one. */
export const DEFAULT_SIZES = [410, 100_000, 1_000_000] as const;

export const USAGE = `Usage: npm run bench -- [options]

Generates synthetic trials with \`ips-rct simulate\`, runs every stage as its own process and
the whole \`ips-rct run\` in one process, times the R reference script on the same files, and
writes wall time and peak memory per stage to bench/results.md.

Options:
  --sizes LIST      trial sizes in participants, comma-separated; k and M allowed
                    (default: 410,100000,1000000)
  --reps N          repetitions per size; medians are reported
                    (default: 5 up to 1 000 participants, 3 up to 100 000, else 1)
  --keep            keep the generated data and run folders (default: a temporary folder,
                    removed at the end, also on failure or Ctrl-C)
  --results FILE    where to write the table (default: bench/results.md)
  --no-reference    skip the R reference (bench/reference.R)
  --rscript PATH    the Rscript executable (default: Rscript on PATH)
  --verbose         also show the pipeline's own progress lines
  --resamples N     development only: N bootstrap resamples and N permutations at every
                    size; the targets are then not assessed
  -h, --help        this text`;

/** Parses a size: digits with optional _ or , separators and an optional k (thousand) or M (million) suffix. */
export function parseSize(text: string): number {
  const match = /^\s*(\d[\d_,]*)\s*([kKmM]?)\s*$/.exec(text);
  if (!match) throw new BenchUsageError(`--sizes: "${text}" is not a number of participants (examples: 410, 100000, 100k, 1M)`);
  const base = Number(match[1]!.replace(/[_,]/g, ''));
  const factor = match[2] === '' ? 1 : match[2]!.toLowerCase() === 'k' ? 1_000 : 1_000_000;
  const n = base * factor;
  // The simulator's own lower bound.
  if (!Number.isSafeInteger(n) || n < 10) throw new BenchUsageError(`--sizes: ${text} is too small; a trial needs at least 10 participants`);
  return n;
}

function positiveInteger(name: string, value: string | undefined): number | null {
  if (value === undefined) return null;
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < 1) throw new BenchUsageError(`${name} must be a whole number of at least 1 (found: ${value})`);
  return n;
}

/** Parses the bench's command line (the arguments after `npm run bench --`). */
export function parseBenchArgs(argv: readonly string[], defaultResults: string): BenchOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        sizes: { type: 'string' },
        reps: { type: 'string' },
        keep: { type: 'boolean', default: false },
        results: { type: 'string' },
        'no-reference': { type: 'boolean', default: false },
        rscript: { type: 'string' },
        verbose: { type: 'boolean', default: false },
        resamples: { type: 'string' },
        'peak-source': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (err) {
    throw new BenchUsageError(err instanceof Error ? err.message : String(err));
  }
  const v = parsed.values;
  const sizes = v.sizes === undefined ? [...DEFAULT_SIZES] : v.sizes.split(',').filter((s) => s.trim() !== '').map(parseSize);
  if (sizes.length === 0) throw new BenchUsageError('--sizes: name at least one size');
  if (new Set(sizes).size !== sizes.length) throw new BenchUsageError('--sizes: a size is listed twice');
  const peak = v['peak-source'];
  if (peak !== undefined && peak !== 'time' && peak !== 'resource-usage') throw new BenchUsageError(`--peak-source must be time or resource-usage (found: ${peak})`);
  return {
    sizes,
    reps: positiveInteger('--reps', v.reps),
    keep: v.keep === true,
    resamples: positiveInteger('--resamples', v.resamples),
    results: v.results ?? defaultResults,
    reference: v['no-reference'] !== true,
    rscript: v.rscript ?? 'Rscript',
    verbose: v.verbose === true,
    peakSource: peak ?? null,
    help: v.help === true,
  };
}

/** What one size runs with. */
export interface SizeSettings {
  participants: number;
  /** Bootstrap resamples, and equally permutations, written into the plan copy. */
  resamples: number;
  reps: number;
  /** True when --resamples replaced the default count. */
  overridden: boolean;
}

/**
 * Resamples and repetitions of a size: the counts (10 000 for the 410-person trial,
 * 1 000 at 100 000 participants, 200 beyond), and fewer repetitions where one run takes long.
 */
export function sizeSettings(participants: number, options: Pick<BenchOptions, 'reps' | 'resamples'>): SizeSettings {
  const resamples = participants <= 1_000 ? 10_000 : participants <= 100_000 ? 1_000 : 200;
  const reps = participants <= 1_000 ? 5 : participants <= 100_000 ? 3 : 1;
  return {
    participants,
    resamples: options.resamples ?? resamples,
    reps: options.reps ?? reps,
    overridden: options.resamples !== null && options.resamples !== resamples,
  };
}
