/**
 * `npm run bench`: wall time and peak memory of the pipeline on synthetic trials of 410,
 * 100 000 and 1 000 000 participants, per stage and in total, against the R reference
 * (bench/reference.R) on the same files in the same run; writes bench/results.md.
 *
 *   npm run bench -- --sizes 410,100000 --reps 3 --keep
 *
 * The pipeline is a black box here: the bench calls the CLI as a user does (one process per
 * stage, then `run` in one process) and learns the stage list and whether `--force` exists
 * from its `--help`. Progress goes to stderr. Generated data live in a temporary folder that
 * is removed at the end, also on failure or Ctrl-C (unless --keep).
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { FALLBACK_STAGES, helpHasOption, parseStageList } from './cli-help.ts';
import { machineInfo } from './machine.ts';
import { gnuTimeWorks, measure, stopCurrent, type Command, type Measured } from './measure.ts';
import { BenchUsageError, parseBenchArgs, sizeSettings, USAGE, type BenchOptions, type PeakSource, type SizeSettings } from './options.ts';
import { parseReferenceOutput, pipelineEstimates, REFERENCE_PACKAGES } from './reference-output.ts';
import { formatNumber } from './format-number.ts';
import { extractGap, formatResults, type BenchReport } from './results-md.ts';
import { medianByKey, medianSample, type Agreement, type ReferenceResult, type Sample, type SizeResult } from './summary.ts';

const ROOT = resolve(import.meta.dirname, '..');
/**
 * The package's bin, which `npx ips-rct` runs, started by node directly: it is what users
 * run, minus npx's own start-up. Median start-up (`--version`, 9 interleaved runs on the
 * 2-core machine, busy): `node bin/ips-rct.js` 1.75 s, `node --import tsx pipeline/cli.ts`
 * 2.09 s, `npx ips-rct` 3.28 s (`npx tsx pipeline/cli.ts` slower still: npm plus a second
 * Node process). Should the bin become precompiled JavaScript, the bench measures that.
 */
const BIN = 'bin/ips-rct.js';
const REFERENCE_SCRIPT = 'bench/reference.R';
const PIPELINE_COMMAND = `node ${BIN}`;
const STARTUP_REPS = 5;
/** The data contract's file names (the bench does not import the pipeline's modules). */
const CSV_FILES = ['participants.csv', 'employment.csv', 'questionnaires.csv'] as const;
const PLAN_FILE = 'analysis-plan.json';
const BENCH_PLAN_FILE = 'bench-plan.json';

class StepFailed extends Error {}

const say = (line: string) => process.stderr.write(`[bench] ${line}\n`);

function pipeline(args: string[]): Command {
  return { file: process.execPath, args: [BIN, ...args], node: true };
}

interface Context {
  options: BenchOptions;
  work: string;
  peak: PeakSource | null;
}

/** Runs a command, throws StepFailed with the tail of its stderr when it fails. */
async function step(ctx: Context, label: string, command: Command): Promise<Measured> {
  const forward = ctx.options.verbose ? (line: string) => process.stderr.write(`    ${line}\n`) : undefined;
  const m = await measure(command, { cwd: ROOT, scratch: ctx.work, peak: ctx.peak, onStderrLine: forward });
  if (m.exitCode !== 0) {
    const how = m.signal ? `was stopped by ${m.signal}` : `exited with ${m.exitCode}`;
    throw new StepFailed(`${label} ${how}. Its last output:\n${m.stderrTail.trimEnd().split('\n').slice(-30).join('\n')}`);
  }
  return m;
}

/** Help text of a CLI command (`ips-rct <command> --help`); a CLI that cannot print it cannot be measured either. */
async function helpOf(ctx: Context, command: string[]): Promise<string> {
  return (await step({ ...ctx, peak: null }, `${command.join(' ')} --help`, pipeline([...command, '--help']))).stdout;
}

/** Lines of a file (newline bytes, plus a last line without one). */
async function countLines(path: string): Promise<number> {
  let lines = 0;
  let last = 0x0a;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    for (let i = chunk.indexOf(0x0a); i >= 0; i = chunk.indexOf(0x0a, i + 1)) lines++;
    if (chunk.length > 0) last = chunk[chunk.length - 1]!;
  }
  return last === 0x0a ? lines : lines + 1;
}

