/**
 * The stage records (artifacts/stages/<stage>.json): for each stage whose outputs are in
 * the run folder, the fingerprints of the inputs they were computed from. Written after
 * the stage's outputs, removed before they are, so a record never vouches for outputs a
 * failed or interrupted run left behind.
 */
import { ARTIFACT } from './artifacts.ts';
import { RECORD_VERSION, type StageRecord } from './fingerprint.ts';
import type { RunFolder } from './run-folder.ts';

const pathOf = (stage: string) => `${ARTIFACT.stageRecords}/${stage}.json`;

/** The stage's record, or null when there is none or it is unreadable or of another layout. */
export async function readRecord(folder: RunFolder, stage: string): Promise<StageRecord | null> {
  const r = await folder.readJsonIfPresent<StageRecord>(pathOf(stage));
  const valid = r !== null && typeof r === 'object' && r.record_version === RECORD_VERSION && r.stage === stage &&
    typeof r.fingerprint === 'string' && r.inputs !== null && typeof r.inputs === 'object';
  return valid ? r : null;
}

/** Writes the record atomically. */
export async function writeRecord(folder: RunFolder, record: StageRecord): Promise<void> {
  await folder.writeJson(pathOf(record.stage), record);
}

/** Removes the stage's record, if any. */
export async function removeRecord(folder: RunFolder, stage: string): Promise<void> {
  await folder.remove(pathOf(stage));
}
