/** Stage `cost-benefit`: the break-even wage of the employment effect, with scenarios and uncertainty. */
import { readDataset } from '../dataset-file.ts';
import { analyseCostBenefit } from '../../src/cost-benefit/cost-benefit.ts';
import { ARTIFACT, type CostBenefitArtifact } from '../artifacts.ts';
import type { Stage } from '../stage.ts';

export const costBenefitStage: Stage = {
  name: 'cost-benefit',
  describe: 'Break-even wage of the employment effect (society and public budget), persistence scenarios, bootstrap and one-way sensitivity',
  outputs: [ARTIFACT.costBenefit],
  inputs: {
    files: [],
    plan: ['arms', 'control_arm', 'costs', 'bootstrap_resamples', 'confidence_level', 'seed'],
    upstream: ['ingest'],
    options: {},
  },
  async run({ folder, options, plan, log, progress }) {
    const dataset = await readDataset(folder);
    const result: CostBenefitArtifact = await analyseCostBenefit(dataset, plan, log, { threads: options.threads, progress });
    const cb = result.cost_benefit;
    if (cb === null) log('  no cost section in the plan: skipped');
    else {
      const wage = cb.break_even_wage.monthly_nok;
      log(`  extra months in work per participant over ${cb.inputs.window_months} months: ${cb.employment_effect.extra_months.estimate.toFixed(2)}; ` +
        `break-even wage (society): ${wage === null ? `none (${cb.break_even_wage.reason})` : `NOK ${Math.round(wage)} a month`}`);
    }
    await folder.writeJson(ARTIFACT.costBenefit, result);
  },
};
