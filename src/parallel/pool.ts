/**
 * A pool of worker threads for resampling (bootstrap, permutations, imputations), built so
 * that the number of threads never changes a result:
 *
 * - a procedure is split into chunks whose results depend only on (input, chunk index):
 *   each chunk draws from its own generator (src/random/chunk-streams.ts), never from a
 *   stream shared with other chunks;
 * - a task is a pure exported function `(input, chunk) => result`, named by its module URL
 *   and export name, so a worker can import it (defineTask);
 * - the results come back in chunk order, whichever thread finished first.
 *
 * threads = 1 runs every chunk on the calling thread, without a worker. threads = t > 1
 * starts t − 1 workers (node:worker_threads) and the calling thread computes chunks too,
 * between its turns at dispatching: t threads at work, and one worker start-up (a few
 * hundred milliseconds under tsx) fewer. Each worker gets a run's input once (typed arrays
 * of 64 KiB or more are moved into SharedArrayBuffers first, so all workers read one copy),
 * then chunk numbers, two ahead so that it never waits for the calling thread. A task's
 * error rejects the run with the original error's class and message; a worker that dies
 * rejects every pending run; close() terminates the workers, and idle workers never keep
 * the process alive.
 *
 * @example
 *   // in the task's module:
 *   export function bootChunk(input: Input, chunk: number): Float64Array { … }
 *   export const bootTask = defineTask(import.meta.url, 'bootChunk', bootChunk);
 *   // in the caller:
 *   const parts = await runChunks(bootTask, input, 16, { threads: 4, label: 'bootstrap' });
 */
import { Worker } from 'node:worker_threads';
import type { Progress } from '../progress.ts';
import type { FromWorker, ToWorker } from './messages.ts';

/** A chunk function that a worker can import: `module` (a file URL) exports it as `name`. */
export interface Task<I, R> {
  readonly module: string;
  readonly name: string;
  /** The same function, for running on the calling thread. */
  readonly run: (input: I, chunk: number) => R;
}

/**
 * Names `fn`, exported as `name` from the module at `module` (pass `import.meta.url`), as a
 * pool task. The function must be pure: its result may depend only on its input and the
 * chunk index.
 */
export function defineTask<I, R>(module: string, name: string, fn: (input: I, chunk: number) => R): Task<I, R> {
  if (fn.name !== name) throw new RangeError(`defineTask: the function is called ${fn.name}, not ${name}`);
  return { module, name, run: fn };
}

/** How one run reports progress. */
export interface RunOptions {
  /** The step's name, passed to `progress`. */
  readonly label: string;
  /** Called as chunks finish: done of total units (default: chunks). Never changes a result. */
  readonly progress?: Progress;
  /** The units of work (resamples, permutations) in each chunk, for progress (default 1). */
  readonly units?: (chunk: number) => number;
}

/** Options of runChunks. */
export interface RunChunksOptions extends RunOptions {
  /** Threads to use: 1 runs on the calling thread; t > 1 starts t − 1 workers for this run. */
  readonly threads: number;
}

/** Typed arrays at least this large go to workers in a SharedArrayBuffer (copied once, not once per worker). */
const SHARE_BYTES = 1 << 16;

/** The largest number of workers a pool starts. */
export const MAX_THREADS = 64;

type AnyTask = Task<unknown, unknown>;

interface RunState {
  readonly id: number;
  readonly task: AnyTask;
  readonly input: unknown;
  /** The input as sent to workers (large typed arrays shared), made on first need. */
  workerInput: unknown;
  readonly results: unknown[];
  remaining: number;
  done: number;
  readonly total: number;
  readonly options: RunOptions;
  readonly sentTo: Set<WorkerSlot>;
  readonly resolve: (results: unknown[]) => void;
  readonly reject: (err: Error) => void;
  finished: boolean;
}

interface WorkerSlot {
  readonly worker: Worker;
  /** Chunks sent and not yet answered. */
  pending: number;
  /** Started: chunks go only to a worker that can take them at once, never to one still loading. */
  ready: boolean;
}

/** Chunks a worker holds at once: one at work, one waiting, so it never idles while the calling thread computes. */
const AHEAD = 2;

const WORKER_ENTRY = new URL('./worker-entry.mjs', import.meta.url);
const WORKER_MAIN = new URL(import.meta.url.endsWith('.ts') ? './worker.ts' : './worker.js', import.meta.url).href;

