/** Measuring a child process (bench/measure.ts): GNU time's output, and real peaks from both sources. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { gnuTimeWorks, measure, parsePeakKiB } from '../../bench/measure.ts';

describe('parsePeakKiB', () => {
  it('reads the %M line, also after GNU time\'s exit-status line', () => {
    expect(parsePeakKiB('163840\n')).toBe(163840);
    expect(parsePeakKiB('Command exited with non-zero status 3\n201344\n')).toBe(201344);
    expect(parsePeakKiB('Command terminated by signal 15\n99\n')).toBe(99);
    expect(parsePeakKiB('')).toBeNull();
    expect(parsePeakKiB('Command terminated by signal 9\n')).toBeNull();
  });
});

describe('measure', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'ips-rct-bench-test-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));
  // Holds about 300 MiB resident, well above Node's own ~40 MiB.
  const allocate = { file: process.execPath, args: ['-e', 'const b = Buffer.alloc(300 * 1024 * 1024, 1); console.log(b[5]); process.exitCode = 3'], node: true };

  it('reports the peak from the child\'s own resource usage, its exit code and stdout', async () => {
    const m = await measure(allocate, { cwd: scratch, scratch, peak: 'resource-usage' });
    expect(m.exitCode).toBe(3);
    expect(m.stdout.trim()).toBe('1');
    expect(m.peakMiB!).toBeGreaterThan(300);
    expect(m.peakMiB!).toBeLessThan(600);
    expect(m.wallMs).toBeGreaterThan(0);
  });

  it.runIf(gnuTimeWorks(scratch))('reports the same peak through /usr/bin/time', async () => {
    const m = await measure(allocate, { cwd: scratch, scratch, peak: 'time' });
    expect(m.exitCode).toBe(3);
    expect(m.peakMiB!).toBeGreaterThan(300);
    expect(m.peakMiB!).toBeLessThan(600);
  });

  it('measures no peak of a non-Node process without GNU time, and passes stderr lines on', async () => {
    const lines: string[] = [];
    const m = await measure({ file: '/bin/sh', args: ['-c', 'echo one >&2; echo two >&2'], node: false }, { cwd: scratch, scratch, peak: 'resource-usage', onStderrLine: (l) => lines.push(l) });
    expect(m.peakMiB).toBeNull();
    expect(lines).toEqual(['one', 'two']);
    expect(m.stderrTail).toBe('one\ntwo\n');
  });
});