/** Null when the R reference can run, else why not. */
function referenceUnavailable(options: BenchOptions): string | null {
  if (!options.reference) return 'skipped with --no-reference';
  const probe = `missing <- Filter(function(p) !requireNamespace(p, quietly = TRUE), c(${REFERENCE_PACKAGES.map((p) => `"${p}"`).join(', ')})); cat(missing, sep = " ")`;
  const r = spawnSync(options.rscript, ['-e', probe], { encoding: 'utf8' });
  if (r.error) return `${options.rscript} not found (install R, e.g. Debian's r-base-core, or name it with --rscript)`;
  if (r.status !== 0) return `${options.rscript} failed to start (exit ${r.status})`;
  const missing = r.stdout.trim();
  return missing === '' ? null : `R package(s) not installed: ${missing} (Debian: ${missing.split(/\s+/).map((p) => `r-cran-${p.toLowerCase()}`).join(' ')})`;
}

interface Rep {
  stages: Map<string, Sample>;
  run: Sample;
  inRun: Record<string, number>;
  reference: Sample | null;
  referenceSteps: Record<string, number>;
  referenceResults: Record<string, number>;
  pipelineResults: Record<string, number | null>;
  referenceVersions: Record<string, string>;
}

/** Stage durations recorded by the one-process run in its manifest (missing or unreadable: none). */
function manifestTimings(runOut: string): Record<string, number> {
  try {
    const manifest = JSON.parse(readFileSync(join(runOut, 'manifest.json'), 'utf8')) as { stages?: { name?: unknown; duration_ms?: unknown; ran?: unknown }[] };
    const out: Record<string, number> = {};
    for (const s of manifest.stages ?? []) if (typeof s.name === 'string' && typeof s.duration_ms === 'number' && s.ran !== false) out[s.name] = s.duration_ms;
    return out;
  } catch {
    return {};
  }
}

/** A generated trial and the plan copy the size runs with. */
interface SizeData {
  dir: string;
  data: string;
  planFile: string;
  facts: SizeResult['data'];
}

/** Simulates the trial and writes the plan copy with the size's resamples and permutations. */
async function prepareSize(ctx: Context, settings: SizeSettings, label: string): Promise<SizeData> {
  const n = settings.participants;
  const dir = join(ctx.work, `n${n}`);
  const data = join(dir, 'data');
  mkdirSync(dir, { recursive: true });
  say(`${label}: simulating ...`);
  const sim = await step(ctx, `simulate --n ${n}`, pipeline(['simulate', '--n', String(n), '--out', data]));
  const plan = JSON.parse(readFileSync(join(data, PLAN_FILE), 'utf8')) as Record<string, unknown>;
  const window = plan.registry_months as { first?: unknown; last?: unknown } | undefined;
  const registryMonths = typeof window?.first === 'number' && typeof window.last === 'number' ? { first: window.first, last: window.last } : null;
  plan.bootstrap_resamples = settings.resamples;
  plan.permutations = settings.resamples;
  // Beside the original, so that paths in the plan (the allocation list) resolve the same.
  const planFile = join(data, BENCH_PLAN_FILE);
  writeFileSync(planFile, `${JSON.stringify(plan, null, 2)}\n`);
  const csvBytes = CSV_FILES.reduce((sum, f) => sum + statSync(join(data, f)).size, 0);
  const registryRows = (await countLines(join(data, 'employment.csv'))) - 1;
  const questionnaireRows = (await countLines(join(data, 'questionnaires.csv'))) - 1;
  say(`${label}: ${formatNumber(registryRows)} registry rows, ${formatNumber(csvBytes / 1024 ** 2, 1)} MiB of CSV, simulated in ${formatNumber(sim.wallMs)} ms; ${formatNumber(settings.resamples)} resamples and permutations, ${settings.reps} repetition(s)`);
  return { dir, data, planFile, facts: { registryRows, registryMonths, questionnaireRows, csvBytes, simulateMs: sim.wallMs } };
}

const sampleText = (m: Sample) => `${formatNumber(m.wallMs)} ms${m.peakMiB === null ? '' : `, ${formatNumber(m.peakMiB)} MiB`}`;

