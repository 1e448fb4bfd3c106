/**
 * Runs one child process and measures its wall time (monotonic clock, from spawn to exit)
 * and its peak resident memory: from GNU time (`/usr/bin/time -f %M`, the kernel's maximum
 * RSS of the process) when it works here, else, for Node processes, from the child's own
 * `process.resourceUsage().maxRSS` written at exit by bench/peak-rss-hook.mjs.
 *
 * Each child gets its own process group, so that stopping the bench (Ctrl-C) can stop the
 * child and everything it started, by the group's id, and nothing else.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { PeakSource } from './options.ts';
import type { Sample } from './summary.ts';

export const GNU_TIME = '/usr/bin/time';
export const RSS_FILE_ENV = 'IPS_RCT_BENCH_RSS_FILE';
const HOOK = pathToFileURL(join(import.meta.dirname, 'peak-rss-hook.mjs')).href;

/**
 * Peak memory in KiB from what `/usr/bin/time -f %M -o FILE` wrote: the last line holding
 * only a number (GNU time puts "Command exited with non-zero status N" or
 * "Command terminated by signal N" before it). Null when there is none.
 */
export function parsePeakKiB(text: string): number | null {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
  for (let i = lines.length - 1; i >= 0; i--) if (/^\d+$/.test(lines[i]!)) return Number(lines[i]);
  return null;
}

/** KiB to MiB. */
export const kibToMiB = (kib: number): number => kib / 1024;

/** True when GNU time runs here and reports a peak memory. */
export function gnuTimeWorks(scratch: string): boolean {
  if (!existsSync(GNU_TIME)) return false;
  const out = join(scratch, 'time-probe.txt');
  const r = spawnSync(GNU_TIME, ['-f', '%M', '-o', out, process.execPath, '-e', '0'], { stdio: 'ignore' });
  const ok = r.status === 0 && existsSync(out) && (parsePeakKiB(readFileSync(out, 'utf8')) ?? 0) > 0;
  rmSync(out, { force: true });
  return ok;
}

export interface Command {
  /** Executable; for a Node child, process.execPath with `node: true`. */
  file: string;
  args: string[];
  /** A Node process: the resource-usage hook can measure its peak without GNU time. */
  node: boolean;
}

export interface Measured extends Sample {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  /** The last 64 KiB of stderr (for the error message when a step fails). */
  stderrTail: string;
}

const TAIL = 64 * 1024;

let peakFiles = 0;

/** The running child, so a signal handler can stop it. */
let current: ChildProcess | null = null;

/** Stops the running child's process group (SIGTERM), if any; resolves when it has exited. */
export async function stopCurrent(): Promise<void> {
  const child = current;
  if (!child || child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    return;
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }, 5_000);
  await exited;
  clearTimeout(timer);
}

/**
 * Runs `command` in `cwd`, measuring it with `peak` (null: wall time only). `onStderrLine`
 * sees the child's progress lines as they come. `scratch` is a folder for the peak file.
 */
export async function measure(
  command: Command,
  opts: { cwd: string; scratch: string; peak: PeakSource | null; onStderrLine?: (line: string) => void },
): Promise<Measured> {
  const peakFile = join(opts.scratch, `peak-${process.pid}-${++peakFiles}.txt`);
  rmSync(peakFile, { force: true });
  let file = command.file;
  let args = command.args;
  const env = { ...process.env };
  let peakSource = opts.peak;
  if (peakSource === 'time') {
    args = ['-f', '%M', '-o', peakFile, '--', file, ...args];
    file = GNU_TIME;
  } else if (peakSource === 'resource-usage') {
    if (command.node) {
      args = ['--import', HOOK, ...args];
      env[RSS_FILE_ENV] = peakFile;
    } else {
      peakSource = null;
    }
  }

  const start = performance.now();
  const child = spawn(file, args, { cwd: opts.cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  current = child;
  let stdout = '';
  let stderr = '';
  let partial = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-TAIL);
    if (!opts.onStderrLine) return;
    const lines = (partial + chunk).split('\n');
    partial = lines.pop()!;
    for (const line of lines) opts.onStderrLine(line);
  });
  const [exitCode, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, sig) => resolve([code, sig]));
  }).finally(() => {
    current = null;
  });
  const wallMs = performance.now() - start;
  if (partial !== '' && opts.onStderrLine) opts.onStderrLine(partial);

  let peakMiB: number | null = null;
  if (peakSource !== null && existsSync(peakFile)) {
    const kib = parsePeakKiB(readFileSync(peakFile, 'utf8'));
    peakMiB = kib === null ? null : kibToMiB(kib);
    rmSync(peakFile, { force: true });
  }
  return { wallMs, peakMiB, exitCode, signal, stdout, stderrTail: stderr };
}
