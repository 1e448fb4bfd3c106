/**
 * Runs stages in data-flow order. Before a stage runs, its outputs and those of every
 * later stage are removed (they would be stale), and the manifest too; the manifest is
 * written only when every requested stage succeeded.
 */
import { performance } from 'node:perf_hooks';
import { ARTIFACT, type IngestArtifact, type VerifyArtifact } from './artifacts.ts';
import { buildManifest, type Manifest, type Source, type StageTiming } from './manifest.ts';
import { RunFolder } from './run-folder.ts';
import type { Stage, StageOptions } from './stage.ts';
import { STAGES } from './stages/index.ts';

/** Where progress lines go (stderr in the CLI; a no-op in tests). */
export type Log = (line: string) => void;

/**
 * Runs the named stages (all when `names` is empty) into the run folder `out`.
 * Throws the first stage's error after cleaning up; nothing half-written remains.
 */
export async function runStages(names: string[], out: string, options: StageOptions, command: string, log: Log): Promise<StageTiming[]> {
  const folder = new RunFolder(out);
  const selected = names.length === 0 ? STAGES : STAGES.filter((s) => names.includes(s.name));
  const firstIndex = STAGES.indexOf(selected[0]!);
  const previous = await folder.readJsonIfPresent<Manifest>(ARTIFACT.manifest);
  await folder.remove(ARTIFACT.manifest);
  await folder.removeTemporaries();
  for (const stale of STAGES.slice(firstIndex)) for (const output of stale.outputs) await folder.remove(output);

  const timings: StageTiming[] = [];
  for (const stage of selected) timings.push(await runOne(stage, folder, options, log));

  // A stage run alone reuses earlier artifacts: the manifest keeps what that run recorded.
  const ranIngest = selected.some((s) => s.name === 'ingest');
  const source = ranIngest ? { data: options.data, plan: options.plan } : previousSource(previous);
  const reused = STAGES.slice(0, firstIndex).map((s) => {
    const before = previous?.stages.find((t) => t.name === s.name);
    return { name: s.name, duration_ms: before?.duration_ms ?? 0, ran: false };
  });
  const ingest = await folder.readJson<IngestArtifact>(ARTIFACT.ingest, 'ingest');
  const verify = await folder.readJsonIfPresent<VerifyArtifact>(ARTIFACT.verify);
  await folder.writeJson(ARTIFACT.manifest, buildManifest(command, source, ingest, verify, [...reused, ...timings]));
  return timings;
}

function previousSource(previous: Manifest | null): Source | null {
  return previous?.data_folder && previous.plan.file ? { data: previous.data_folder, plan: previous.plan.file } : null;
}

async function runOne(stage: Stage, folder: RunFolder, options: StageOptions, log: Log): Promise<StageTiming> {
  const start = performance.now();
  log(`${stage.name} ...`);
  try {
    await stage.run(folder, options, log);
  } catch (err) {
    for (const output of stage.outputs) await folder.remove(output);
    log(`${stage.name} failed`);
    throw err;
  }
  const duration_ms = Math.round(performance.now() - start);
  log(`${stage.name} done in ${duration_ms} ms`);
  return { name: stage.name, duration_ms, ran: true };
}
