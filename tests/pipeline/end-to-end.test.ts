/**
 * End to end through the real CLI: the sample gives a report and a manifest; a rerun is
 * byte-identical apart from the manifest; bad data and bad usage give their exit codes
 * and leave nothing that looks current.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, filesBelow, ROOT, sampleCopy, SAMPLE, tempDir } from '../helpers/cli.ts';

/** The day of the run the report shows, fixed as reproducible builds do (2026-11-23). */
const EPOCH = { SOURCE_DATE_EPOCH: '1795392000' };

describe('ips-rct run on the shipped sample', () => {
  const out = tempDir();
  let first: ReturnType<typeof cli>;
  beforeAll(() => {
    first = cli(['run', '--data', SAMPLE, '--out', out, '--verbose'], ROOT, EPOCH);
  });

  it('succeeds and says where the report is', () => {
    expect(first.stderr).toContain(`Report: ${join(out, 'index.html')}`);
    expect(first.code).toBe(0);
    for (const f of ['index.html', 'results.json', 'manifest.json', 'artifacts/dataset.bin', 'artifacts/ingest.json', 'artifacts/verify.json']) {
      expect(existsSync(join(out, f)), f).toBe(true);
    }
  });

  it('verifies the sample against its allocation list, its published hash and its seed', () => {
    const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8'));
    const v = results.randomization.verification;
    expect(v.status).toBe('verified');
    expect(v.list.file).toBe('allocation.csv');
    expect(v.commitment.matches).toBe(true);
    expect(v.regenerated_from_seed.matches).toBe(true);
    expect(v.problems).toEqual([]);
    expect(results.randomization.allowed_unverified).toBe(false);
    expect(first.stderr).toMatch(/allocation: verified against allocation\.csv/);
  });

  it('reports the published arm sizes, 229 IPS and 181 TVR with two IPS withdrawals', () => {
    const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8'));
    expect(results.consort.randomized).toEqual({ IPS: 229, TVR: 181 });
    expect(results.consort.withdrawn).toEqual({ IPS: 2, TVR: 0 });
    expect(results.ingest.participants.total).toBe(410);
  });

  it('writes results.json that follows the JSON Schema in the repo', () => {
    const schema = JSON.parse(readFileSync(join(ROOT, 'schema/results.schema.json'), 'utf8'));
    const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
    const ok = validate(JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('writes a manifest with input hashes, plan hash, seed, packages and stage timings', () => {
    const m = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    // The optional evidence and fidelity files, which the sample ships, are inputs too.
    expect(m.inputs.map((i: { file: string }) => i.file)).toEqual(['participants.csv', 'employment.csv', 'questionnaires.csv', 'evidence.csv', 'fidelity.csv']);
    for (const i of m.inputs) expect(i.sha256).toBe(createHash('sha256').update(readFileSync(join(SAMPLE, i.file))).digest('hex'));
    expect(m.plan.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(m.seed).toBe(20130901);
    expect(m.packages.vega).toMatch(/^\d+\.\d+\.\d+$/);
    expect(m.stages.map((s: { name: string }) => s.name)).toEqual(['ingest', 'verify', 'outcomes', 'quality-of-life', 'cost-benefit', 'meta-analysis', 'fidelity', 'report']);
    expect(m.allocation_list.file).toBe('allocation.csv');
    expect(m.allocation_generator).toMatchObject({ generator: 'xoroshiro128plus', key_derivation: 'sha256', allocation_algorithm_version: 1 });
    expect(m.allocation_list.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(m.plan.file).toBe(join(SAMPLE, 'analysis-plan.json'));
  });

  it('gives byte-identical outputs on a second run, apart from the manifest', () => {
    const before = filesBelow(out);
    const second = cli(['run', '--data', SAMPLE, '--out', out, '--quiet'], ROOT, EPOCH);
    expect(second.code).toBe(0);
    expect(second.stderr).toBe('');
    const after = filesBelow(out);
    before.delete('manifest.json');
    after.delete('manifest.json');
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [name, bytes] of before) expect(after.get(name)!.equals(bytes), name).toBe(true);
  });

  it('dates the report from SOURCE_DATE_EPOCH, and refuses a malformed one with exit 2', () => {
    const page = readFileSync(join(out, 'index.html'), 'utf8');
    expect(page).toContain('<time datetime="2026-11-23">23. november 2026</time>');
    // The provenance section's fingerprints are the manifest's.
    const m = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    for (const hash of [...m.inputs.map((i: { sha256: string }) => i.sha256), m.plan.sha256, m.allocation_list.sha256]) expect(page).toContain(`<code class="hash">${hash}</code>`);
    const bad = cli(['report', '--out', out], ROOT, { SOURCE_DATE_EPOCH: 'yesterday' });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/SOURCE_DATE_EPOCH must be a whole number of seconds/);
    expect(existsSync(join(out, 'index.html'))).toBe(false);
    // The report alone, dated again: the same page as the whole run gave.
    expect(cli(['report', '--out', out, '--quiet'], ROOT, EPOCH).code).toBe(0);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe(page);
  });
});

describe('bad input and bad usage', () => {
  it('exits 1 on a contract violation, names file, row and column, and removes stale outputs', () => {
    const data = sampleCopy();
    const out = tempDir();
    expect(cli(['run', '--data', data, '--out', out, '--quiet']).code).toBe(0);
    const p = join(data, 'participants.csv');
    const lines = readFileSync(p, 'utf8').split('\n');
    const cells = lines[5]!.split(',');
    cells[5] = '230'; // age
    lines[5] = cells.join(',');
    writeFileSync(p, lines.join('\n'));

    const r = cli(['run', '--data', data, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('participants.csv, row 6, column age: must be a whole number from 16 to 70 (found: "230")');
    for (const f of ['index.html', 'results.json', 'manifest.json', 'artifacts/dataset.bin', 'artifacts/ingest.json', 'artifacts/verify.json']) {
      expect(existsSync(join(out, f)), f).toBe(false);
    }
  });

  it('exits 2 on an unknown option, with the usage on stderr', () => {
    const r = cli(['run', '--dataa', 'x']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Unknown argument: dataa/);
  });

  it('exits 2 when the report is asked for before ingest has run', () => {
    const r = cli(['report', '--out', tempDir()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/run `ips-rct ingest`/);
  });

  it('ingest alone prints one line, with --verbose the arm sizes of the sample, and writes no report', () => {
    const out = tempDir();
    const r = cli(['ingest', '--out', out]);
    expect(r.code).toBe(0);
    // Off a terminal: one line per stage; the details only with --verbose.
    expect(r.stderr).toMatch(/^ingest ran in \d+ ms \(requested\)\nRun folder: /);
    expect(r.stderr).not.toContain('participants randomized');
    const verbose = cli(['ingest', '--out', out, '--verbose']);
    expect(verbose.stderr).toContain('410 participants randomized: IPS 229 (2 withdrawn), TVR 181 (0 withdrawn)');
    expect(verbose.stderr).toContain(`Run folder: ${out}`);
    expect(existsSync(join(out, 'index.html'))).toBe(false);
  });

  it('exits 2 when a stage is asked for before the one it needs', () => {
    const out = tempDir();
    expect(cli(['ingest', '--out', out, '--quiet']).code).toBe(0);
    const r = cli(['report', '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/run `ips-rct verify`/);
  });

  it('report alone keeps the manifest true to the ingest it reuses', () => {
    const out = tempDir();
    expect(cli(['ingest', '--out', out, '--quiet']).code).toBe(0);
    expect(cli(['verify', '--out', out, '--quiet']).code).toBe(0);
    expect(cli(['outcomes', '--out', out, '--quiet']).code).toBe(0);
    expect(cli(['quality-of-life', '--out', out, '--quiet']).code).toBe(0);
    expect(cli(['cost-benefit', '--out', out, '--quiet']).code).toBe(0);
    expect(cli(['meta-analysis', '--out', out, '--quiet']).code).toBe(0);
    expect(cli(['fidelity', '--out', out, '--quiet']).code).toBe(0);
    // Without --data, a stage after ingest analyses the delivery ingest read (not the default folder).
    const elsewhere = tempDir();
    expect(cli(['report', '--out', out, '--quiet'], elsewhere).code).toBe(0);
    const m = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(m.plan.file).toBe(join('data-samples', 'analysis-plan.json'));
    expect(m.stages.map((s: { name: string; ran: boolean }) => [s.name, s.ran])).toEqual([['ingest', false], ['verify', false], ['outcomes', false], ['quality-of-life', false], ['cost-benefit', false], ['meta-analysis', false], ['fidelity', false], ['report', true]]);
    // A --data folder without a plan is not silently replaced by another.
    const r = cli(['report', '--out', out, '--data', tempDir()]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('analysis-plan.json: ');
  });

  it('exits 1 when an input path is a folder, not a file', () => {
    const data = sampleCopy();
    rmSync(join(data, 'employment.csv'));
    mkdirSync(join(data, 'employment.csv'));
    const r = cli(['ingest', '--data', data, '--out', tempDir()]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('employment.csv: file could not be read');
  });

  it('exits 2 when --out is a file, or an artifact is damaged', () => {
    const file = join(tempDir(), 'x');
    writeFileSync(file, '');
    expect(cli(['run', '--out', file]).code).toBe(2);
    const out = tempDir();
    expect(cli(['ingest', '--out', out, '--quiet']).code).toBe(0);
    writeFileSync(join(out, 'artifacts/ingest.json'), '{"plan":');
    const r = cli(['report', '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/damaged/);
  });

  it('exits 2 when the data folder does not exist', () => {
    const r = cli(['run', '--data', join(tempDir(), 'nope')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no such folder/);
  });

  it('exits 2 without a command', () => {
    expect(cli([]).code).toBe(2);
  });

  it('prints the version and help with an example for every command', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(cli(['--version']).stdout.trim()).toBe(pkg.version);
    for (const command of ['run', 'ingest', 'verify', 'outcomes', 'report', 'randomize', 'simulate']) {
      const h = cli([command, '--help']);
      expect(h.code, command).toBe(0);
      expect(h.stdout, command).toMatch(/Examples:/);
    }
  });
});
