/**
 * The meta-analysis and fidelity stages, run on the sample's ingest and outcomes artifacts
 * (made by the real CLI) with a stage context built here: what each writes with and without
 * its optional file, that a broken file stops the run with every violation (a ContractError,
 * exit 1), and how they take this trial's and the sites' results from the outcomes artifact.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ContractError } from '../../src/io/errors.ts';
import { validatePlan, type AnalysisPlan } from '../../src/io/plan.ts';
import type { OutcomesResult } from '../../src/outcomes/outcomes.ts';
import { RunFolder } from '../../pipeline/run-folder.ts';
import { ARTIFACT, type FidelityArtifact, type MetaAnalysisArtifact } from '../../pipeline/artifacts.ts';
import { fidelityStage, siteEffects } from '../../pipeline/stages/fidelity.ts';
import { metaAnalysisStage, thisTrialCounts } from '../../pipeline/stages/meta-analysis.ts';
import type { StageContext } from '../../pipeline/stage.ts';
import { cli, sampleCopy, tempDir } from '../helpers/cli.ts';

let data: string;
let out: string;
let outcomes: OutcomesResult;

const planOf = (dir: string, change: Record<string, unknown> = {}): AnalysisPlan => {
  const raw = { ...JSON.parse(readFileSync(join(dir, 'analysis-plan.json'), 'utf8')), ...change };
  const { plan, violations } = validatePlan(raw, 'analysis-plan.json');
  expect(violations).toEqual([]);
  return plan!;
};

/** A stage context on the run folder `out` for the delivery in `dir`, collecting log lines and warnings. */
function context(dir: string, plan = planOf(dir)): { ctx: StageContext; logs: string[]; warnings: string[] } {
  const logs: string[] = [];
  const warnings: string[] = [];
  const ctx = {
    folder: new RunFolder(out),
    options: { data: dir, plan: join(dir, 'analysis-plan.json'), maxViolations: 100, allowUnverified: false, threads: 1, version: '0.0.0' },
    plan,
    planFile: { path: join(dir, 'analysis-plan.json'), bytes: 0, sha256: '' },
    log: (l: string) => logs.push(l),
    notice: (l: string) => logs.push(l),
    warn: (l: string) => warnings.push(l),
    progress: () => undefined,
  } as StageContext;
  return { ctx, logs, warnings };
}

const read = <T>(rel: string): T => JSON.parse(readFileSync(join(out, rel), 'utf8')) as T;

/** A copy of the delivery with `file` replaced by `text` (or removed when null). */
function deliveryWith(file: string, text: string | null): string {
  const dir = tempDir('ips-rct-data-');
  for (const name of ['analysis-plan.json', 'evidence.csv', 'fidelity.csv']) writeFileSync(join(dir, name), readFileSync(join(data, name)));
  if (text === null) rmSync(join(dir, file));
  else writeFileSync(join(dir, file), text);
  return dir;
}

async function contractError(run: Promise<void>): Promise<ContractError> {
  try {
    await run;
  } catch (err) {
    expect(err).toBeInstanceOf(ContractError);
    return err as ContractError;
  }
  throw new Error('expected a contract error');
}

