/**
 * The dataset artifact on disk: how ingest stores the canonical dataset and how later
 * stages load it. One place, so its format can change without touching the stages.
 */
import type { Dataset } from '../src/io/dataset.ts';
import { ARTIFACT } from './artifacts.ts';
import type { RunFolder } from './run-folder.ts';

/** Writes the dataset artifact atomically. */
export async function writeDataset(folder: RunFolder, dataset: Dataset): Promise<void> {
  await folder.writeJson(ARTIFACT.dataset, dataset);
}

/** Loads the dataset artifact ingest wrote (a usage error naming `ingest` when missing). */
export async function readDataset(folder: RunFolder): Promise<Dataset> {
  return folder.readJson<Dataset>(ARTIFACT.dataset, 'ingest');
}
