/**
 * Runs stages in data-flow order, each only when it must. A stage's outputs are reused
 * when the record of its last success matches the fingerprints of its inputs now (files,
 * plan sections, upstream stages, options, code) and all its outputs exist; otherwise it
 * reruns and the console and manifest say why.
 *
 * Guarantees: before a stage runs, its outputs and record are removed, and the record is
 * written only after it succeeded, so a failed stage reruns next time. When a stage fails,
 * the outputs of every stage built on it are removed too; when a stage's fingerprint
 * changes, the outputs of unselected stages built on it are removed (they are stale). The
 * manifest is removed first and written only when every selected stage succeeded.
 *
 * The delivery: a command that selects ingest analyses --data and --plan and records them;
 * a command that does not analyses the ones given, else the delivery last recorded. Either
 * way the plan is read and validated afresh, so a plan edit reaches the stages that use it
 * without a new ingest.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { FILES } from '../src/io/contract.ts';
import type { AnalysisPlan } from '../src/io/plan.ts';
import { ARTIFACT, type FidelityArtifact, type IngestArtifact, type MetaAnalysisArtifact, type VerifyArtifact } from './artifacts.ts';
import { codeInputs } from './code-fingerprint.ts';
import { deliveredPath, deliveryRecord, fileFingerprint, readPlan, validDeliveryRecord } from './delivery.ts';
import { decide, hashValue, recordOf, type Decision, type InputValues } from './fingerprint.ts';
import { buildManifest, type Manifest, type Source, type StageTiming } from './manifest.ts';
import { RunFolder } from './run-folder.ts';
import type { RunConsole } from './run-console.ts';
import { readRecord, removeRecord, writeRecord } from './stage-records.ts';
import type { OptionInputContext, PlanFileInfo, Stage, StageOptions } from './stage.ts';
import { STAGES } from './stages/index.ts';

/** What a command asks of the runner. */
export interface RunRequest {
  /** Names of the stages to run (when they must), any order; validated by the caller. */
  selected: readonly string[];
  /** A reason that makes every selected stage run regardless ('--force', 'requested'), or null. */
  force: string | null;
  /** How the selection was given, for messages ("--only", "--from", "the report command"). */
  how: string;
  /** The manifest's `command`. */
  command: string;
  /** --data and --plan as typed (undefined when not given): a command without ingest otherwise analyses the recorded delivery. */
  explicit?: { data?: string; plan?: string };
}

/** Environment the runner reads (SOURCE_DATE_EPOCH, through the report's inputs). */
type Env = Readonly<Record<string, string | undefined>>;

/** The stages `name` feeds, directly or through others, in pipeline order. */
export function dependentsOf(name: string, stages: readonly Stage[] = STAGES): string[] {
  const out = new Set<string>([name]);
  for (const s of stages) if (s.inputs.upstream.some((u) => out.has(u))) out.add(s.name);
  out.delete(name);
  return [...out];
}

/**
 * Runs the selected stages into the run folder `out`, reusing what still holds. Throws the
 * first failing stage's error after cleaning up; nothing half-written remains.
 */
