/**
 * Benchmark of the g-computation bootstrap (bootstrapStandardizedRiskDifference) on a
 * realistic model matrix, as the adjusted employment analysis builds it: intercept, arm,
 * 5 site dummies (6 sites), age, sex, 2 education dummies, worked in the last 5 years
 * (12 columns), y ~ Bernoulli from a logistic model. Also the arm × site interaction model
 * (counterfactual matrices, 17 columns), where resamples separate more often.
 *
 *   npx tsx bench/g-computation.ts [resamples per run, default 300] [runs, default 7]
 *
 * Prints, per case, the median over the runs of the time per resample and what that gives
 * for 10 000 resamples (the plan's default) at one timepoint. A script, not a test: timings
 * depend on the machine.
 */
import { performance } from 'node:perf_hooks';
import { createRng } from '../src/random/rng.ts';
import { bootstrapStandardizedRiskDifference, type Counterfactuals } from '../src/stats/g-computation.ts';
import { fitLogistic } from '../src/stats/logistic-regression.ts';

interface Case {
  readonly name: string;
  readonly x: number[][];
  readonly y: number[];
  readonly arm: number | Counterfactuals;
}

/** n participants in 6 sites; the arm × site interaction columns when `interaction`. */
function makeCase(n: number, seed: number, interaction: boolean): Case {
  const rng = createRng(seed);
  const siteSizes = [0.24, 0.2, 0.18, 0.16, 0.12, 0.1];
  const siteEffects = [0, -0.3, 0.2, -0.5, 0.4, -0.2];
  const rows: { arm: number; site: number; age: number; sex: number; edu: number; worked: number }[] = [];
  for (let i = 0; i < n; i++) {
    const u = rng.uniform();
    let site = 0;
    for (let acc = siteSizes[0]!; u > acc && site < 5; ) acc += siteSizes[++site]!;
    rows.push({ arm: i % 2, site, age: rng.int(18, 64), sex: rng.bernoulli(0.45), edu: rng.int(0, 2), worked: rng.bernoulli(0.4) });
  }
  const build = (armValue: (r: (typeof rows)[number]) => number) =>
    rows.map((r) => {
      const a = armValue(r);
      const sites = [1, 2, 3, 4, 5].map((s) => (r.site === s ? 1 : 0));
      const row = [1, a, ...sites, r.age, r.sex, r.edu === 1 ? 1 : 0, r.edu === 2 ? 1 : 0, r.worked];
      return interaction ? [...row, ...sites.map((s) => a * s)] : row;
    });
  const x = build((r) => r.arm);
  const y = rows.map((r) => {
    const eta = -0.6 + 0.45 * r.arm + siteEffects[r.site]! - 0.02 * (r.age - 40) + 0.2 * r.sex + 0.25 * r.edu + 0.6 * r.worked;
    return rng.bernoulli(1 / (1 + Math.exp(-eta)));
  });
  const arm = interaction ? { treated: build(() => 1), control: build(() => 0) } : 1;
  return { name: `n = ${n}, k = ${x[0]!.length}${interaction ? ' (arm × site)' : ''}`, x, y, arm };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

const resamples = Number(process.argv[2] ?? 300);
const runs = Number(process.argv[3] ?? 7);
const cases = [makeCase(410, 1, false), makeCase(4000, 2, false), makeCase(410, 3, true)];

// warm-up (JIT) of every case before any is timed
for (const c of cases) {
  bootstrapStandardizedRiskDifference(c.x, c.y, c.arm, { resamples: Math.max(50, resamples), seed: 99 });
  for (let m = 0; m < 5; m++) fitLogistic(c.x, c.y);
}
for (const c of cases) {
  const perResample: number[] = [];
  let last = null as ReturnType<typeof bootstrapStandardizedRiskDifference> | null;
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    last = bootstrapStandardizedRiskDifference(c.x, c.y, c.arm, { resamples, seed: 1000 + r });
    perResample.push((performance.now() - t0) / resamples);
  }
  const fitTimes: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    for (let m = 0; m < 20; m++) fitLogistic(c.x, c.y);
    fitTimes.push((performance.now() - t0) / 20);
  }
  const ms = median(perResample);
  console.log(
    `${c.name}: ${ms.toFixed(4)} ms per resample (median of ${runs} runs of ${resamples}); ` +
      `10 000 resamples ≈ ${((ms * 10000) / 1000).toFixed(2)} s; fitLogistic ${median(fitTimes).toFixed(4)} ms; ` +
      `last run: firthRefits ${last!.firthRefits}, rankDeficient ${last!.rankDeficient}, failed ${last!.failed}`,
  );
}
