#!/usr/bin/env node
/**
 * `ips-rct`: the command-line tool. Thin: parses options, calls the runner or the
 * simulator, maps errors to exit codes (0 ok, 1 contract, 2 usage, 3 internal, 4 no working
 * Chromium for --pdf).
 * Errors and progress go to stderr (see run-console.ts); results go to the run folder.
 */
import { existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, join, resolve } from 'node:path';
import yargs, { type Argv } from 'yargs';
import { hideBin } from 'yargs/helpers';
import { ContractError, EXIT, exitCodeOf, formatViolation, UsageError, VerificationError } from '../src/io/errors.ts';
import { DEFAULT_MAX_VIOLATIONS } from '../src/io/ingest.ts';
import { FILES } from '../src/io/contract.ts';
import { isAllocationSeed } from '../src/io/plan.ts';
import { ChromiumError, findChromium, PDF_FILE } from '../src/report/pdf.ts';
import { TOOL_VERSION } from './manifest.ts';
import { RunConsole } from './run-console.ts';
import { runStages } from './runner.ts';
import { selectStages } from './selection.ts';
import { STAGES } from './stages/index.ts';
import type { StageOptions } from './stage.ts';

interface CommonArgs {
  data?: string;
  plan?: string;
  out?: string;
  lang?: 'nb' | 'en';
  'max-errors': number;
  allocation?: string;
  'allow-unverified': boolean;
  quiet: boolean;
  verbose: boolean;
  threads?: number;
  /** Only on `run` and `report`. */
  pdf?: boolean;
  /** Only on `run`. */
  force?: boolean;
  only?: string[];
  from?: string;
}

/** The data folder when --data is not given. */
const DEFAULT_DATA = 'data-samples';

function commonOptions<T>(y: Argv<T>) {
  return y
    // No yargs default: whether --data was given matters to commands that do not run ingest.
    .option('data', { type: 'string', describe: `Folder with participants.csv, employment.csv, questionnaires.csv [default: ${DEFAULT_DATA}]` })
    .option('plan', { type: 'string', describe: 'Analysis plan JSON [default: <data>/analysis-plan.json]' })
    .option('out', { type: 'string', describe: 'Run folder [default: reports/<name of the data folder>]' })
    .option('lang', { choices: ['nb', 'en'] as const, describe: "Report language [default: the plan's report_language]" })
    .option('max-errors', { type: 'number', default: DEFAULT_MAX_VIOLATIONS, describe: 'List at most this many contract violations (all are counted)' })
    .option('allocation', { type: 'string', describe: "Allocation list to verify the arms against [default: the plan's randomization.allocation_list]" })
    .option('allow-unverified', {
      type: 'boolean',
      default: false,
      describe: 'Go on when the arms fail verification against the allocation list; the report then carries a warning',
    })
    .option('threads', { type: 'number', describe: 'Worker threads for resampling (1: none) [default: the number of CPUs]' })
    .option('quiet', { type: 'boolean', default: false, describe: 'Print nothing but errors' })
    .option('verbose', { type: 'boolean', default: false, describe: "Print the stages' detail lines also when stderr is not a terminal" });
}

/** `--pdf`, for the commands that write the report (`run` and `report`). */
function pdfOption<T>(y: Argv<T>) {
  return y.option('pdf', {
    type: 'boolean',
    default: false,
    describe: `Also write ${PDF_FILE} (A4, page numbers) beside index.html, printed by headless Chromium ($IPS_RCT_CHROMIUM, else chromium on PATH)`,
  });
}

/** What `run` adds: which stages, and whether to reuse what still holds. */
function runOptions<T>(y: Argv<T>) {
  const names = STAGES.map((s) => s.name).join(', ');
  return y
    .option('force', { type: 'boolean', default: false, describe: 'Rerun the selected stages even when their inputs are unchanged' })
    .option('only', { type: 'string', array: true, describe: `Run only these stages (repeat the option or separate by commas): ${names}` })
    .option('from', { type: 'string', describe: 'Run this stage and every later one' });
}

/** More threads than this is a typing error, not a machine. */
const MAX_THREADS = 256;

/** The worker-thread count: --threads, else one per CPU. */
function threadCount(given: number | undefined): number {
  if (given === undefined) return availableParallelism();
  if (!Number.isInteger(given) || given < 1 || given > MAX_THREADS) throw new UsageError(`--threads must be a whole number from 1 to ${MAX_THREADS}`);
  return given;
}

