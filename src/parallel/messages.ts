/** The messages between the pool (pool.ts) and its workers (worker.ts). */

/** Main thread → worker. */
export type ToWorker =
  /** Import these modules now, so the first chunk does not wait for them. */
  | { type: 'preload'; modules: string[] }
  /** A run's task (module URL and export name) and its input, sent once per worker that gets a chunk of it. */
  | { type: 'input'; run: number; module: string; name: string; input: unknown }
  /** Compute chunk `chunk` of run `run`. */
  | { type: 'chunk'; run: number; chunk: number }
  /** The run is over: forget its input. */
  | { type: 'drop'; run: number };

/** Worker → main thread: a chunk's result, or what it threw. */
export type FromWorker =
  /** The worker has started and takes chunks. */
  | { type: 'ready' }
  | { type: 'result'; run: number; chunk: number; value: unknown }
  | { type: 'error'; run: number; chunk: number; error: { name: string; message: string; stack?: string } };
