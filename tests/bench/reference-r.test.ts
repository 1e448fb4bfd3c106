/**
 * bench/reference.R analyses the shipped sample as the pipeline does, so the bench compares
 * like with like. Skipped without Rscript and its packages.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReferenceOutput, REFERENCE_PACKAGES } from '../../bench/reference-output.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const SAMPLE = join(ROOT, 'data-samples');
const probe = spawnSync('Rscript', ['-e', `q(status = if (all(vapply(c(${REFERENCE_PACKAGES.map((p) => `"${p}"`).join(',')}), requireNamespace, logical(1), quietly = TRUE))) 0 else 1)`]);
const haveR = probe.error === undefined && probe.status === 0;

const run = (args: string[]) => spawnSync('Rscript', [join(ROOT, 'bench', 'reference.R'), ...args], { encoding: 'utf8' });

describe.runIf(haveR)('bench/reference.R on data-samples', () => {
  it('prints the pipeline\'s estimates, a timing per step and a total', () => {
    const r = run([SAMPLE, join(SAMPLE, 'analysis-plan.json'), '200']);
    expect(r.status, r.stderr).toBe(0);
    const out = parseReferenceOutput(r.stdout);
    // The pipeline's values for the sample (results.json of `ips-rct run --data data-samples`):
    // 85/227 − 49/181; glm(binomial) on arm + site + age + sex + education + worked_last_5y with
    // the 13 participants missing a covariate left out (n = 395); coxph(ties = "efron");
    // lm(qol at 6 ~ arm + baseline + site + covariates).
    expect(out.results.risk_difference).toBeCloseTo(85 / 227 - 49 / 181, 9);
    expect(out.results.adjusted_odds_ratio).toBeCloseTo(1.7629709790286026, 7);
    expect(out.results.hazard_ratio).toBeCloseTo(1.323816792253462, 7);
    expect(out.results.ancova_first).toBeCloseTo(0.3593577653609655, 7);
    // A percentile interval's lower end and a permutation p-value: in range, seeded.
    expect(out.results.bootstrap_low).toBeGreaterThan(0);
    expect(out.results.bootstrap_low).toBeLessThan(out.results.risk_difference!);
    expect(out.results.permutation_p).toBeGreaterThan(0);
    expect(out.results.permutation_p).toBeLessThan(0.2);
    expect(Object.keys(out.timings)).toEqual(['read', 'employment_status', 'risk_difference', 'logistic_regression', 'survival', 'ancova', 'bootstrap', 'permutation', 'total']);
    expect(Object.keys(out.versions)).toEqual(['R', 'data.table', 'survival']);
  });

  it('stops with a usage message without its three arguments', () => {
    const r = run([SAMPLE]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('usage: Rscript bench/reference.R DATA_DIR PLAN_FILE B');
  });
});
