/** Stage `outcomes`: the employment analyses (the trial's primary question). */
import { readDataset } from '../dataset-file.ts';
import { analyseEmployment } from '../../src/outcomes/outcomes.ts';
import { ARTIFACT, type OutcomesArtifact } from '../artifacts.ts';
import type { Stage } from '../stage.ts';

export const outcomesStage: Stage = {
  name: 'outcomes',
  describe: 'Employment at each timepoint (unadjusted, adjusted, randomization test), month by month, time to first job, subgroups',
  outputs: [ARTIFACT.outcomes],
  inputs: {
    files: [],
    plan: [
      'arms', 'control_arm', 'randomization', 'timepoints', 'primary_timepoint', 'registry_months', 'employment_definition',
      'covariates', 'diagnosis_levels', 'subgroups', 'age_groups', 'confidence_level', 'bootstrap_resamples', 'permutations', 'seed', 'small_cell_threshold',
    ],
    upstream: ['ingest'],
    options: {},
  },
  async run({ folder, options, plan, log, progress }) {
    const dataset = await readDataset(folder);
    const result: OutcomesArtifact = await analyseEmployment(dataset, plan, log, { threads: options.threads, progress });
    const primary = result.employment.find((e) => e.primary);
    if (primary) {
      const pct = (x: number | null) => (x === null ? '–' : `${(100 * x).toFixed(1)} %`);
      const rates = plan.arms.map((a) => `${a} ${primary.arms[a]!.employed}/${primary.arms[a]!.n} (${pct(primary.arms[a]!.rate)})`).join(' vs ');
      const rd = primary.risk_difference;
      const points = (x: number) => (100 * x).toFixed(1);
      const difference = rd.estimate === null ? 'not estimable' : `${points(rd.estimate)} percentage points${rd.ci ? ` (${points(rd.ci[0])} to ${points(rd.ci[1])})` : ''}`;
      log(`  primary, month ${primary.month}: ${rates}; difference ${difference}`);
    }
    await folder.writeJson(ARTIFACT.outcomes, result);
  },
};
