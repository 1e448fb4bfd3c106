/**
 * The worker pool: results in chunk order and identical for every thread count, chunk
 * streams that depend on (seed, chunk) only, errors that surface with their class and
 * message, progress, and workers that load the TypeScript tasks under vitest (no tsx
 * loader in the parent: the workers register it themselves, see worker-entry.mjs).
 */
import { describe, expect, it } from 'vitest';
import { defineTask, runChunks, WorkerPool } from '../../src/parallel/pool.ts';
import { chunkCount, chunkRange, chunkRng } from '../../src/random/chunk-streams.ts';
import { drawChunk, drawTask, failingTask, whereTask, type DrawInput } from './tasks.ts';

const input: DrawInput = { seed: 20130901, perChunk: 50, weights: Float64Array.from({ length: 20_000 }, (_, i) => 1 + (i % 7)) };

describe('WorkerPool', () => {
  it('gives the same results in chunk order with 1, 2 and 3 threads', async () => {
    const inline = await runChunks(drawTask, input, 40, { threads: 1, label: 'draws' });
    for (const threads of [2, 3]) {
      const pool = new WorkerPool(threads);
      await pool.started();
      const parallel = await pool.run(drawTask, input, 40, { label: 'draws' });
      await pool.close();
      expect(parallel).toEqual(inline);
    }
    // and the chunks are what the task computes for (input, chunk) on its own
    expect(inline[17]).toEqual(drawChunk(input, 17));
  });

  it('runs chunks in worker threads, with large typed arrays shared rather than copied', async () => {
    const pool = new WorkerPool(3);
    await pool.started();
    const out = await pool.run(whereTask, { data: new Float64Array(10_000) }, 12, { label: 'where' });
    await pool.close();
    expect(out.map((o) => o.chunk)).toEqual(Array.from({ length: 12 }, (_, c) => c));
    const fromWorkers = out.filter((o) => !o.isMainThread);
    expect(fromWorkers.length).toBeGreaterThan(0);
    for (const o of fromWorkers) expect(o.shared).toBe(true);
  });

  it('serves several runs at once, each in its own chunk order', async () => {
    const pool = new WorkerPool(2);
    const other = { ...input, seed: 7 };
    const [a, b] = await Promise.all([pool.run(drawTask, input, 25, { label: 'a' }), pool.run(drawTask, other, 30, { label: 'b' })]);
    await pool.close();
    expect(a).toEqual(Array.from({ length: 25 }, (_, c) => drawChunk(input, c)));
    expect(b).toEqual(Array.from({ length: 30 }, (_, c) => drawChunk(other, c)));
  });

  it('rejects with the original error class and message when a task throws, in a worker or inline', async () => {
    for (const threads of [1, 2, 3]) {
      const pool = new WorkerPool(threads);
      await pool.started();
      await expect(pool.run(failingTask, { failAt: 4 }, 6, { label: 'fail' })).rejects.toThrow(new RangeError('chunk 4 cannot be computed'));
      if (threads > 1) {
        // only the workers' chunks fail (a started worker with nothing to do gets the first
        // chunks): the error crosses the thread boundary as it was thrown
        const fresh = new WorkerPool(threads);
        await fresh.started();
        const err = await fresh.run(failingTask, { failAt: -1, onlyInWorker: true }, 200, { label: 'fail' }).catch((e: unknown) => e);
        await fresh.close();
        expect(err).toBeInstanceOf(RangeError);
        expect((err as Error).message).toMatch(/^chunk \d+ cannot be computed$/);
      }
      // the pool stays usable after a task's error
      expect(await pool.run(drawTask, input, 3, { label: 'after' })).toEqual([0, 1, 2].map((c) => drawChunk(input, c)));
      await pool.close();
    }
  });

  it('rejects when a worker cannot load the task, instead of hanging', async () => {
    // runs on the calling thread, but the workers look for it in a module that does not exist
    const missing = { module: new URL('./no-such-module.ts', import.meta.url).href, name: 'drawChunk', run: drawChunk };
    const pool = new WorkerPool(2);
    await pool.started();
    await expect(pool.run(missing, input, 8, { label: 'missing' })).rejects.toThrow(/no-such-module|Cannot find/);
    await pool.close();
  });

  it('reports progress in units as chunks finish, ending at the total', async () => {
    const seen: [string, number, number][] = [];
    await runChunks(drawTask, input, 5, { threads: 2, label: 'draws', progress: (l, d, t) => seen.push([l, d, t]), units: (c) => 10 + c });
    expect(seen).toHaveLength(5);
    expect(seen.at(-1)).toEqual(['draws', 60, 60]);
    expect(seen.map((s) => s[1])).toEqual([...seen.map((s) => s[1])].sort((x, y) => x - y));
  });

  it('refuses a task whose function is not the named export', () => {
    expect(() => defineTask(import.meta.url, 'somethingElse', drawChunk)).toThrow(/drawChunk/);
  });
});

describe('chunk streams', () => {
  it('split a run into fixed chunks and draw each from (seed, chunk) alone', () => {
    expect(chunkCount(1000, 64)).toBe(16);
    expect(chunkRange(1000, 64, 15)).toEqual({ from: 960, to: 1000 });
    // the same chunk gives the same draws whatever ran before it
    const first = chunkRng(5, 3).uniform();
    chunkRng(5, 2).uniform();
    expect(chunkRng(5, 3).uniform()).toBe(first);
    expect(chunkRng(5, 4).uniform()).not.toBe(first);
    expect(chunkRng(6, 3).uniform()).not.toBe(first);
  });
});
