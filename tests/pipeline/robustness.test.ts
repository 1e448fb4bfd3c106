/**
 * A few hundred seeded random mutations of the sample files (bytes flipped, rows cut,
 * columns swapped, cells emptied) fed to `ips-rct ingest`: each run must end in success
 * (exit 0) or a contract error (exit 1), never an uncaught exception (exit 3), and a
 * failed run must leave no artifact behind.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../pipeline/cli.ts';
import { createRng, type Rng } from '../../src/random/rng.ts';
import { sampleCopy, SAMPLE, tempDir } from '../helpers/cli.ts';

const FILES = ['participants.csv', 'employment.csv', 'questionnaires.csv', 'analysis-plan.json'];
const RUNS = 300;

type Mutation = (bytes: Buffer, rng: Rng) => Buffer;

const flipBytes: Mutation = (b, rng) => {
  const out = Buffer.from(b);
  for (let k = rng.int(1, 5); k > 0; k--) out[rng.int(0, out.length - 1)] = rng.int(0, 255);
  return out;
};
const cutRows: Mutation = (b, rng) => b.subarray(0, rng.int(0, b.length));
const dropLine: Mutation = (b, rng) => {
  const lines = b.toString('latin1').split('\n');
  lines.splice(rng.int(0, lines.length - 1), 1);
  return Buffer.from(lines.join('\n'), 'latin1');
};
const swapColumns: Mutation = (b, rng) => {
  const lines = b.toString('latin1').split('\n');
  const width = lines[0]!.split(',').length;
  const [i, j] = [rng.int(0, width - 1), rng.int(0, width - 1)];
  const swapAll = rng.bernoulli(0.5) === 1;
  return Buffer.from(
    lines
      .map((l, n) => {
        if (n > 0 && !swapAll) return l;
        const c = l.split(',');
        if (c.length > Math.max(i, j)) [c[i], c[j]] = [c[j]!, c[i]!];
        return c.join(',');
      })
      .join('\n'),
    'latin1',
  );
};
const emptyCells: Mutation = (b, rng) => {
  const lines = b.toString('latin1').split('\n');
  for (let k = rng.int(1, 10); k > 0; k--) {
    const n = rng.int(0, lines.length - 1);
    const c = lines[n]!.split(',');
    c[rng.int(0, c.length - 1)] = '';
    lines[n] = c.join(',');
  }
  return Buffer.from(lines.join('\n'), 'latin1');
};
const MUTATIONS = [flipBytes, cutRows, dropLine, swapColumns, emptyCells];

describe('ingest under random mutation', () => {
  const stderr: string[] = [];
  beforeAll(() => {
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      stderr.push(String(chunk));
      return true;
    });
  });
  afterAll(() => vi.restoreAllMocks());

  it(`${RUNS} mutated deliveries each end in exit 0 or 1, with no partial artifact`, async () => {
    const originals = new Map(FILES.map((f) => [f, readFileSync(join(SAMPLE, f))]));
    const data = sampleCopy();
    const out = tempDir();
    const rng = createRng(20261123);
    const codes = { 0: 0, 1: 0 } as Record<number, number>;
    for (let run = 0; run < RUNS; run++) {
      for (const [f, bytes] of originals) writeFileSync(join(data, f), bytes);
      const file = FILES[rng.int(0, FILES.length - 1)]!;
      const mutate = MUTATIONS[rng.int(0, MUTATIONS.length - 1)]!;
      writeFileSync(join(data, file), mutate(originals.get(file)!, rng));
      stderr.length = 0;
      const code = await main(['ingest', '--data', data, '--out', out, '--quiet']);
      expect([0, 1], `run ${run}: ${mutate.name} on ${file} gave exit ${code}: ${stderr.join('')}`).toContain(code);
      codes[code] = (codes[code] ?? 0) + 1;
      const artifacts = ['artifacts/dataset.bin', 'artifacts/ingest.json'].map((a) => existsSync(join(out, a)));
      expect(artifacts, `run ${run}`).toEqual(code === 0 ? [true, true] : [false, false]);
    }
    // The mutations must actually break things most of the time, or the test proves little.
    expect(codes[1]!).toBeGreaterThan(RUNS / 2);
  }, 120_000);
});