/** `stage`: the subcommand's stage (always run, as asked); undefined for `run`. */
async function runCommand(args: CommonArgs, stage: string | undefined): Promise<void> {
  if (!Number.isInteger(args['max-errors']) || args['max-errors'] < 1) throw new UsageError('--max-errors must be a whole number of at least 1');
  const data = args.data ?? DEFAULT_DATA;
  const selection = stage === undefined ? selectStages({ only: args.only, from: args.from }) : { names: [stage], how: `the ${stage} command` };
  const threads = threadCount(args.threads);
  const runsIngest = selection.names.includes('ingest');
  // Without --data, a command that does not run ingest analyses the delivery ingest recorded.
  if ((runsIngest || args.data !== undefined) && (!existsSync(data) || !statSync(data).isDirectory())) throw new UsageError(`--data ${data}: no such folder`);
  const out = args.out ?? join('reports', basename(resolve(data)));
  if (existsSync(out) && !statSync(out).isDirectory()) throw new UsageError(`--out ${out}: exists and is not a folder`);
  const options: StageOptions = {
    data,
    plan: args.plan ?? join(data, FILES.plan),
    lang: args.lang,
    maxViolations: args['max-errors'],
    allocation: args.allocation,
    allowUnverified: args['allow-unverified'],
    pdf: args.pdf === true,
    threads,
    version: TOOL_VERSION,
  };
  // Before any stage runs (and removes the previous run's outputs): a missing browser is
  // found in a moment, not after the analyses.
  if (options.pdf && selection.names.includes('report')) findChromium();
  const con = new RunConsole(process.stderr, { tty: process.stderr.isTTY === true, quiet: args.quiet, verbose: args.verbose });
  const command = stage ?? 'run';
  try {
    await runStages(
      {
        selected: selection.names,
        force: stage !== undefined ? 'requested' : args.force ? '--force' : null,
        how: selection.how,
        command,
        explicit: { data: args.data, plan: args.plan },
      },
      out,
      options,
      con,
    );
  } finally {
    con.clear();
  }
  if (args.quiet) return;
  const wroteReport = selection.names.includes('report');
  process.stderr.write(wroteReport ? `Report: ${join(out, 'index.html')}\n` : `Run folder: ${out}\n`);
  if (wroteReport && options.pdf) process.stderr.write(`PDF: ${join(out, PDF_FILE)}\n`);
}

