/** The bench's command line and its per-size defaults (bench/options.ts). */
import { describe, expect, it } from 'vitest';
import { BenchUsageError, DEFAULT_SIZES, parseBenchArgs, parseSize, sizeSettings } from '../../bench/options.ts';

describe('parseSize', () => {
  it('reads plain numbers, separators and k / M suffixes', () => {
    expect(parseSize('410')).toBe(410);
    expect(parseSize('100k')).toBe(100_000);
    expect(parseSize('1M')).toBe(1_000_000);
    expect(parseSize('1_000_000')).toBe(1_000_000);
    expect(parseSize(' 100,000 ')).toBe(100_000);
  });

  it('rejects what is not a trial size', () => {
    for (const bad of ['', 'abc', '1.5k', '-410', '9', '10x']) expect(() => parseSize(bad), bad).toThrow(BenchUsageError);
  });
});

describe('parseBenchArgs', () => {
  it('defaults to the three sizes of the issue, the R reference on, data removed', () => {
    const o = parseBenchArgs([], '/r.md');
    expect(o.sizes).toEqual([...DEFAULT_SIZES]);
    expect(o).toMatchObject({ reps: null, keep: false, resamples: null, results: '/r.md', reference: true, rscript: 'Rscript', verbose: false, peakSource: null });
  });

  it('reads every option', () => {
    const o = parseBenchArgs(['--sizes', '410,100k', '--reps', '2', '--keep', '--results', 'x.md', '--no-reference', '--rscript', '/opt/R', '--verbose', '--resamples', '20', '--peak-source', 'resource-usage'], '/r.md');
    expect(o).toMatchObject({ sizes: [410, 100_000], reps: 2, keep: true, results: 'x.md', reference: false, rscript: '/opt/R', verbose: true, resamples: 20, peakSource: 'resource-usage' });
  });

  it('rejects unknown options, bad counts and repeated sizes with a usage error', () => {
    expect(() => parseBenchArgs(['--size', '410'], '/r.md')).toThrow(BenchUsageError);
    expect(() => parseBenchArgs(['--reps', '0'], '/r.md')).toThrow(/--reps/);
    expect(() => parseBenchArgs(['--resamples', '2.5'], '/r.md')).toThrow(/--resamples/);
    expect(() => parseBenchArgs(['--sizes', '410,410'], '/r.md')).toThrow(/twice/);
    expect(() => parseBenchArgs(['--peak-source', 'ps'], '/r.md')).toThrow(/--peak-source/);
  });
});

describe('sizeSettings', () => {
  it('uses the issue\'s resample counts and fewer repetitions for larger trials', () => {
    const none = { reps: null, resamples: null };
    expect(sizeSettings(410, none)).toEqual({ participants: 410, resamples: 10_000, reps: 5, overridden: false });
    expect(sizeSettings(100_000, none)).toEqual({ participants: 100_000, resamples: 1_000, reps: 3, overridden: false });
    expect(sizeSettings(1_000_000, none)).toEqual({ participants: 1_000_000, resamples: 200, reps: 1, overridden: false });
  });

  it('marks a changed resample count as overridden, but not the same count', () => {
    expect(sizeSettings(100_000, { reps: 1, resamples: 20 })).toEqual({ participants: 100_000, resamples: 20, reps: 1, overridden: true });
    expect(sizeSettings(100_000, { reps: null, resamples: 1_000 }).overridden).toBe(false);
  });
});
