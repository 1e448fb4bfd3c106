/**
 * The machine and software a bench ran on, for the head of results.md.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem } from 'node:os';

export interface MachineInfo {
  cpu: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
  /** ips-rct's version from package.json. */
  tool: string;
  /** Short commit and whether the working tree had changes; null outside a git checkout. */
  commit: string | null;
  /** One-minute load average when the bench started and when it ended. */
  loadStart: number;
  loadEnd: number | null;
}

/** CPU model from /proc/cpuinfo (os.cpus() can report a generic name), else os.cpus(). */
function cpuModel(): string {
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8').split('\n').find((l) => /^model name\s*:/.test(l));
    if (line) return line.replace(/^model name\s*:\s*/, '').trim();
  } catch {
    // Not Linux.
  }
  return cpus()[0]?.model.trim() ?? 'unknown';
}

function gitCommit(root: string): string | null {
  const head = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' });
  if (head.status !== 0) return null;
  const status = spawnSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: root, encoding: 'utf8' });
  const dirty = status.status === 0 && status.stdout.trim() !== '';
  return `${head.stdout.trim()}${dirty ? ' (with uncommitted changes)' : ''}`;
}

/** Collects the machine facts; `root` is the repository (for package.json and git). */
export function machineInfo(root: string): MachineInfo {
  const pkg = JSON.parse(readFileSync(`${root}/package.json`, 'utf8')) as { version?: string };
  return {
    cpu: cpuModel(),
    cores: cpus().length,
    memoryGiB: totalmem() / 1024 ** 3,
    os: `${process.platform} ${release()}`,
    node: process.version,
    tool: pkg.version ?? 'unknown',
    commit: gitCommit(root),
    loadStart: loadavg()[0]!,
    loadEnd: null,
  };
}
