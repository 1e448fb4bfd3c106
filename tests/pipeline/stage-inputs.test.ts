/**
 * Each stage's declared plan sections must cover every section it (and all it calls)
 * reads, or a change to an undeclared section would leave stale results looking current.
 * The stages run in process on the sample with a plan that records which top-level
 * sections are read; ingest's plan comes from its own validation, so validatePlan is
 * wrapped to hand ingest a recording plan too.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { AnalysisPlan } from '../../src/io/plan.ts';
import { readPlan } from '../../pipeline/delivery.ts';
import { RunFolder } from '../../pipeline/run-folder.ts';
import type { Stage, StageContext, StageOptions } from '../../pipeline/stage.ts';
import { STAGES } from '../../pipeline/stages/index.ts';
import { sampleCopy, tempDir } from '../helpers/cli.ts';

const recorder = vi.hoisted(() => ({ keys: null as Set<string> | null }));

vi.mock('../../src/io/plan.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/io/plan.ts')>();
  return {
    ...original,
    validatePlan: (raw: Parameters<typeof original.validatePlan>[0], file: string) => {
      const result = original.validatePlan(raw, file);
      if (result.plan && recorder.keys) result.plan = recording(result.plan, recorder.keys);
      return result;
    },
  };
});

/** The plan, noting each top-level section read ('*' when all are enumerated). */
function recording(plan: AnalysisPlan, keys: Set<string>): AnalysisPlan {
  return new Proxy(plan, {
    get(target, key, receiver) {
      if (typeof key === 'string') keys.add(key);
      return Reflect.get(target, key, receiver);
    },
    has(target, key) {
      if (typeof key === 'string') keys.add(key);
      return Reflect.has(target, key);
    },
    ownKeys(target) {
      keys.add('*');
      return Reflect.ownKeys(target);
    },
  });
}

const declared = (s: Stage) => (s.inputs.plan === 'all' ? null : new Set<string>(s.inputs.plan));

describe('declared plan sections cover what each stage reads', () => {
  const data = sampleCopy();
  const folder = new RunFolder(tempDir());
  const options: StageOptions = {
    data, plan: join(data, 'analysis-plan.json'), maxViolations: 100, allowUnverified: false, threads: 1, version: 'test',
  };
  const read = new Map<string, Set<string>>();

  beforeAll(async () => {
    const { plan, info } = await readPlan(options.plan, 100);
    for (const s of STAGES.filter((x) => x.inputs.plan !== 'all')) {
      const keys = new Set<string>();
      const ctx: StageContext = {
        folder, options, plan: recording(plan, keys), planFile: info,
        log: () => undefined, notice: () => undefined, warn: () => undefined, progress: () => undefined,
      };
      recorder.keys = keys;
      try {
        await s.run(ctx);
      } finally {
        recorder.keys = null;
      }
      read.set(s.name, keys);
    }
  }, 120_000);

  for (const s of STAGES.filter((x) => x.inputs.plan !== 'all')) {
    it(`${s.name}`, () => {
      const keys = read.get(s.name)!;
      expect(keys.has('*'), `${s.name} enumerates the whole plan: declare 'all'`).toBe(false);
      // Sections read but not declared: each would be a stale result waiting to happen.
      expect([...keys].filter((k) => !declared(s)!.has(k)).sort()).toEqual([]);
    });
  }

  it('the recording plan notices reads (so the checks above can fail)', () => {
    expect(read.get('cost-benefit')!.has('costs')).toBe(true);
    expect(read.get('ingest')!.has('measures')).toBe(true);
    expect(read.get('ingest')!.has('costs')).toBe(false);
  });

  it('declares no section the sample run does not read, apart from those read on other paths', () => {
    // Declaring too much only costs reruns, but every extra section must be explained.
    const extra = Object.fromEntries(STAGES.filter((x) => x.inputs.plan !== 'all').map((x) => [x.name, [...declared(x)!].filter((k) => !read.get(x.name)!.has(k)).sort()]));
    expect(extra).toEqual({
      ingest: [],
      // CONSORT's follow-up counts read registry_months under employment_definition "any_employment_to_month" only.
      verify: ['registry_months'],
      outcomes: [],
      // The models read diagnosis_levels only when diagnosis is a covariate (it is not in the sample's plan).
      'quality-of-life': ['diagnosis_levels'],
      'cost-benefit': [],
      'meta-analysis': [],
      fidelity: [],
    });
  });

  it('reads the plan it was given, not one from an artifact', () => {
    expect(JSON.parse(readFileSync(folder.path('artifacts/ingest.json'), 'utf8')).plan).toBeUndefined();
  });
});

