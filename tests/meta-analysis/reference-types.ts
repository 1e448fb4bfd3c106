/** Loose shapes of the blocks in metafor-reference.ts, for looping over them in the tests. */
import type { RmaOptions, Tau2Method, TestMethod } from '../../src/meta-analysis/rma.ts';
import * as R from './metafor-reference.ts';

/** One rma() result; vectors for meta-regressions, numbers otherwise. I2, R2 and weights in percent. */
export interface RefFit {
  beta: number | readonly number[];
  se: number | readonly number[];
  stat: number | readonly number[];
  p: number | readonly number[];
  ci_lb: number | readonly number[];
  ci_ub: number | readonly number[];
  tau2: number;
  se_tau2: number | null;
  I2: number;
  H2: number;
  QE: number;
  QEp: number;
  QM: number | null;
  QMp: number | null;
  R2?: number;
  /** [m, k − p] under knha, [m, null] under z. */
  QMdf?: readonly (number | null)[];
  weights_pct: readonly number[];
  pi?: readonly number[];
  pi_riley?: readonly number[];
  pred?: readonly number[];
  tau2_ci?: readonly number[];
  I2_ci?: readonly number[];
  H2_ci?: readonly number[];
  tau2_ci_default?: readonly number[];
  ci_null?: boolean;
  ub_sign?: string;
  leave1out?: RefSeries;
  cumul?: RefSeries;
}

/** leave1out() or cumul() columns. */
export interface RefSeries {
  estimate: readonly number[];
  se: readonly number[];
  pval: readonly number[];
  ci_lb: readonly number[];
  ci_ub: readonly number[];
  Q: readonly number[];
  Qp: readonly number[];
  tau2: readonly number[];
  I2: readonly number[];
  H2: readonly number[];
}

export interface RefDataset {
  name: string;
  years: readonly number[] | null;
  yi: readonly number[];
  vi: readonly number[];
  fits: Record<string, RefFit>;
}

function dataset(name: string, d: { escalc: { yi: readonly number[]; vi: readonly number[] }; fits: object; data?: object }): RefDataset {
  const years = d.data && 'year' in d.data ? (d.data.year as readonly number[]) : null;
  return { name, years, yi: d.escalc.yi, vi: d.escalc.vi, fits: d.fits as Record<string, RefFit> };
}

/** Every data set with models without moderators. */
export const DATASETS: RefDataset[] = [
  dataset('IPS (synthetic, 8 studies)', R.IPS),
  dataset('two studies', R.TWO),
  dataset('homogeneous (tau2 = 0)', R.HOMOGENEOUS),
  dataset('identical risk ratios', R.IDENTICAL),
  dataset('zero cells', R.ZERO_CELL),
  dataset('dat.bcg', R.BCG),
  dataset('extreme heterogeneity', R.EXTREME),
  dataset('IPS + an RR with its interval', R.WITH_INTERVAL),
];

/** The rma() options a fixture key such as 'REML_knha' or 'FE' stands for. */
export function optionsOf(key: string): Required<Pick<RmaOptions, 'method' | 'test'>> {
  if (key === 'FE') return { method: 'FE', test: 'z' };
  const [method, test] = key.split('_') as [Tau2Method, TestMethod];
  return { method, test };
}

/** A number or the first entry of a vector. */
export function first(x: number | readonly number[]): number {
  return typeof x === 'number' ? x : x[0]!;
}

/** A vector, from a number or a vector. */
export function asVector(x: number | readonly number[]): readonly number[] {
  return typeof x === 'number' ? [x] : x;
}