beforeAll(() => {
  data = sampleCopy();
  out = tempDir();
  for (const stage of ['ingest', 'outcomes']) {
    const r = cli([stage, '--data', data, '--out', out, '--quiet']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  }
  outcomes = read<OutcomesResult>('artifacts/outcomes.json');
});

describe('the meta-analysis stage', () => {
  it('sets the sample trial beside the evidence file: 13 studies pooled, the 2 published OR/RD rows not', async () => {
    const { ctx, logs } = context(data);
    await metaAnalysisStage.run(ctx);
    const a = read<MetaAnalysisArtifact>(ARTIFACT.metaAnalysis);
    expect(a.file).toMatchObject({ name: 'evidence.csv', bytes: readFileSync(join(data, 'evidence.csv')).byteLength });
    const m = a.meta_analysis!;
    expect(m.this_trial).toEqual({ study: ctx.plan.trial.name, month: 18, counts: { events_intervention: 85, n_intervention: 227, events_control: 49, n_control: 181 }, included: true, reason: null });
    expect([m.k, m.excluded.length, m.without_this_trial!.k]).toEqual([13, 2, 12]);
    expect(m.random_effects!.estimate).toBeCloseTo(2.04195866386, 7);
    expect(m.comparison!.position).toBe('within_prediction_interval');
    expect(m.meta_regression!.coefficients.map((c) => c.term)).toEqual(['(Intercept)', 'employment_protection']);
    expect(logs.join('\n')).toMatch(/13 studies pooled, 2 not pooled/);
  });

  it('writes that there is no evidence file when none was delivered', async () => {
    const { ctx, logs } = context(deliveryWith('evidence.csv', null));
    await metaAnalysisStage.run(ctx);
    expect(read<MetaAnalysisArtifact>(ARTIFACT.metaAnalysis)).toEqual({ file: null, meta_analysis: null });
    expect(logs.join('\n')).toMatch(/no evidence.csv/);
  });

  it('stops with every violation of a broken evidence file', async () => {
    const text = readFileSync(join(data, 'evidence.csv'), 'utf8').replace(',synthetic,,44,76,', ',synthetic,,80,76,').replace('Synthetic study 2,USA,2004,', 'Synthetic study 2,USA,1850,');
    const err = await contractError(metaAnalysisStage.run(context(deliveryWith('evidence.csv', text)).ctx));
    expect(err.exitCode).toBe(1);
    expect(err.violations.map((v) => [v.file, v.row, v.column])).toEqual([
      ['evidence.csv', 4, 'events_intervention'],
      ['evidence.csv', 5, 'year'],
    ]);
  });

  it("stops when the plan's trial moderator does not match the file's column", async () => {
    const plan = planOf(data, { meta_analysis: { moderators: ['employment_protection'], trial_moderators: { employment_protection: 'high' } } });
    const err = await contractError(metaAnalysisStage.run(context(data, plan).ctx));
    expect(err.violations).toEqual([expect.objectContaining({ file: 'analysis-plan.json', column: 'meta_analysis.trial_moderators.employment_protection', rule: expect.stringMatching(/must be a number/) })]);
  });

  it('warns when a row of the evidence file has this trial’s own counts', async () => {
    const text = `${readFileSync(join(data, 'evidence.csv'), 'utf8')}Reme 2019,Norway,2019,published,Reme SE et al. 2019,85,227,49,181,,,,,,,,18\n`;
    const { ctx, warnings } = context(deliveryWith('evidence.csv', text));
    await metaAnalysisStage.run(ctx);
    expect(warnings).toEqual([expect.stringMatching(/^evidence.csv, row 16: the counts are this trial's own/)]);
  });

  it("takes this trial's counts from the primary timepoint, and none when the small-numbers rule hides them", () => {
    const plan = planOf(data);
    expect(thisTrialCounts(outcomes, plan)).toEqual({ counts: { events_intervention: 85, n_intervention: 227, events_control: 49, n_control: 181 } });
    const primary = outcomes.employment.find((t) => t.primary)!;
    const tiny: OutcomesResult = { ...outcomes, employment: [{ ...primary, arms: { IPS: { ...primary.arms.IPS!, employed: 2 }, TVR: primary.arms.TVR! } }] };
    expect(thisTrialCounts(tiny, plan)).toEqual({ reason: 'small_numbers' });
    expect(thisTrialCounts({ ...outcomes, employment: [] }, plan)).toEqual({ reason: 'not_estimable' });
  });
});

describe('the fidelity stage', () => {
  it("rates the sample's six sites and correlates their totals with the outcomes' site differences", async () => {
    const { ctx } = context(data);
    await fidelityStage.run(ctx);
    const f = read<FidelityArtifact>(ARTIFACT.fidelity).fidelity!;
    expect(f.sites.map((s) => s.site)).toEqual(['Akershus', 'Buskerud', 'Hordaland', 'Oslo', 'Sør-Trøndelag', 'Østfold']);
    expect(f.sites.every((s) => s.total !== null && s.total >= 97 && s.total <= 109)).toBe(true);
    const site = outcomes.employment_subgroups.find((s) => s.variable === 'site' && s.month === 18)!;
    for (const e of f.site_employment) expect(e.risk_difference).toBe(site.levels.find((l) => l.level === e.site)!.risk_difference.estimate);
    expect(f.correlation.n).toBe(6);
    expect(f.correlation.note).toBe('few_sites');
    expect(f.correlation.r).not.toBeNull();
  });

  it('writes that there is no fidelity file when none was delivered', async () => {
    await fidelityStage.run(context(deliveryWith('fidelity.csv', null)).ctx);
    expect(read<FidelityArtifact>(ARTIFACT.fidelity)).toEqual({ file: null, fidelity: null, ignored_columns: [] });
  });

  it('stops with every violation: a site not in the trial, an item outside 1–25, a score outside 1–5, a duplicate item', async () => {
    const lines = readFileSync(join(data, 'fidelity.csv'), 'utf8').trimEnd().split('\n');
    lines[1] = lines[1]!.replace(/^Akershus,1,\d/, 'Akershus,26,4');
    lines[2] = lines[2]!.replace(/^Akershus,2,\d/, 'Akershus,2,6');
    lines[4] = lines[4]!.replace(/^Akershus,4,/, 'Akershus,3,');
    lines.push('Tromsø,1,4,2014-05-02');
    const err = await contractError(fidelityStage.run(context(deliveryWith('fidelity.csv', `${lines.join('\n')}\n`)).ctx));
    expect(err.violations.map((v) => [v.row, v.column])).toEqual([
      [2, 'item'],
      [3, 'score'],
      [5, 'item'],
      [lines.length, 'site'],
    ]);
  });

  it('gives no site difference without a site subgroup, and hides what the small-numbers rule hides', () => {
    const plan = planOf(data);
    const sites = ['Oslo', 'Akershus'];
    expect(siteEffects(sites, { ...outcomes, employment_subgroups: outcomes.employment_subgroups.filter((s) => s.variable !== 'site') }, plan).map((e) => e.reason)).toEqual([
      'no_site_subgroup',
      'no_site_subgroup',
    ]);
    const strict = { ...plan, small_cell_threshold: 40 };
    const hidden = siteEffects(['Akershus', 'Buskerud', 'Hordaland', 'Oslo', 'Sør-Trøndelag', 'Østfold'], outcomes, strict);
    expect(hidden.some((e) => e.reason === 'suppressed')).toBe(true);
    for (const e of hidden) if (e.reason === 'suppressed') expect([e.risk_difference, e.ci]).toEqual([null, null]);
  });
});