/** A run's error as the task threw it: same class (Error, RangeError, TypeError, …) and message. */
function rebuildError(error: { name: string; message: string; stack?: string }): Error {
  const classes: Record<string, ErrorConstructor> = { RangeError, TypeError, SyntaxError, ReferenceError, EvalError, URIError };
  const err = new (classes[error.name] ?? Error)(error.message);
  if (!(error.name in classes) && error.name !== 'Error') err.name = error.name;
  if (error.stack) err.stack = error.stack;
  return err;
}

/** A copy of `value` whose large typed arrays live in SharedArrayBuffers (plain objects and arrays are walked). */
function shareTypedArrays(value: unknown, depth = 0): unknown {
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    const view = value as unknown as { buffer: ArrayBufferLike; byteLength: number; length: number; constructor: new (b: SharedArrayBuffer) => { set(a: ArrayLike<number> | ArrayLike<bigint>): void } };
    if (view.buffer instanceof SharedArrayBuffer || view.byteLength < SHARE_BYTES) return value;
    const shared = new view.constructor(new SharedArrayBuffer(view.byteLength));
    shared.set(value as unknown as ArrayLike<number>);
    return shared;
  }
  if (depth > 8 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => shareTypedArrays(v, depth + 1));
  if (Object.getPrototypeOf(value) !== Object.prototype) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shareTypedArrays(v, depth + 1)]));
}

/**
 * A pool of `threads` workers (none when threads is 1) that runs chunked tasks. Several
 * runs may be under way at once; their chunks are served in the order they were submitted.
 * `preload` names task modules the workers import as soon as they start.
 */
export class WorkerPool {
  readonly threads: number;
  private readonly slots: WorkerSlot[] = [];
  private readonly queue: { run: RunState; chunk: number }[] = [];
  private readonly runs = new Map<number, RunState>();
  private nextRun = 1;
  private broken: Error | null = null;
  private closed = false;
  private mainBusy = false;
  /** Callers waiting in started(): the workers keep the process alive meanwhile. */
  private waiting = 0;

  constructor(threads: number, options: { preload?: readonly string[] } = {}) {
    if (!Number.isInteger(threads) || threads < 1 || threads > MAX_THREADS) throw new RangeError(`WorkerPool: threads must be a whole number from 1 to ${MAX_THREADS}, got ${threads}`);
    this.threads = threads;
    for (let t = 1; t < threads; t++) this.slots.push(this.startWorker(options.preload ?? []));
    this.updateRefs();
  }

  /**
   * Runs chunks 0 … chunkCount − 1 of `task` on `input`; resolves with their results in
   * chunk order. `input` must not change until the run is over.
   */
  run<I, R>(task: Task<I, R>, input: I, chunkCount: number, options: RunOptions): Promise<R[]> {
    if (!Number.isInteger(chunkCount) || chunkCount < 0) return Promise.reject(new RangeError(`WorkerPool.run: chunkCount must be a whole number ≥ 0, got ${chunkCount}`));
    if (this.closed) return Promise.reject(new Error('WorkerPool.run: the pool is closed'));
    if (this.broken) return Promise.reject(this.broken);
    const units = options.units ?? (() => 1);
    let total = 0;
    for (let c = 0; c < chunkCount; c++) total += units(c);
    return new Promise<R[]>((resolve, reject) => {
      if (chunkCount === 0) {
        resolve([]);
        return;
      }
      const run: RunState = {
        id: this.nextRun++,
        task: task as AnyTask,
        input,
        workerInput: null,
        results: new Array<unknown>(chunkCount),
        remaining: chunkCount,
        done: 0,
        total,
        options,
        sentTo: new Set(),
        resolve: resolve as (results: unknown[]) => void,
        reject,
        finished: false,
      };
      this.runs.set(run.id, run);
      for (let c = 0; c < chunkCount; c++) this.queue.push({ run, chunk: c });
      this.updateRefs();
      this.dispatch();
      if (!this.mainBusy) void this.mainLoop();
    });
  }

  /** Resolves when every worker has started (chunks run on the calling thread meanwhile; tests wait for this). */
  async started(): Promise<void> {
    this.waiting++;
    this.updateRefs();
    try {
      await Promise.all(
        this.slots.map(
          (s) =>
            s.ready ||
            new Promise<void>((resolve, reject) => {
              const onMessage = (m: FromWorker) => {
                if (m.type !== 'ready') return;
                s.worker.off('message', onMessage);
                resolve();
              };
              s.worker.on('message', onMessage);
              s.worker.once('error', reject);
            }),
        ),
      );
    } finally {
      this.waiting--;
      this.updateRefs();
    }
  }