/** One repetition: each stage as its own process, then `run` in one process, then R. Leaves the run folders in place. */
async function repetition(ctx: Context, size: SizeData, settings: SizeSettings, where: string, plan: RunPlan): Promise<Rep> {
  const common = ['--data', size.data, '--plan', size.planFile];
  const stagesOut = join(size.dir, 'stages-out');
  const runOut = join(size.dir, 'run-out');
  rmSync(stagesOut, { recursive: true, force: true });
  rmSync(runOut, { recursive: true, force: true });

  const stages = new Map<string, Sample>();
  for (const stage of plan.stages) {
    say(`${where}: ${stage} ...`);
    const m = await step(ctx, stage, pipeline([stage, ...common, '--out', stagesOut, ...(plan.forcedStages.has(stage) ? ['--force'] : [])]));
    stages.set(stage, { wallMs: m.wallMs, peakMiB: m.peakMiB });
    say(`${where}: ${stage} ${sampleText(m)}`);
  }

  say(`${where}: run (whole pipeline, one process) ...`);
  const run = await step(ctx, 'run', pipeline(['run', ...common, '--out', runOut, ...(plan.forceRun ? ['--force'] : [])]));
  say(`${where}: run ${sampleText(run)}`);
  let pipelineResults = pipelineEstimates(null);
  try {
    pipelineResults = pipelineEstimates(JSON.parse(readFileSync(join(runOut, 'results.json'), 'utf8')));
  } catch {
    // No readable results.json: the agreement check shows dashes.
  }
  const rep: Rep = { stages, run: { wallMs: run.wallMs, peakMiB: run.peakMiB }, inRun: manifestTimings(runOut), reference: null, referenceSteps: {}, referenceResults: {}, pipelineResults, referenceVersions: {} };

  if (plan.referenceUnavailable === null) {
    say(`${where}: R reference ...`);
    const r = await step(ctx, 'R reference', { file: ctx.options.rscript, args: [REFERENCE_SCRIPT, size.data, size.planFile, String(settings.resamples)], node: false });
    const parsed = parseReferenceOutput(r.stdout);
    rep.reference = { wallMs: r.wallMs, peakMiB: r.peakMiB };
    rep.referenceSteps = parsed.timings;
    rep.referenceResults = parsed.results;
    rep.referenceVersions = parsed.versions;
    say(`${where}: R reference ${sampleText(r)}`);
  }
  return rep;
}

/** Medians over the repetitions, and the agreement check of the last one. */
function summarize(settings: SizeSettings, facts: SizeResult['data'], plan: RunPlan, reps: readonly Rep[]): SizeResult {
  const inRun = medianByKey(reps.map((r) => r.inRun));
  const last = reps[reps.length - 1]!;
  const reference: ReferenceResult = plan.referenceUnavailable !== null
    ? { ran: false, reason: plan.referenceUnavailable }
    : { ran: true, run: medianSample(reps.map((r) => r.reference!))!, steps: medianByKey(reps.map((r) => r.referenceSteps)) };
  const agreement: Agreement[] = reference.ran
    ? Object.keys(last.pipelineResults).map((name) => ({ name, pipeline: last.pipelineResults[name] ?? null, reference: last.referenceResults[name] ?? null }))
    : [];
  return {
    participants: settings.participants,
    resamples: settings.resamples,
    overridden: settings.overridden,
    reps: settings.reps,
    data: facts,
    stages: plan.stages.map((name) => ({ name, ...medianSample(reps.map((r) => r.stages.get(name)!))!, inRunMs: inRun[name] ?? null })),
    run: medianSample(reps.map((r) => r.run))!,
    reference,
    agreement,
  };
}

/** What every size runs: the stages, where --force goes, and whether R runs (null) or why not. */
interface RunPlan {
  stages: readonly string[];
  forceRun: boolean;
  forcedStages: ReadonlySet<string>;
  referenceUnavailable: string | null;
}

async function benchSize(ctx: Context, settings: SizeSettings, plan: RunPlan): Promise<{ result: SizeResult; versions: Record<string, string> | null }> {
  const label = `${formatNumber(settings.participants)} participants`;
  const size = await prepareSize(ctx, settings, label);
  const reps: Rep[] = [];
  for (let k = 1; k <= settings.reps; k++) {
    reps.push(await repetition(ctx, size, settings, `${label}, repetition ${k}/${settings.reps}`, plan));
    if (!(ctx.options.keep && k === settings.reps)) {
      for (const out of ['stages-out', 'run-out']) rmSync(join(size.dir, out), { recursive: true, force: true });
    }
  }
  if (!ctx.options.keep) rmSync(size.dir, { recursive: true, force: true });
  return { result: summarize(settings, size.facts, plan, reps), versions: plan.referenceUnavailable === null ? reps[reps.length - 1]!.referenceVersions : null };
}

