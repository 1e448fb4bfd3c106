/**
 * The message loop of a pool worker (started by worker-entry.mjs, driven by pool.ts): it
 * receives a run's input once, then chunk numbers, and answers each chunk with the task's
 * result or the error it threw. One chunk at a time: the pool sends the next only after
 * the answer.
 */
import { parentPort } from 'node:worker_threads';
import type { FromWorker, ToWorker } from './messages.ts';

type ChunkFunction = (input: unknown, chunk: number) => unknown;

const port = parentPort;
if (!port) throw new Error('src/parallel/worker.ts runs only as a worker thread');

const runs = new Map<number, { fn: Promise<ChunkFunction>; input: unknown }>();

async function load(module: string, name: string): Promise<ChunkFunction> {
  const exports = (await import(module)) as Record<string, unknown>;
  const fn = exports[name];
  if (typeof fn !== 'function') throw new Error(`worker: ${module} exports no function ${name}`);
  return fn as ChunkFunction;
}

function describe(err: unknown): { name: string; message: string; stack?: string } {
  if (err instanceof Error) return { name: err.name, message: err.message, stack: err.stack };
  return { name: 'Error', message: String(err) };
}

function send(message: FromWorker): void {
  port!.postMessage(message);
}

port.on('message', (message: ToWorker) => {
  switch (message.type) {
    case 'preload':
      // warm the module cache while the main thread prepares; a failure shows on first use
      for (const module of message.modules) import(module).catch(() => undefined);
      break;
    case 'input': {
      const fn = load(message.module, message.name);
      fn.catch(() => undefined); // reported per chunk
      runs.set(message.run, { fn, input: message.input });
      break;
    }
    case 'chunk': {
      const run = runs.get(message.run);
      if (!run) {
        send({ type: 'error', run: message.run, chunk: message.chunk, error: { name: 'Error', message: 'worker: chunk of an unknown run' } });
        break;
      }
      run.fn
        .then((fn) => send({ type: 'result', run: message.run, chunk: message.chunk, value: fn(run.input, message.chunk) }))
        .catch((err: unknown) => send({ type: 'error', run: message.run, chunk: message.chunk, error: describe(err) }));
      break;
    }
    case 'drop':
      runs.delete(message.run);
      break;
  }
});
send({ type: 'ready' });