  /** Terminates the workers; pending runs are rejected. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.failAll(new Error('WorkerPool: closed while a run was under way'));
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  /** The calling thread's share: it takes the next queued chunk whenever the workers have theirs. */
  private async mainLoop(): Promise<void> {
    this.mainBusy = true;
    try {
      for (;;) {
        const item = this.next();
        if (!item) return;
        const { run, chunk } = item;
        let value: unknown;
        try {
          value = run.task.run(run.input, chunk);
        } catch (err) {
          if (!run.finished) {
            this.finish(run);
            run.reject(err instanceof Error ? err : new Error(String(err)));
          }
          continue;
        } finally {
          // let worker messages, timers and I/O (a progress display) take turns between chunks
          await new Promise<void>((r) => setImmediate(r));
        }
        this.complete(run, chunk, value);
        this.dispatch();
      }
    } finally {
      this.mainBusy = false;
    }
  }

  /** The next chunk of a run still under way, or undefined. */
  private next(): { run: RunState; chunk: number } | undefined {
    let item = this.queue.shift();
    while (item && item.run.finished) item = this.queue.shift();
    return item;
  }

  private startWorker(preload: readonly string[]): WorkerSlot {
    const worker = new Worker(WORKER_ENTRY, { workerData: { typescript: WORKER_MAIN.endsWith('.ts'), main: WORKER_MAIN }, execArgv: [] });
    const slot: WorkerSlot = { worker, pending: 0, ready: false };
    worker.on('message', (message: FromWorker) => this.onMessage(slot, message));
    worker.on('error', (err) => this.fail(err instanceof Error ? err : new Error(String(err))));
    worker.on('exit', (code) => {
      if (!this.closed) this.fail(new Error(`WorkerPool: a worker exited unexpectedly (code ${code})`));
    });
    if (preload.length > 0) this.post(slot, { type: 'preload', modules: [...preload] });
    return slot;
  }

  private post(slot: WorkerSlot, message: ToWorker): void {
    slot.worker.postMessage(message);
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      while (slot.ready && slot.pending < AHEAD) {
        const item = this.next();
        if (!item) return;
        const { run, chunk } = item;
        if (!run.sentTo.has(slot)) {
          run.workerInput ??= shareTypedArrays(run.input);
          this.post(slot, { type: 'input', run: run.id, module: run.task.module, name: run.task.name, input: run.workerInput });
          run.sentTo.add(slot);
        }
        slot.pending++;
        this.post(slot, { type: 'chunk', run: run.id, chunk });
      }
    }
  }

  private onMessage(slot: WorkerSlot, message: FromWorker): void {
    if (message.type === 'ready') {
      slot.ready = true;
      this.dispatch();
      return;
    }
    slot.pending--;
    const run = this.runs.get(message.run);
    if (run && !run.finished) {
      if (message.type === 'error') {
        this.finish(run);
        run.reject(rebuildError(message.error));
      } else this.complete(run, message.chunk, message.value);
    }
    this.dispatch();
  }

  private complete(run: RunState, chunk: number, value: unknown): void {
    if (run.finished) return;
    run.results[chunk] = value;
    run.remaining--;
    run.done += run.options.units ? run.options.units(chunk) : 1;
    run.options.progress?.(run.options.label, run.done, run.total);
    if (run.remaining === 0) {
      this.finish(run);
      run.resolve(run.results);
    }
  }

  private finish(run: RunState): void {
    run.finished = true;
    this.runs.delete(run.id);
    for (const slot of run.sentTo) this.post(slot, { type: 'drop', run: run.id });
    this.updateRefs();
  }

  /** A worker died: every pending run fails with its error, and so does every later one. */
  private fail(err: Error): void {
    if (this.broken) return;
    this.broken = err;
    this.failAll(err);
    for (const s of this.slots) void s.worker.terminate();
  }

  private failAll(err: Error): void {
    for (const run of [...this.runs.values()]) {
      this.finish(run);
      run.reject(err);
    }
    this.queue.length = 0;
  }

  /** Workers keep the process alive only while a run is under way. */
  private updateRefs(): void {
    const active = this.runs.size > 0 || this.waiting > 0;
    for (const s of this.slots) {
      if (active) s.worker.ref();
      else s.worker.unref();
    }
  }
}

/**
 * Runs chunks 0 … chunkCount − 1 of `task` on `input` with `threads` threads (a pool started
 * and closed for this run) and returns their results in chunk order. For several runs in a
 * row, keep one WorkerPool instead: starting a worker costs a few hundred milliseconds.
 */
export async function runChunks<I, R>(task: Task<I, R>, input: I, chunkCount: number, options: RunChunksOptions): Promise<R[]> {
  const pool = new WorkerPool(Math.min(options.threads, Math.max(1, chunkCount)));
  try {
    return await pool.run(task, input, chunkCount, options);
  } finally {
    await pool.close();
  }
}
