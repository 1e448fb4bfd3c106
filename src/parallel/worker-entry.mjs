// Entry point of a pool worker (see pool.ts). Plain JavaScript because it runs before any
// TypeScript loader: on Node 20, tsx's --import hooks are not active in worker threads, so
// when the sources are TypeScript the worker registers tsx itself, then loads the message
// loop (worker.ts) and the task modules through it.
import { workerData } from 'node:worker_threads';

if (workerData.typescript) {
  const { register } = await import('tsx/esm/api');
  register();
}
await import(workerData.main);
