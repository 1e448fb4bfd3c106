/**
 * `ips-rct randomize` and the verify stage through the real CLI: a list and its
 * commitment are written and reproduced from the seed; a tampered record or list stops
 * the pipeline with exit 1 naming site and allocation number, unless --allow-unverified.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sha256 } from '../../src/io/hash.ts';
import { cli, sampleCopy, tempDir } from '../helpers/cli.ts';

const SEED = '3f9c2a7e1b6d4c8a9e0f1a2b3c4d5e6f';

/** A plan for a new two-site trial with 2:1 permuted blocks. */
function planFile(dir: string): string {
  const plan = JSON.parse(readFileSync(join(sampleCopy(), 'analysis-plan.json'), 'utf8'));
  plan.randomization = {
    method: 'permuted_blocks',
    ratio: { IPS: 2, TVR: 1 },
    block_sizes: [3, 6],
    strata: [
      { name: 'Oslo', slots: 30 },
      { name: 'Sør-Trøndelag', slots: 20 },
    ],
  };
  const path = join(dir, 'analysis-plan.json');
  writeFileSync(path, JSON.stringify(plan));
  return path;
}

describe('ips-rct randomize', () => {
  it('writes the list and its commitment, prints the hash, and reproduces both from the seed', () => {
    const dir = tempDir();
    const plan = planFile(dir);
    const a = cli(['randomize', '--plan', plan, '--seed', SEED, '--out', join(dir, 'a')]);
    expect(a.code).toBe(0);
    const list = readFileSync(join(dir, 'a', 'allocation.csv'));
    expect(a.stdout).toBe(`${sha256(list)}  allocation.csv\n`);
    const lines = list.toString('utf8').trimEnd().split('\n');
    expect(lines[0]).toBe('site,allocation_no,block_no,block_size,arm');
    expect(lines).toHaveLength(51);
    const commitment = JSON.parse(readFileSync(join(dir, 'a', 'allocation-commitment.json'), 'utf8'));
    expect(commitment.sha256).toBe(sha256(list));
    expect(commitment.generator).toMatchObject({ package: 'pure-rand', generator: 'xoroshiro128plus', allocation_algorithm_version: 1 });
    expect(commitment.generator.package_version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(JSON.stringify(commitment)).not.toContain(SEED);

    expect(cli(['randomize', '--plan', plan, '--seed', SEED, '--out', join(dir, 'b')]).code).toBe(0);
    expect(readFileSync(join(dir, 'b', 'allocation.csv')).equals(list)).toBe(true);
    expect(cli(['randomize', '--plan', plan, '--seed', `${SEED}x`, '--out', join(dir, 'c')]).code).toBe(0);
    expect(readFileSync(join(dir, 'c', 'allocation.csv')).equals(list)).toBe(false);
  });

  it('refuses to overwrite a list without --force, and warns about a short seed', () => {
    const dir = tempDir();
    const plan = planFile(dir);
    expect(cli(['randomize', '--plan', plan, '--seed', SEED, '--out', dir]).code).toBe(0);
    const before = readFileSync(join(dir, 'allocation.csv'));
    const again = cli(['randomize', '--plan', plan, '--seed', '42', '--out', dir]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already exists/);
    expect(readFileSync(join(dir, 'allocation.csv')).equals(before)).toBe(true);
    const forced = cli(['randomize', '--plan', plan, '--seed', '42', '--out', dir, '--force']);
    expect(forced.code).toBe(0);
    expect(forced.stderr).toMatch(/warning: the seed has fewer than 16 characters/);
  });

  it('exits 2 when --out is a file, or the seed could not be recorded in a plan', () => {
    const dir = tempDir();
    const plan = planFile(dir);
    writeFileSync(join(dir, 'file'), '');
    expect(cli(['randomize', '--plan', plan, '--seed', SEED, '--out', join(dir, 'file')]).code).toBe(2);
    const long = cli(['randomize', '--plan', plan, '--seed', 'x'.repeat(201), '--out', join(dir, 'y')]);
    expect(long.code).toBe(2);
    expect(long.stderr).toMatch(/1–200 characters/);
  });

  it('exits 2 when the plan lists no strata', () => {
    const dir = tempDir();
    const r = cli(['randomize', '--plan', join(sampleCopy(), 'analysis-plan.json'), '--seed', SEED, '--out', dir]);
    // The sample plan lists its strata, so remove them.
    const plan = JSON.parse(readFileSync(join(sampleCopy(), 'analysis-plan.json'), 'utf8'));
    delete plan.randomization.strata;
    writeFileSync(join(dir, 'p.json'), JSON.stringify(plan));
    expect(r.code).toBe(0);
    const none = cli(['randomize', '--plan', join(dir, 'p.json'), '--seed', SEED, '--out', join(dir, 'x')]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/randomization\.strata is empty/);
    expect(existsSync(join(dir, 'x', 'allocation.csv'))).toBe(false);
  });
});

/** Rewrites one participant row (1-based data row) of a copied sample. */
function editParticipant(data: string, row: number, edit: (cells: string[]) => void): { site: string; allocationNo: string } {
  const path = join(data, 'participants.csv');
  const lines = readFileSync(path, 'utf8').split('\n');
  const cells = lines[row]!.split(',');
  edit(cells);
  lines[row] = cells.join(',');
  writeFileSync(path, lines.join('\n'));
  return { site: cells[1]!, allocationNo: cells[3]! };
}

describe('the verify stage', () => {
  it('stops with exit 1 and names site and allocation number when an arm was changed', () => {
    const data = sampleCopy();
    const out = tempDir();
    const { site, allocationNo } = editParticipant(data, 10, (c) => (c[2] = c[2] === 'IPS' ? 'TVR' : 'IPS'));
    const id = readFileSync(join(data, 'participants.csv'), 'utf8').split('\n')[10]!.split(',')[0]!;
    const r = cli(['run', '--data', data, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${site}, allocation ${allocationNo}: recorded arm`);
    expect(r.stderr).toMatch(/--allow-unverified/);
    expect(r.stderr).not.toContain(id);
    for (const f of ['artifacts/verify.json', 'index.html', 'results.json', 'manifest.json']) expect(existsSync(join(out, f)), f).toBe(false);
  });

  it('names a reused allocation number and the gap it leaves', () => {
    const data = sampleCopy();
    const rows = readFileSync(join(data, 'participants.csv'), 'utf8').split('\n');
    const [, site, , no] = rows[1]!.split(',');
    // Give another participant of the same site the first one's number.
    const other = rows.findIndex((line, k) => k > 1 && line.split(',')[1] === site);
    const { allocationNo: freed } = editParticipant(data, other, () => undefined);
    editParticipant(data, other, (c) => (c[3] = no!));
    const out = tempDir();
    const run = cli(['run', '--data', data, '--out', out]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${site}, allocation ${no}: used by 2 participants`);
    expect(run.stderr).toContain(`${site}, allocation ${freed}: skipped`);
  });

  it('catches one edited row of the list against the published hash and the seed', () => {
    const data = sampleCopy();
    const path = join(data, 'allocation.csv');
    const lines = readFileSync(path, 'utf8').split('\n');
    // A slot far beyond those used: only the commitment and the seed can reveal the edit.
    const k = lines.findIndex((l) => l.startsWith('Oslo,99,'));
    const cells = lines[k]!.split(',');
    cells[4] = cells[4] === 'IPS' ? 'TVR' : 'IPS';
    lines[k] = cells.join(',');
    writeFileSync(path, lines.join('\n'));
    const r = cli(['run', '--data', data, '--out', tempDir()]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/not the published/);
    expect(r.stderr).toContain('Oslo, allocation 99: the list says');
  });

  it('exits 2 when verify runs before ingest', () => {
    const r = cli(['verify', '--out', tempDir()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/run `ips-rct ingest`/);
  });

  it('with --allow-unverified finishes and the report and results carry the failure', () => {
    const data = sampleCopy();
    const out = tempDir();
    editParticipant(data, 10, (c) => (c[2] = c[2] === 'IPS' ? 'TVR' : 'IPS'));
    const r = cli(['run', '--data', data, '--out', out, '--allow-unverified', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/warning: the allocation failed verification/);
    const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8'));
    expect(results.randomization.verification.status).toBe('failed');
    expect(results.randomization.allowed_unverified).toBe(true);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toMatch(/role="alert"/);
  });

  it('checks against a list given with --allocation, and exits 2 when that file is missing', () => {
    const data = sampleCopy();
    const missing = cli(['run', '--data', data, '--out', tempDir(), '--allocation', join(data, 'nope.csv')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--allocation .*nope\.csv: no such file/);
    const out = tempDir();
    expect(cli(['run', '--data', data, '--out', out, '--allocation', join(data, 'allocation.csv'), '--quiet']).code).toBe(0);
    const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8'));
    expect(results.randomization.verification.status).toBe('verified');
  });

  it('without a list file regenerates the list from the plan\'s seed and strata and checks against it', () => {
    const data = sampleCopy();
    const plan = JSON.parse(readFileSync(join(data, 'analysis-plan.json'), 'utf8'));
    delete plan.randomization.allocation_list;
    writeFileSync(join(data, 'analysis-plan.json'), JSON.stringify(plan));
    const out = tempDir();
    const r = cli(['run', '--data', data, '--out', out, '--verbose']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/verified against allocation\.csv regenerated from the plan's seed/);
    const v = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')).randomization.verification;
    expect(v.list.source).toBe('seed');
    expect(v.commitment.matches).toBe(true);
  });

  it('stops when the plan commits to a list by its hash but none is supplied', () => {
    const data = sampleCopy();
    const plan = JSON.parse(readFileSync(join(data, 'analysis-plan.json'), 'utf8'));
    delete plan.randomization.allocation_list;
    delete plan.randomization.seed;
    writeFileSync(join(data, 'analysis-plan.json'), JSON.stringify(plan));
    const r = cli(['run', '--data', data, '--out', tempDir()]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/published hash or seed for the allocation list, but no list was supplied/);
  });

  it('without a list, hash or seed says the arms were not checked, and still reports', () => {
    const data = sampleCopy();
    const plan = JSON.parse(readFileSync(join(data, 'analysis-plan.json'), 'utf8'));
    for (const key of ['allocation_list', 'seed', 'sha256']) delete plan.randomization[key];
    writeFileSync(join(data, 'analysis-plan.json'), JSON.stringify(plan));
    const out = tempDir();
    const r = cli(['run', '--data', data, '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/no allocation list supplied/);
    expect(JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')).randomization.verification.status).toBe('no_list');
  });

  it('finds the list beside the plan ingest read, also when verify runs alone', () => {
    const data = sampleCopy();
    const planDir = tempDir();
    for (const f of ['analysis-plan.json', 'allocation.csv']) writeFileSync(join(planDir, f), readFileSync(join(data, f)));
    rmSync(join(data, 'allocation.csv'));
    const out = tempDir();
    expect(cli(['ingest', '--data', data, '--plan', join(planDir, 'analysis-plan.json'), '--out', out, '--quiet']).code).toBe(0);
    const r = cli(['verify', '--data', data, '--out', out, '--verbose']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/verified against allocation\.csv \(/);
  });

  it('stops when the screening counts do not add up to those randomized', () => {
    const data = sampleCopy();
    const plan = JSON.parse(readFileSync(join(data, 'analysis-plan.json'), 'utf8'));
    plan.screening = { assessed: 500, excluded: [{ reason: { nb: 'Ikke aktuell', en: 'Not eligible' }, n: 80 }] };
    writeFileSync(join(data, 'analysis-plan.json'), JSON.stringify(plan));
    const r = cli(['run', '--data', data, '--out', tempDir()]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('analysis-plan.json, column screening: assessed (500) minus excluded (80) must equal the participants randomized in participants.csv (410)');
  });

});
