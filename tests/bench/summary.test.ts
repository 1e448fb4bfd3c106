/** Medians and agreement (bench/summary.ts, bench/format-number.ts). */
import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../bench/format-number.ts';
import { agrees, median, medianByKey, medianSample } from '../../bench/summary.ts';

describe('median', () => {
  it('is the middle value, or the mean of the two middle ones', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
    expect(median([])).toBeNull();
  });
});

describe('medianSample', () => {
  it('takes wall and peak medians separately and skips unmeasured peaks', () => {
    expect(medianSample([{ wallMs: 10, peakMiB: 300 }, { wallMs: 30, peakMiB: null }, { wallMs: 20, peakMiB: 100 }])).toEqual({ wallMs: 20, peakMiB: 200 });
    expect(medianSample([{ wallMs: 5, peakMiB: null }])).toEqual({ wallMs: 5, peakMiB: null });
    expect(medianSample([])).toBeNull();
  });
});

describe('medianByKey', () => {
  it('takes each key over the records that have it, keys in first-seen order', () => {
    const m = medianByKey([{ b: 1, a: 10 }, { a: 30, c: 5 }, { a: 20, b: 3 }]);
    expect(Object.keys(m)).toEqual(['b', 'a', 'c']);
    expect(m).toEqual({ b: 2, a: 20, c: 5 });
  });
});

describe('agrees', () => {
  it('compares relative to the reference, at least absolutely near zero', () => {
    expect(agrees({ name: 'x', pipeline: 1.7629709790286026, reference: 1.762970979 })).toBe(true);
    expect(agrees({ name: 'x', pipeline: 1.7629, reference: 1.796 })).toBe(false);
    expect(agrees({ name: 'x', pipeline: 1e-9, reference: 0 })).toBe(true);
    expect(agrees({ name: 'x', pipeline: null, reference: 0 })).toBeNull();
  });
});

describe('formatNumber', () => {
  it('groups thousands and rounds', () => {
    expect(formatNumber(1234567.8)).toBe('1,234,568');
    expect(formatNumber(999.95, 1)).toBe('1,000.0');
    expect(formatNumber(-0.001, 2)).toBe('0.00');
    expect(formatNumber(-12345.5, 1)).toBe('-12,345.5');
    expect(formatNumber(410)).toBe('410');
  });
});
