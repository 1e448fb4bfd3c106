/**
 * Incremental reruns through the real CLI: a stage reruns exactly when one of its inputs
 * changed (or it is forced, selected by name, or an output is missing), the console and
 * the manifest say which stages ran and why, and an incremental run gives the same files
 * as a full one.
 */
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, filesBelow, sampleCopy, tempDir } from '../helpers/cli.ts';

/** The day of the run the report shows, fixed (2026-11-23) so runs on different days compare. */
const EPOCH = { SOURCE_DATE_EPOCH: '1795392000' };
const ALL = ['ingest', 'verify', 'outcomes', 'quality-of-life', 'cost-benefit', 'meta-analysis', 'fidelity', 'report'];

interface Line {
  ran: boolean;
  reason: string | null;
}

/** The stage lines of a command's stderr: `X reused (inputs unchanged)` or `X ran in N ms (reasons)`. */
function stageLines(stderr: string): Record<string, Line> {
  const out: Record<string, Line> = {};
  for (const line of stderr.split('\n')) {
    const reused = /^([a-z-]+) reused \(inputs unchanged\)$/.exec(line);
    if (reused) out[reused[1]!] = { ran: false, reason: null };
    const ran = /^([a-z-]+) ran in \d+ ms \((.*)\)$/.exec(line);
    if (ran) out[ran[1]!] = { ran: true, reason: ran[2]! };
  }
  return out;
}

/** Names of the stages that ran, in order. */
const ranIn = (lines: Record<string, Line>) => Object.keys(lines).filter((n) => lines[n]!.ran);

interface ManifestStage {
  name: string;
  ran: boolean;
  reason: string | null;
  reasons: string[];
  duration_ms: number | null;
  out_of_date: string | null;
}
const manifestStages = (out: string): ManifestStage[] => JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).stages;

/** Runs the pipeline, expecting success. */
function run(data: string, out: string, ...extra: string[]) {
  const r = cli(['run', '--data', data, '--out', out, ...extra], undefined, EPOCH);
  expect(r.code, r.stderr).toBe(0);
  return { ...r, lines: stageLines(r.stderr) };
}

function editPlan(data: string, edit: (plan: Record<string, any>) => void): void {
  const path = join(data, 'analysis-plan.json');
  const plan = JSON.parse(readFileSync(path, 'utf8'));
  edit(plan);
  writeFileSync(path, JSON.stringify(plan, null, 2));
}