export async function runStages(request: RunRequest, out: string, options: StageOptions, con: RunConsole, env: Env = process.env): Promise<StageTiming[]> {
  const folder = new RunFolder(out);
  const selected = new Set(request.selected);
  const previous = await folder.readJsonIfPresent<Manifest>(ARTIFACT.manifest);
  await folder.remove(ARTIFACT.manifest);
  await folder.removeTemporaries();

  // Until a stage runs, a failure (unreadable plan, ingest never run) leaves the selected
  // stages, and everything built on them, without outputs: none may look current.
  const clearSelected = async () => {
    for (const s of STAGES) if (selected.has(s.name) || [...selected].some((n) => dependentsOf(n).includes(s.name))) for (const o of s.outputs) await folder.remove(o);
  };

  let source: Source;
  let paths: Source;
  let plan: AnalysisPlan;
  let planFile: PlanFileInfo;
  try {
    ({ shown: source, paths } = await deliveryFor(folder, selected.has('ingest'), options, request));
    ({ plan, info: planFile } = await readPlan(paths.plan, options.maxViolations));
  } catch (err) {
    await clearSelected();
    throw err;
  }
  const stageOptions: StageOptions = { ...options, data: paths.data, plan: paths.plan };
  if (selected.has('ingest')) await folder.writeJson(ARTIFACT.delivery, deliveryRecord(source.data, source.plan));

  const progress = con.progress.bind(con);
  const fingerprints = new Map<string, string | null>();
  // Stages whose earlier outputs this command replaced with different ones, or removed as stale.
  const changed = new Set<string>();
  const fileHashes = new Map<string, Promise<string>>();
  const hashFile = (path: string | null) => {
    const key = path ?? '';
    if (!fileHashes.has(key)) fileHashes.set(key, fileFingerprint(path, progress));
    return fileHashes.get(key)!;
  };
  const optionContext: OptionInputContext = { options: stageOptions, plan, env };
  const timings: StageTiming[] = [];
  const earlier = (name: string) => previous?.stages?.find((t) => t.name === name)?.duration_ms ?? null;

  for (const stage of STAGES) {
    const record = await readRecord(folder, stage.name);
    const inputs = await inputsOf(stage, optionContext, fingerprints, hashFile);
    const expected = stage.expectedOutputs?.(stageOptions) ?? stage.outputs;
    const missing = expected.filter((o) => !existsSync(folder.path(o)));
    const isSelected = selected.has(stage.name);
    const decision: Decision = decide({ record, inputs, missingOutputs: missing, force: isSelected ? request.force : null });

    if (!isSelected) {
      // Not run: later stages see the fingerprint its outputs carry, whatever its inputs are now.
      fingerprints.set(stage.name, record?.fingerprint ?? null);
      if (!stage.outputs.some((o) => existsSync(folder.path(o)))) continue;
      const staleUpstream = stage.inputs.upstream.filter((u) => changed.has(u));
      const why = !decision.run ? staleUpstream.map((u) => `upstream "${u}" out of date`).join('; ')
        : decision.reasons[0] === 'no earlier run' ? 'its inputs are not on record' : shortReason(decision.reasons);
      if (staleUpstream.length > 0) {
        // Built on outputs this command replaced or removed: stale, and must not look current.
        for (const o of stage.outputs) await folder.remove(o);
        changed.add(stage.name);
        con.warn(`${stage.name} is out of date (${why}) and not selected (${request.how}): its outputs were removed`);
      } else if (decision.run) {
        con.warn(`${stage.name} is out of date (${why}) but not selected (${request.how}): later stages use its earlier outputs`);
        timings.push({ name: stage.name, ran: false, reason: null, reasons: [], duration_ms: earlier(stage.name), out_of_date: decision.reasons.join('; ') });
      } else {
        timings.push({ name: stage.name, ran: false, reason: null, reasons: [], duration_ms: earlier(stage.name), out_of_date: null });
      }
      continue;
    }

    if (!decision.run) {
      fingerprints.set(stage.name, record!.fingerprint);
      con.stageLine(`${stage.name} reused (inputs unchanged)`);
      timings.push({ name: stage.name, ran: false, reason: null, reasons: [], duration_ms: earlier(stage.name), out_of_date: null });
      continue;
    }

    const duration_ms = await runOne(stage, folder, stageOptions, plan, planFile, con, decision.reasons);
    const done = recordOf(stage.name, inputs);
    await writeRecord(folder, done);
    if (record?.fingerprint !== done.fingerprint) changed.add(stage.name);
    fingerprints.set(stage.name, done.fingerprint);
    timings.push({ name: stage.name, ran: true, reason: decision.reasons.join('; '), reasons: decision.reasons, duration_ms, out_of_date: null });
  }

  const ingest = await folder.readJson<IngestArtifact>(ARTIFACT.ingest, 'ingest');
  const verify = timings.some((t) => t.name === 'verify') ? await folder.readJsonIfPresent<VerifyArtifact>(ARTIFACT.verify) : null;
  // The optional inputs other stages read join the delivery's own in the manifest.
  const optional = [await folder.readJsonIfPresent<MetaAnalysisArtifact>(ARTIFACT.metaAnalysis), await folder.readJsonIfPresent<FidelityArtifact>(ARTIFACT.fidelity)];
  const extraInputs = optional.flatMap((a) => (a?.file ? [{ file: a.file.name, bytes: a.file.bytes, sha256: a.file.sha256 }] : []));
  await folder.writeJson(ARTIFACT.manifest, buildManifest(request.command, source, plan, planFile, { ...ingest, inputs: [...ingest.inputs, ...extraInputs] }, verify, timings));
  return timings;
}

