/** Stage `ingest`: reads the delivery, enforces the data contract, writes the dataset. */
import { writeDataset } from '../dataset-file.ts';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FILES } from '../../src/io/contract.ts';
import { sha256 } from '../../src/io/hash.ts';
import { ingest, type Delivery, type Unreadable } from '../../src/io/ingest.ts';
import type { IngestArtifact } from '../artifacts.ts';
import { ARTIFACT } from '../artifacts.ts';
import type { Stage } from '../stage.ts';
import { describeSummary, describeWarning } from '../../src/io/messages.ts';

/** A delivered file's bytes; missing and unreadable files become contract violations. */
async function readDelivered(path: string): Promise<Uint8Array | Unreadable | undefined> {
  try {
    return await readFile(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    if (code === 'EISDIR' || code === 'EACCES' || code === 'EPERM') return { unreadable: code === 'EISDIR' ? 'a folder' : 'no permission' };
    throw err;
  }
}

export const ingestStage: Stage = {
  name: 'ingest',
  describe: 'Check the delivered files against the data contract and write the canonical dataset',
  outputs: [ARTIFACT.ingest, ARTIFACT.dataset],
  async run(folder, options, log) {
    const paths = {
      plan: options.plan,
      participants: join(options.data, FILES.participants),
      employment: join(options.data, FILES.employment),
      questionnaires: join(options.data, FILES.questionnaires),
    };
    const delivery: Delivery = {};
    for (const [key, path] of Object.entries(paths) as [keyof Delivery, string][]) delivery[key] = await readDelivered(path);

    const { plan, dataset, summary } = ingest(delivery, options.maxViolations);
    for (const line of describeSummary(summary)) log(line);
    for (const w of summary.warnings) log(`warning: ${describeWarning(w)}`);
    // Ingest succeeded, so every file was read.
    const bytes = (key: keyof Delivery) => delivery[key] as Uint8Array;
    const inputs = (['participants', 'employment', 'questionnaires'] as const).map((key) => ({
      file: FILES[key],
      bytes: bytes(key).byteLength,
      sha256: sha256(bytes(key)),
    }));
    const artifact: IngestArtifact = { plan_file: options.plan, plan_sha256: sha256(bytes('plan')), inputs, plan, summary };
    // Dataset first: the ingest artifact is what later stages check for, so it must not
    // exist unless the dataset beside it is complete.
    await writeDataset(folder, dataset);
    await folder.writeJson(ARTIFACT.ingest, artifact);
  },
};