function utcStamp(d: Date): string {
  return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

async function bench(options: BenchOptions, argv: readonly string[], work: string): Promise<void> {
  const started = new Date();
  const machine = machineInfo(ROOT);
  const peak: PeakSource = options.peakSource ?? (gnuTimeWorks(work) ? 'time' : 'resource-usage');
  const ctx: Context = { options, work, peak };
  const settings = options.sizes.map((n) => sizeSettings(n, options));

  // The help texts also warm tsx's compile cache before anything is timed.
  say('reading the CLI\'s help (stages, --force) ...');
  const runHelp = await helpOf(ctx, ['run']);
  const parsedStages = parseStageList(runHelp);
  if (!parsedStages) say(`could not read the stage list from \`run --help\`; using ${FALLBACK_STAGES.join(', ')}`);
  const stageNames = parsedStages ?? [...FALLBACK_STAGES];
  const forcedStages = new Set<string>();
  for (const s of stageNames) if (helpHasOption(await helpOf(ctx, [s]), '--force')) forcedStages.add(s);
  const forceRun = helpHasOption(runHelp, '--force');
  say(`stages: ${stageNames.join(' → ')}; --force ${forceRun ? 'passed' : 'not offered by the CLI, fresh run folders instead'}`);

  const startupSamples: Sample[] = [];
  for (let k = 0; k < STARTUP_REPS; k++) {
    const m = await step(ctx, '--version', pipeline(['--version']));
    startupSamples.push({ wallMs: m.wallMs, peakMiB: m.peakMiB });
  }
  const startup = medianSample(startupSamples);
  say(`CLI start-up (--version): ${formatNumber(startup!.wallMs)} ms`);

  const rUnavailable = referenceUnavailable(options);
  say(rUnavailable === null ? 'R reference: will run' : `R reference: ${rUnavailable}`);
  const plan: RunPlan = { stages: stageNames, forceRun, forcedStages, referenceUnavailable: rUnavailable };

  const sizes: SizeResult[] = [];
  let versions: Record<string, string> | null = null;
  for (const s of settings) {
    const done = await benchSize(ctx, s, plan);
    sizes.push(done.result);
    versions = done.versions ?? versions;
  }

  machine.loadEnd = loadavg()[0]!;
  const report: BenchReport = {
    started: utcStamp(started),
    invocation: `npm run bench${argv.length > 0 ? ` -- ${argv.join(' ')}` : ''}`,
    machine,
    referenceVersions: versions,
    referenceSkipped: rUnavailable,
    pipelineCommand: PIPELINE_COMMAND,
    forced: forceRun,
    peakSource: peak === 'time' ? 'maximum resident set size of the process, from `/usr/bin/time -f %M`' : 'the process\'s own `process.resourceUsage().maxRSS` at exit (GNU time not available; none for R)',
    startup,
    startupReps: STARTUP_REPS,
    sizes,
  };
  const resultsFile = resolve(options.results);
  const previous = existsSync(resultsFile) ? readFileSync(resultsFile, 'utf8') : null;
  // Written whole or not at all: an interrupted write must not lose the kept gap text.
  const temporary = `${resultsFile}.${process.pid}.tmp`;
  writeFileSync(temporary, formatResults(report, extractGap(previous)));
  renameSync(temporary, resultsFile);
  say(`wrote ${relative(process.cwd(), resultsFile) || resultsFile}`);
}

/** Runs the bench; returns the exit code (0 done, 1 a step failed, 2 wrong usage, 130 interrupted). */
async function main(argv: readonly string[]): Promise<number> {
  let options: BenchOptions;
  try {
    options = parseBenchArgs(argv, join(ROOT, 'bench', 'results.md'));
  } catch (err) {
    if (!(err instanceof BenchUsageError)) throw err;
    process.stderr.write(`bench: ${err.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const work = mkdtempSync(join(tmpdir(), 'ips-rct-bench-'));
  const cleanUp = () => {
    if (options.keep) say(`kept the generated data in ${work}`);
    else rmSync(work, { recursive: true, force: true });
  };
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    say(`${signal}: stopping ...`);
    void stopCurrent().finally(() => {
      cleanUp();
      process.exit(signal === 'SIGINT' ? 130 : 143);
    });
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    await bench(options, argv, work);
    return 0;
  } catch (err) {
    if (stopping) return 130;
    if (err instanceof StepFailed) {
      say(`failed: ${err.message}`);
      return 1;
    }
    throw err;
  } finally {
    if (!stopping) cleanUp();
  }
}

process.exitCode = await main(process.argv.slice(2));