/** Runs one stage: outputs and record removed first; on failure, its outputs and those built on it removed. */
async function runOne(stage: Stage, folder: RunFolder, options: StageOptions, plan: AnalysisPlan, planFile: PlanFileInfo, con: RunConsole, reasons: string[]): Promise<number> {
  for (const output of stage.outputs) await folder.remove(output);
  await removeRecord(folder, stage.name);
  con.stageStarted(stage.name);
  const start = performance.now();
  try {
    await stage.run({
      folder, options, plan, planFile,
      log: (line) => con.detail(line),
      notice: (line) => con.notice(line),
      warn: (line) => con.warn(line),
      progress: (label, done, total) => con.progress(label, done, total),
    });
  } catch (err) {
    for (const output of stage.outputs) await folder.remove(output);
    for (const later of STAGES) if (dependentsOf(stage.name).includes(later.name)) for (const output of later.outputs) await folder.remove(output);
    con.stageLine(`${stage.name} failed after ${Math.round(performance.now() - start)} ms`);
    throw err;
  }
  const duration_ms = Math.round(performance.now() - start);
  con.stageLine(`${stage.name} ran in ${duration_ms} ms (${shortReason(reasons)})`);
  return duration_ms;
}

/** At most three reasons on the console (the manifest keeps them all). */
function shortReason(reasons: readonly string[]): string {
  return reasons.length <= 3 ? reasons.join('; ') : `${reasons.slice(0, 3).join('; ')}; and ${reasons.length - 3} more`;
}

/** Every input's fingerprint for `stage` now; upstream stages by the fingerprint their current outputs carry. */
async function inputsOf(
  stage: Stage,
  c: OptionInputContext,
  fingerprints: ReadonlyMap<string, string | null>,
  hashFile: (path: string | null) => Promise<string>,
): Promise<InputValues> {
  const v: InputValues = { ...codeInputs() };
  for (const file of stage.inputs.files) v[`file:${file}`] = await hashFile(deliveredPath(file, c.options, c.plan));
  const sections = stage.inputs.plan === 'all' ? (Object.keys(c.plan) as (keyof AnalysisPlan)[]).sort() : stage.inputs.plan;
  for (const section of sections) v[`plan:${section}`] = hashValue(c.plan[section]);
  for (const up of stage.inputs.upstream) v[`upstream:${up}`] = fingerprints.get(up) ?? null;
  for (const [label, value] of Object.entries(stage.inputs.options)) {
    let x: InputValues[string];
    try {
      x = value(c);
    } catch (err) {
      // Unusable (e.g. a malformed SOURCE_DATE_EPOCH): the stage reruns and reports the error itself.
      x = `error: ${err instanceof Error ? err.message : String(err)}`;
    }
    v[`${label.startsWith('--') ? 'option' : 'setting'}:${label}`] = x;
  }
  return v;
}

/**
 * The delivery this command analyses: `shown` as the user gave it (for the manifest),
 * `paths` to read it by. A command that selects ingest reads --data and --plan (or their
 * defaults). One that does not reads them when given, else the delivery the last
 * ingest-running command recorded (a run folder from before records: the defaults), with
 * the recorded plan while the data folder is the recorded one; it needs ingest's artifact.
 * Where the given delivery differs from what ingest read, ingest's file fingerprints show
 * it and the runner warns that ingest is out of date.
 */
async function deliveryFor(folder: RunFolder, runsIngest: boolean, options: StageOptions, request: RunRequest): Promise<{ shown: Source; paths: Source }> {
  const asGiven = (data: string, plan: string) => ({ shown: { data, plan }, paths: { data, plan } });
  if (runsIngest) return asGiven(options.data, options.plan);
  await folder.readJson<IngestArtifact>(ARTIFACT.ingest, 'ingest');
  const recorded = validDeliveryRecord(await folder.readJsonIfPresent<unknown>(ARTIFACT.delivery));
  const given = request.explicit ?? {};
  if (recorded === null) return asGiven(options.data, options.plan);
  const sameData = given.data === undefined || resolve(given.data) === recorded.absolute.data_folder;
  if (given.data === undefined && given.plan === undefined) {
    return { shown: { data: recorded.data_folder, plan: recorded.plan_file }, paths: { data: recorded.absolute.data_folder, plan: recorded.absolute.plan_file } };
  }
  const data = given.data ?? recorded.absolute.data_folder;
  // The plan that goes with the data folder: the recorded one while the folder is the recorded one.
  const plan = given.plan ?? (sameData ? recorded.absolute.plan_file : join(data, FILES.plan));
  return asGiven(data, plan);
}
