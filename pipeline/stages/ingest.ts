/** Stage `ingest`: reads the delivery, enforces the data contract, writes the dataset. */
import { writeDataset } from '../dataset-file.ts';
import { join } from 'node:path';
import { FILES } from '../../src/io/contract.ts';
import { ingestFiles } from '../../src/io/ingest-files.ts';
import type { IngestArtifact } from '../artifacts.ts';
import { ARTIFACT } from '../artifacts.ts';
import type { Stage } from '../stage.ts';
import { describeSummary, describeWarning } from '../../src/io/messages.ts';

export const ingestStage: Stage = {
  name: 'ingest',
  describe: 'Check the delivered files against the data contract and write the canonical dataset',
  outputs: [ARTIFACT.ingest, ARTIFACT.dataset],
  inputs: {
    files: ['participants.csv', 'employment.csv', 'questionnaires.csv'],
    // Only what the contract checks and the dataset's shape read (src/io/contract.ts,
    // src/io/ingest.ts): a change to costs or seeds must not read a large delivery again.
    plan: ['arms', 'diagnosis_levels', 'registry_months', 'questionnaire_waves', 'measures'],
    upstream: [],
    options: {},
  },
  async run({ folder, options, log, warn }) {
    // Each CSV file is streamed (never held whole in memory) and hashed in the same pass.
    const { dataset, summary, inputs } = await ingestFiles(
      {
        plan: options.plan,
        participants: join(options.data, FILES.participants),
        employment: join(options.data, FILES.employment),
        questionnaires: join(options.data, FILES.questionnaires),
      },
      options.maxViolations,
    );
    for (const line of describeSummary(summary)) log(line);
    for (const w of summary.warnings) warn(describeWarning(w));
    const artifact: IngestArtifact = { inputs, summary };
    // Dataset first: the ingest artifact is what later stages check for, so it must not
    // exist unless the dataset beside it is complete.
    await writeDataset(folder, dataset);
    await folder.writeJson(ARTIFACT.ingest, artifact);
  },
};
