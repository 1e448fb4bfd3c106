/**
 * What the report's provenance section needs beyond the plan and the verify result: the
 * delivered files' and the plan's SHA-256 fingerprints, the runtime and package versions,
 * the random generator, and the day of the run.
 *
 * The day is the only thing on the page that changes between two runs on the same inputs.
 * It comes from SOURCE_DATE_EPOCH when that is set (the reproducible-builds convention,
 * https://reproducible-builds.org/specs/source-date-epoch/), so a rebuild can be made
 * byte-identical; otherwise it is today's date in UTC. Only the day: a time of day would
 * change the page within a day too, and says nothing a reader needs.
 */
import { basename } from 'node:path';
import { UsageError } from '../io/errors.ts';
import { message } from '../io/messages.ts';
import { installedVersions } from '../io/package-versions.ts';
import { RNG_INFO } from '../random/rng.ts';

/** Everything the provenance section shows that is not in the plan or the verify result. */
export interface ReportProvenance {
  /** The delivered data files in contract order: name, size in bytes, SHA-256 of the bytes as delivered. */
  inputs: { file: string; bytes: number; sha256: string }[];
  /** The analysis plan: its file name (without the folder, which differs between machines) and SHA-256. */
  plan: { file: string; sha256: string };
  /** The Node.js version that ran the analysis ("v20.20.0"). */
  node_version: string;
  /** Installed versions of the runtime dependencies, by package name. */
  packages: Record<string, string>;
  /** The seeded generator behind every random step. */
  random_generator: { package: string; package_version: string; generator: string; algorithm_version: number };
  /** The day of the run, YYYY-MM-DD in UTC. */
  run_date: string;
}

/** The ingest stage's record of what it read (the fields of its artifact the report uses). */
export interface IngestRecord {
  inputs: { file: string; bytes: number; sha256: string }[];
  /** The plan file as given on the command line. */
  plan_file: string;
  plan_sha256: string;
}

/** The latest SOURCE_DATE_EPOCH accepted: 9999-12-31T23:59:59Z, so the year keeps four digits. */
const MAX_EPOCH_SECONDS = 253_402_300_799;

/**
 * The day of the run, YYYY-MM-DD in UTC: from SOURCE_DATE_EPOCH (whole seconds since
 * 1970-01-01 UTC) when it is set and not empty, else from `now`. A malformed value is a
 * usage error rather than silently ignored, as the convention asks.
 * @example runDate({ SOURCE_DATE_EPOCH: '1795392000' }) // '2026-11-23'
 */
export function runDate(env: Readonly<Record<string, string | undefined>> = process.env, now: Date = new Date()): string {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch === undefined || epoch === '') return now.toISOString().slice(0, 10);
  if (!/^[0-9]{1,12}$/.test(epoch) || Number(epoch) > MAX_EPOCH_SECONDS) throw new UsageError(message.sourceDateEpoch(epoch));
  return new Date(Number(epoch) * 1000).toISOString().slice(0, 10);
}

/**
 * The provenance of a report from the ingest stage's record, the environment (for
 * SOURCE_DATE_EPOCH) and the clock. Reads the installed package versions from disk.
 */
export function reportProvenance(ingest: IngestRecord, env: Readonly<Record<string, string | undefined>> = process.env, now: Date = new Date()): ReportProvenance {
  return {
    inputs: ingest.inputs.map(({ file, bytes, sha256 }) => ({ file, bytes, sha256 })),
    plan: { file: basename(ingest.plan_file), sha256: ingest.plan_sha256 },
    node_version: process.version,
    packages: installedVersions(),
    random_generator: { ...RNG_INFO },
    run_date: runDate(env, now),
  };
}
