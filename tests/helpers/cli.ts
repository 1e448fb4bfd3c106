/** Running the real CLI in a child process, as a user would. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const SAMPLE = join(ROOT, 'data-samples');

/** Runs `ips-rct args…` through bin/ips-rct.js, with `env` added to the environment; returns exit code and output. */
export function cli(args: string[], cwd = ROOT, env: Record<string, string> = {}): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/ips-rct.js'), ...args], { cwd, encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/**
 * A fresh temporary folder inside the run's scratch root (tests/global-setup.ts), which is
 * removed when the test run ends, so test runs do not fill the machine's /tmp.
 */
export function tempDir(prefix = 'ips-rct-'): string {
  return mkdtempSync(join(process.env.IPS_RCT_TEST_TMP ?? tmpdir(), prefix));
}

/**
 * A copy of the shipped sample in a temporary folder, to break on purpose. Its plan asks
 * for few resamples, redraws and imputations (200, 500 and 5), so the many CLI runs of the suite stay
 * quick; runs on the shipped sample itself use the plan's full counts.
 */
export function sampleCopy(): string {
  const dir = tempDir('ips-rct-data-');
  cpSync(SAMPLE, dir, { recursive: true });
  const planPath = join(dir, 'analysis-plan.json');
  const plan = JSON.parse(readFileSync(planPath, 'utf8'));
  writeFileSync(planPath, JSON.stringify({ ...plan, bootstrap_resamples: 200, permutations: 500, imputations: 5 }, null, 2));
  return dir;
}

/** Every file below `dir` (relative paths, sorted) with its bytes. */
export function filesBelow(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.set(relative(dir, p), readFileSync(p));
    }
  };
  walk(dir);
  return out;
}
