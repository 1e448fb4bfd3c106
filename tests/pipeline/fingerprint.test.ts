/** The reuse decision and its reasons, the fingerprints behind it, and the stage selection. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourceHash } from '../../pipeline/code-fingerprint.ts';
import { canonicalJson, changedInputs, decide, fingerprintOf, hashValue, recordOf, RECORD_VERSION, type InputValues } from '../../pipeline/fingerprint.ts';
import { dependentsOf } from '../../pipeline/runner.ts';
import { selectStages } from '../../pipeline/selection.ts';
import { UsageError } from '../../src/io/errors.ts';
import { tempDir } from '../helpers/cli.ts';

const BASE: InputValues = {
  code: 'c1', version: '0.1.0', packages: 'p1', node: 'v20.20.0',
  'file:employment.csv': 'e1', 'file:analysis-plan.json': 'a1',
  'plan:costs': 'k1', 'plan:seed': 's1',
  'upstream:ingest': 'i1', 'option:--lang': 'nb', 'setting:report date': '2026-11-23',
};
const record = recordOf('report', BASE);
const noForce = { missingOutputs: [], force: null };

describe('canonical JSON and hashes', () => {
  it('sorts keys at every level and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: [2, { d: 3, c: 4 }] })).toBe('{"a":[2,{"c":4,"d":3}],"b":1}');
    expect(hashValue({ x: 1, y: [1, 2] })).toBe(hashValue({ y: [1, 2], x: 1 }));
    expect(hashValue({ y: [2, 1] })).not.toBe(hashValue({ y: [1, 2] }));
    expect(hashValue(undefined)).toBe(hashValue(null));
  });

  it('a record fingerprints its inputs, whatever their order', () => {
    const reversed = Object.fromEntries(Object.entries(BASE).reverse());
    expect(recordOf('report', reversed).fingerprint).toBe(record.fingerprint);
    expect(fingerprintOf({ ...BASE, 'plan:costs': 'k2' })).not.toBe(record.fingerprint);
    expect(record.record_version).toBe(RECORD_VERSION);
  });
});

describe('decide', () => {
  it('reuses when every input matches and every output exists', () => {
    expect(decide({ record, inputs: { ...BASE }, ...noForce })).toEqual({ run: false, reasons: [] });
  });

  it('reruns without a record, or with one of another layout', () => {
    expect(decide({ record: null, inputs: BASE, ...noForce }).reasons).toEqual(['no earlier run']);
    expect(decide({ record: { ...record, record_version: 0 as typeof RECORD_VERSION }, inputs: BASE, ...noForce }).reasons).toEqual(['no earlier run']);
  });

  it('names each changed input', () => {
    const now = { ...BASE, 'plan:costs': 'k2', 'upstream:ingest': 'i2', 'option:--lang': 'en', 'file:employment.csv': 'e2' };
    expect(decide({ record, inputs: now, ...noForce }).reasons).toEqual([
      'employment.csv changed',
      'plan section "costs" changed',
      'upstream "ingest" reran',
      'option --lang changed (nb → en)',
    ]);
  });

  it('says code, versions, settings and missing files changed in words', () => {
    expect(changedInputs(BASE, { ...BASE, code: 'c2' })).toEqual(['code changed']);
    expect(changedInputs(BASE, { ...BASE, node: 'v24.1.0' })).toEqual(['Node version changed (v20.20.0 → v24.1.0)']);
    expect(changedInputs(BASE, { ...BASE, version: '0.2.0' })).toEqual(['ips-rct version changed (0.1.0 → 0.2.0)']);
    expect(changedInputs(BASE, { ...BASE, packages: 'p2' })).toEqual(['package versions changed']);
    expect(changedInputs(BASE, { ...BASE, 'setting:report date': '2026-11-24' })).toEqual(['report date changed (2026-11-23 → 2026-11-24)']);
    expect(changedInputs(BASE, { ...BASE, 'file:employment.csv': 'missing' })).toEqual(['employment.csv missing']);
    expect(changedInputs({ 'option:--pdf': false }, { 'option:--pdf': true })).toEqual(['option --pdf changed (false → true)']);
  });

  it('names the plan file only when no plan section changed (a layout-only edit)', () => {
    expect(changedInputs(BASE, { ...BASE, 'file:analysis-plan.json': 'a2', 'plan:costs': 'k2' })).toEqual(['plan section "costs" changed']);
    expect(changedInputs(BASE, { ...BASE, 'file:analysis-plan.json': 'a2' })).toEqual(['analysis-plan.json changed']);
  });

  it('notices inputs added or dropped (a stage that declares a new input reruns)', () => {
    expect(changedInputs(BASE, { ...BASE, 'plan:imputations': 'm1' })).toEqual(['plan section "imputations" changed']);
    expect(changedInputs(BASE, { ...BASE, 'option:--pdf': true })).toEqual(['option --pdf changed (none → true)']);
    const { 'plan:seed': _dropped, ...fewer } = BASE;
    expect(changedInputs(BASE, fewer)).toEqual(['input plan:seed no longer used']);
  });

  it('reruns for a missing output only when the inputs match', () => {
    expect(decide({ record, inputs: BASE, missingOutputs: ['index.html'], force: null }).reasons).toEqual(['output index.html missing']);
    expect(decide({ record, inputs: { ...BASE, 'plan:seed': 's2' }, missingOutputs: ['index.html'], force: null }).reasons).toEqual(['plan section "seed" changed']);
  });

  it('a forcing reason wins', () => {
    expect(decide({ record, inputs: BASE, missingOutputs: [], force: '--force' })).toEqual({ run: true, reasons: ['--force'] });
  });
});

describe('the code fingerprint', () => {
  it('changes with any source file, its name or its bytes', () => {
    const root = tempDir();
    mkdirSync(join(root, 'src/a'), { recursive: true });
    mkdirSync(join(root, 'pipeline'));
    writeFileSync(join(root, 'src/a/x.ts'), 'export const x = 1;\n');
    writeFileSync(join(root, 'pipeline/y.ts'), 'export const y = 2;\n');
    const first = sourceHash(root);
    expect(sourceHash(root)).toBe(first);
    writeFileSync(join(root, 'src/a/x.ts'), 'export const x = 2;\n');
    const second = sourceHash(root);
    expect(second).not.toBe(first);
    writeFileSync(join(root, 'src/a/z.ts'), '');
    expect(sourceHash(root)).not.toBe(second);
    // Outside src/ and pipeline/: not code that computes outputs.
    const third = sourceHash(root);
    writeFileSync(join(root, 'notes.md'), 'x');
    expect(sourceHash(root)).toBe(third);
  });
});

describe('stage graph and selection', () => {
  it('knows which stages each one feeds', () => {
    expect(dependentsOf('ingest')).toEqual(['verify', 'outcomes', 'quality-of-life', 'cost-benefit', 'meta-analysis', 'fidelity', 'report']);
    expect(dependentsOf('outcomes')).toEqual(['meta-analysis', 'fidelity', 'report']);
    expect(dependentsOf('cost-benefit')).toEqual(['report']);
    expect(dependentsOf('report')).toEqual([]);
  });

  it('selects all, --only (repeated or comma-separated) or --from, in pipeline order', () => {
    expect(selectStages({}).names).toEqual(['ingest', 'verify', 'outcomes', 'quality-of-life', 'cost-benefit', 'meta-analysis', 'fidelity', 'report']);
    expect(selectStages({ only: ['report', 'outcomes'] }).names).toEqual(['outcomes', 'report']);
    expect(selectStages({ only: ['report,outcomes'] }).names).toEqual(['outcomes', 'report']);
    expect(selectStages({ from: 'cost-benefit' })).toEqual({ names: ['cost-benefit', 'meta-analysis', 'fidelity', 'report'], how: '--from' });
  });

  it('refuses an unknown stage, listing the valid ones, and --only with --from', () => {
    expect(() => selectStages({ only: ['outcome'] })).toThrow(UsageError);
    expect(() => selectStages({ only: ['outcome'] })).toThrow(/--only "outcome": no such stage \(the stages are ingest, verify, outcomes, quality-of-life, cost-benefit, meta-analysis, fidelity, report\)/);
    expect(() => selectStages({ from: 'nope' })).toThrow(/--from "nope": no such stage/);
    expect(() => selectStages({ only: ['report'], from: 'ingest' })).toThrow(/cannot be combined/);
    expect(() => selectStages({ only: [''] })).toThrow(/needs stage names/);
  });
});