describe('incremental reruns', () => {
  const base = { data: sampleCopy(), out: tempDir() };
  let first: ReturnType<typeof run>;
  beforeAll(() => {
    first = run(base.data, base.out);
  }, 120_000);

  /** An independent copy of the delivery and of the finished run folder. */
  function fork(): { data: string; out: string } {
    const copy = { data: tempDir('ips-rct-data-'), out: tempDir() };
    cpSync(base.data, copy.data, { recursive: true });
    cpSync(base.out, copy.out, { recursive: true });
    return copy;
  }

  it('a first run runs every stage and says there was no earlier run', () => {
    expect(first.lines).toEqual(Object.fromEntries(ALL.map((n) => [n, { ran: true, reason: 'no earlier run' }])));
    expect(manifestStages(base.out).map((s) => [s.name, s.ran, s.reason])).toEqual(ALL.map((n) => [n, true, 'no earlier run']));
  });

  it('an unchanged rerun reuses every stage, says so, and leaves every output as it was', () => {
    const f = fork();
    const before = filesBelow(f.out);
    const again = run(f.data, f.out);
    expect(again.lines).toEqual(Object.fromEntries(ALL.map((n) => [n, { ran: false, reason: null }])));
    const stages = manifestStages(f.out);
    expect(stages.map((s) => [s.name, s.ran, s.reason, s.reasons])).toEqual(ALL.map((n) => [n, false, null, []]));
    // The durations are those of the run that computed the reused outputs.
    expect(stages.map((s) => s.duration_ms)).toEqual(manifestStages(base.out).map((s) => s.duration_ms));
    const after = filesBelow(f.out);
    // The manifest holds the clock; delivery.json the data folder's path, which the copy changed.
    for (const files of [before, after]) for (const name of ['manifest.json', 'artifacts/delivery.json']) files.delete(name);
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [name, bytes] of before) expect(after.get(name)!.equals(bytes), name).toBe(true);
  });

  it('a change to the cost section reruns exactly cost-benefit and the report, and says why', () => {
    const f = fork();
    editPlan(f.data, (p) => (p.costs.cost_per_participant.IPS += 10_000));
    const r = run(f.data, f.out);
    expect(ranIn(r.lines)).toEqual(['cost-benefit', 'report']);
    expect(r.lines['cost-benefit']!.reason).toBe('plan section "costs" changed');
    expect(r.lines.report!.reason).toBe('plan section "costs" changed; upstream "cost-benefit" reran');
    const m = manifestStages(f.out);
    expect(m.filter((s) => s.ran).map((s) => s.name)).toEqual(['cost-benefit', 'report']);
    expect(m.find((s) => s.name === 'report')!.reasons).toEqual(['plan section "costs" changed', 'upstream "cost-benefit" reran']);
    // The new costs reached the analysis, although ingest (with its record of the plan) was reused.
    const cb = JSON.parse(readFileSync(join(f.out, 'results.json'), 'utf8')).cost_benefit;
    const before = JSON.parse(readFileSync(join(base.out, 'results.json'), 'utf8')).cost_benefit;
    expect(cb.inputs.cost_per_participant.IPS).toBe(before.inputs.cost_per_participant.IPS + 10_000);
    // The manifest and the report give the plan's new fingerprint.
    const sha = JSON.parse(readFileSync(join(f.out, 'manifest.json'), 'utf8')).plan.sha256;
    expect(sha).not.toBe(JSON.parse(readFileSync(join(base.out, 'manifest.json'), 'utf8')).plan.sha256);
    expect(readFileSync(join(f.out, 'index.html'), 'utf8')).toContain(`<code class="hash">${sha}</code>`);
  });

  it('a plan section reruns the stages that read it and no others', () => {
    const f = fork();
    editPlan(f.data, (p) => (p.seed += 1));
    expect(ranIn(run(f.data, f.out).lines)).toEqual(['outcomes', 'quality-of-life', 'cost-benefit', 'meta-analysis', 'fidelity', 'report']);
    editPlan(f.data, (p) => (p.trial.name += ' (revised)'));
    const r = run(f.data, f.out);
    // The meta-analysis labels this trial's row with the trial's name.
    expect(ranIn(r.lines)).toEqual(['meta-analysis', 'report']);
    expect(r.lines['meta-analysis']!.reason).toBe('plan section "trial" changed');
    expect(r.lines.report!.reason).toBe('plan section "trial" changed; upstream "meta-analysis" reran');
    // Only the layout of the file: the plan is the same, but the report prints the file's fingerprint.
    const path = join(f.data, 'analysis-plan.json');
    writeFileSync(path, JSON.stringify(JSON.parse(readFileSync(path, 'utf8'))));
    const layout = run(f.data, f.out);
    expect(ranIn(layout.lines)).toEqual(['report']);
    expect(layout.lines.report!.reason).toBe('analysis-plan.json changed');
  });

  it('a changed data file reruns every stage', () => {
    const f = fork();
    const path = join(f.data, 'employment.csv');
    const lines = readFileSync(path, 'utf8').split('\n');
    const cells = lines[20]!.split(',');
    cells[2] = cells[2] === '1' ? '0' : '1';
    lines[20] = cells.join(',');
    writeFileSync(path, lines.join('\n'));
    const r = run(f.data, f.out);
    expect(ranIn(r.lines)).toEqual(ALL);
    expect(r.lines.ingest!.reason).toBe('employment.csv changed');
    expect(r.lines.outcomes!.reason).toBe('upstream "ingest" reran');
  });

  it('another report language reruns only the report', () => {
    const f = fork();
    const r = run(f.data, f.out, '--lang', 'en');
    expect(ranIn(r.lines)).toEqual(['report']);
    expect(r.lines.report!.reason).toBe('option --lang changed (nb → en)');
    expect(readFileSync(join(f.out, 'index.html'), 'utf8')).toMatch(/<html lang="en"/);
  });

  it('--force reruns every stage', () => {
    const f = fork();
    const r = run(f.data, f.out, '--force');
    expect(r.lines).toEqual(Object.fromEntries(ALL.map((n) => [n, { ran: true, reason: '--force' }])));
  });

  it('--only runs the stages named; a stale later stage loses its outputs, and the next run rebuilds it', () => {
    const f = fork();
    editPlan(f.data, (p) => (p.costs.cost_per_participant.IPS += 10_000));
    const only = run(f.data, f.out, '--only', 'cost-benefit');
    expect(ranIn(only.lines)).toEqual(['cost-benefit']);
    expect(only.stderr).toContain('warning: report is out of date (plan section "costs" changed; upstream "cost-benefit" reran) and not selected (--only): its outputs were removed');
    expect(existsSync(join(f.out, 'index.html'))).toBe(false);
    expect(manifestStages(f.out).map((s) => s.name)).toEqual(['ingest', 'verify', 'outcomes', 'quality-of-life', 'cost-benefit', 'meta-analysis', 'fidelity']);
    const next = run(f.data, f.out);
    expect(ranIn(next.lines)).toEqual(['report']);
    expect(next.lines.report!.reason).toBe('plan section "costs" changed; upstream "cost-benefit" reran');
  });

  it('--only on a later stage warns that an earlier one is out of date and records that', () => {
    const f = fork();
    editPlan(f.data, (p) => (p.costs.cost_per_participant.IPS += 10_000));
    const r = run(f.data, f.out, '--only', 'report,outcomes');
    expect(ranIn(r.lines)).toEqual(['report']);
    expect(r.lines.outcomes).toEqual({ ran: false, reason: null });
    expect(r.stderr).toContain('warning: cost-benefit is out of date (plan section "costs" changed) but not selected (--only): later stages use its earlier outputs');
    expect(manifestStages(f.out).find((s) => s.name === 'cost-benefit')!.out_of_date).toBe('plan section "costs" changed');
    // The report recorded the cost-benefit results it used, so both rerun once cost-benefit does.
    expect(ranIn(run(f.data, f.out).lines)).toEqual(['cost-benefit', 'report']);
  });

  it('--from runs a stage and all later ones, each only when needed', () => {
    const f = fork();
    const forced = run(f.data, f.out, '--from', 'quality-of-life', '--force');
    expect(ranIn(forced.lines)).toEqual(['quality-of-life', 'cost-benefit', 'meta-analysis', 'fidelity', 'report']);
    expect(Object.keys(forced.lines)).toEqual(['quality-of-life', 'cost-benefit', 'meta-analysis', 'fidelity', 'report']);
    editPlan(f.data, (p) => (p.imputations += 1));
    expect(ranIn(run(f.data, f.out, '--from', 'outcomes').lines)).toEqual(['quality-of-life', 'report']);
  });

  it('an unknown stage is a usage error that lists the stages', () => {
    const r = cli(['run', '--only', 'outcome', '--out', tempDir()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--only "outcome": no such stage (the stages are ingest, verify, outcomes, quality-of-life, cost-benefit, meta-analysis, fidelity, report)');
    expect(cli(['run', '--from', 'x', '--out', tempDir()]).code).toBe(2);
    expect(cli(['run', '--threads', '0', '--out', tempDir()]).stderr).toMatch(/--threads must be a whole number from 1/);
  });

  it('a deleted output reruns its stage only', () => {
    const f = fork();
    rmSync(join(f.out, 'index.html'));
    let r = run(f.data, f.out);
    expect(ranIn(r.lines)).toEqual(['report']);
    expect(r.lines.report!.reason).toBe('output index.html missing');
    rmSync(join(f.out, 'artifacts/outcomes.json'));
    r = run(f.data, f.out);
    expect(ranIn(r.lines)).toEqual(['outcomes']);
    expect(r.lines.outcomes!.reason).toBe('output artifacts/outcomes.json missing');
  });

  it('a stage subcommand runs its stage whatever its inputs, and keeps later outputs that still hold', () => {
    const f = fork();
    const r = cli(['outcomes', '--out', f.out], undefined, EPOCH);
    expect(r.code, r.stderr).toBe(0);
    expect(stageLines(r.stderr)).toEqual({ outcomes: { ran: true, reason: 'requested' } });
    // Same inputs, same fingerprint: the report built on the earlier outcomes still holds.
    expect(existsSync(join(f.out, 'index.html'))).toBe(true);
    expect(ranIn(run(f.data, f.out).lines)).toEqual([]);
  });

  it('a failed stage leaves no record, so it reruns next time, and so do the stages built on it', () => {
    const f = fork();
    const bad = cli(['run', '--data', f.data, '--out', f.out], undefined, { SOURCE_DATE_EPOCH: 'yesterday' });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^report failed after \d+ ms$/m);
    expect(existsSync(join(f.out, 'artifacts/stages/report.json'))).toBe(false);
    expect(ranIn(run(f.data, f.out).lines)).toEqual(['report']);

    const path = join(f.data, 'participants.csv');
    const original = readFileSync(path);
    writeFileSync(path, original.toString('utf8').replace(/\n([^,\n]+,[^,\n]+,)(IPS|TVR),/, '\n$1XYZ,'));
    const broken = cli(['run', '--data', f.data, '--out', f.out], undefined, EPOCH);
    expect(broken.code).toBe(1);
    for (const gone of ['artifacts/stages/ingest.json', 'artifacts/ingest.json', 'artifacts/outcomes.json', 'index.html', 'manifest.json']) expect(existsSync(join(f.out, gone)), gone).toBe(false);
    // The same bytes as before the failure: ingest has no record, the rest no outputs.
    writeFileSync(path, original);
    const fixed = run(f.data, f.out);
    expect(ranIn(fixed.lines)).toEqual(ALL);
    expect(fixed.lines.ingest!.reason).toBe('no earlier run');
    expect(fixed.lines.outcomes!.reason).toBe('output artifacts/outcomes.json missing');
  });

  it('an incremental run gives the same files as a full run on the same inputs', () => {
    const f = fork();
    editPlan(f.data, (p) => (p.costs.cost_per_participant.IPS += 10_000));
    run(f.data, f.out);
    const full = tempDir();
    run(f.data, full);
    const a = filesBelow(f.out);
    const b = filesBelow(full);
    for (const files of [a, b]) files.delete('manifest.json');
    expect([...a.keys()]).toEqual([...b.keys()]);
    for (const [name, bytes] of b) expect(a.get(name)!.equals(bytes), name).toBe(true);
  });
});