function reportError(err: unknown): number {
  if (err instanceof ContractError) {
    process.stderr.write(`ips-rct: the data or plan break the contract (${err.total} problem${err.total === 1 ? '' : 's'}):\n`);
    for (const v of err.violations) process.stderr.write(`  ${formatViolation(v)}\n`);
    if (err.total > err.violations.length) process.stderr.write(`  ... and ${err.total - err.violations.length} more (raise --max-errors to list them)\n`);
    process.stderr.write('Nothing was written for the failed stage. Fix the file(s) and run again.\n');
  } else if (err instanceof VerificationError) {
    process.stderr.write(`ips-rct: the arms do not match the allocation list (${err.total} problem${err.total === 1 ? '' : 's'}):\n`);
    for (const line of err.problems) process.stderr.write(`  ${line}\n`);
    if (err.total > err.problems.length) process.stderr.write(`  ... and ${err.total - err.problems.length} more\n`);
    process.stderr.write('The pipeline stopped. Correct the records or the list, or rerun with --allow-unverified to report with a visible warning.\n');
  } else if (err instanceof UsageError) {
    process.stderr.write(`ips-rct: ${err.message}\n`);
  } else if (err instanceof ChromiumError) {
    process.stderr.write(`ips-rct: ${err.message}\n`);
    return err.exitCode;
  } else {
    process.stderr.write(`ips-rct: internal error (please report it): ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  }
  return exitCodeOf(err);
}

/** Builds the yargs parser (exported for tests). */
export function buildCli(argv: string[]) {
  let cli = yargs(argv)
    .scriptName('ips-rct')
    .usage('$0 <command> [options]\n\nAnalysis pipeline for randomized trials of Individual Placement and Support (IPS).')
    .command(
      'run',
      'Run the stages in order, each only when its inputs changed since its outputs were written: ' + STAGES.map((s) => s.name).join(' → '),
      (y) =>
        runOptions(pdfOption(commonOptions(y)))
          .example('$0 run --data data-samples --lang en', 'Analyse the shipped sample; report in English')
          .example('$0 run --data data-samples --pdf', 'Also print the report to report.pdf')
          .example('$0 run --data data-samples --from cost-benefit', 'Rerun the cost-benefit stage and the report (when their inputs changed)')
          .example('$0 run --data data-samples --force', 'Rerun every stage'),
      (args) => runCommand(args as CommonArgs, undefined),
    );
  for (const stage of STAGES) {
    cli = cli.command(
      stage.name,
      stage.describe,
      (y) => {
        const withOptions = commonOptions(y).example(`$0 ${stage.name} --out reports/sample`, `Run the ${stage.name} stage again, whether or not its inputs changed`);
        return stage.name === 'report' ? pdfOption(withOptions).example('$0 report --out reports/sample --pdf', 'Rewrite the report and print it to report.pdf') : withOptions;
      },
      (args) => runCommand(args as CommonArgs, stage.name),
    );
  }
  return cli
    .command(
      'randomize',
      'Generate the allocation list before enrolment (allocation.csv) and its SHA-256 commitment, from the plan and a seed',
      (y) =>
        y
          .option('plan', { type: 'string', demandOption: true, describe: 'Analysis plan with a randomization section listing the strata and their slots' })
          .option('seed', { type: 'string', demandOption: true, describe: 'Seed of the list: keep it secret until the trial ends; use a long random one' })
          .option('out', { type: 'string', default: '.', describe: 'Folder to write allocation.csv and allocation-commitment.json to' })
          .option('force', { type: 'boolean', default: false, describe: 'Overwrite an existing allocation list' })
          .example('$0 randomize --plan analysis-plan.json --seed "$(openssl rand -hex 16)" --out trial-setup', 'A new list; publish the hash before enrolment'),
      async (args) => {
        // The plan must be able to record the seed once it is revealed, or the list can never be regenerated.
        if (!isAllocationSeed(args.seed) || args.seed.trim() === '') throw new UsageError('--seed must be 1–200 characters without control characters');
        const { runRandomize } = await import('./randomize.ts');
        const done = await runRandomize({ plan: args.plan, seed: args.seed, out: args.out, force: args.force, toolVersion: TOOL_VERSION });
        for (const w of done.warnings) process.stderr.write(`warning: ${w}\n`);
        process.stderr.write(`Wrote ${done.slots} allocations to ${done.list} and the commitment to ${done.commitment}.\nPublish this SHA-256 before enrolment; keep the seed secret until the trial ends:\n`);
        process.stdout.write(`${done.sha256}  ${basename(done.list)}\n`);
      },
    )
    .command(
      'simulate',
      'Generate a synthetic trial in the data contract format (the shipped sample is its output)',
      (y) =>
        y
          .option('out', { type: 'string', default: 'data-samples', describe: 'Folder to write the four input files to' })
          .option('n', { type: 'number', default: 410, describe: 'Number of participants' })
          .option('seed', { type: 'number', describe: 'Random seed, 0–4294967295 [default: the shipped sample\'s seed]' })
          .example('$0 simulate --n 100000 --out /tmp/trial-100k', 'A registry-scale synthetic trial for benchmarks'),
      async (args) => {
        if (!Number.isInteger(args.n) || args.n < 10) throw new UsageError('--n must be a whole number of at least 10');
        // Loaded on demand: the generator is not needed to analyse a delivery.
        const { runSimulate, SAMPLE_SEED } = await import('./simulate.ts');
        const seed = args.seed ?? SAMPLE_SEED;
        if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new UsageError('--seed must be a whole number from 0 to 4294967295');
        await runSimulate({ out: args.out, n: args.n, seed });
        process.stderr.write(`Wrote a synthetic trial of ${args.n} participants to ${args.out}\n`);
      },
    )
    .demandCommand(1, 'Name a command: run, one stage, randomize or simulate (see --help)')
    .strict()
    .version(TOOL_VERSION)
    .help()
    .alias('h', 'help')
    .epilogue('Exit codes: 0 success, 1 the data or plan break the contract, 2 wrong usage, 3 internal error, 4 --pdf found no working Chromium.')
    .fail((msg, err) => {
      throw err ?? new UsageError(msg);
    })
    .wrap(Math.min(100, process.stdout.columns ?? 100));
}

/** Runs the CLI and returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  try {
    await buildCli(argv).parseAsync();
    return EXIT.ok;
  } catch (err) {
    return reportError(err);
  }
}

const invokedDirectly = process.argv[1] !== undefined && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname);
if (invokedDirectly) {
  process.exitCode = await main(hideBin(process.argv));
}
