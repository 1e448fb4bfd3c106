/**
 * Typed columns: growing columns across block boundaries, and the row order by group then
 * time computed on indices, checked against a plain sort of row objects.
 */
import { describe, expect, it } from 'vitest';
import { float64Column, gather, int32Column, orderByGroupThenTime, uint8Column } from '../../src/io/typed-columns.ts';

describe('column builders', () => {
  it('keep every value across block boundaries, in order, in an array of exactly their length', () => {
    const ints = int32Column();
    const bytes = uint8Column();
    const doubles = float64Column();
    const n = 200_003;
    for (let i = 0; i < n; i++) {
      ints.push(i - 5);
      bytes.push(i % 2);
      doubles.push(i % 7 === 0 ? Number.NaN : i / 4);
    }
    const a = ints.values();
    const b = bytes.values();
    const d = doubles.values();
    expect([a.length, b.length, d.length, ints.length]).toEqual([n, n, n, n]);
    expect([a[0], a[65_535], a[65_536], a[n - 1]]).toEqual([-5, 65_530, 65_531, n - 6]);
    expect([b[65_536], b[65_537], b[n - 1]]).toEqual([0, 1, 0]);
    expect(d[7]).toBeNaN();
    expect(d[n - 1]).toBe((n - 1) / 4);
    expect(int32Column().values()).toEqual(new Int32Array(0));
  });
});

describe('orderByGroupThenTime', () => {
  /** A seeded generator (mulberry32). */
  const rng = (seed: number) => () => {
    seed = (seed + 0x6d2b79f5) >>> 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };

  it('sorts by group, then time, ties in input order, as a stable sort of row objects does', () => {
    const next = rng(3);
    for (let trial = 0; trial < 50; trial++) {
      const n = Math.floor(next() * 300);
      const groups = 1 + Math.floor(next() * 20);
      const group = Int32Array.from({ length: n }, () => Math.floor(next() * groups));
      const time = Int32Array.from({ length: n }, () => Math.floor(next() * 6));
      const expected = Array.from({ length: n }, (_, r) => ({ r, g: group[r]!, t: time[r]! }))
        .sort((a, b) => a.g - b.g || a.t - b.t)
        .map((x) => x.r);
      expect(Array.from(orderByGroupThenTime(group, groups, time))).toEqual(expected);
    }
  });

  it('leaves rows already in order where they are', () => {
    const group = Int32Array.from([0, 0, 1, 1, 1, 3]);
    const time = Int32Array.from([0, 6, 0, 6, 12, 0]);
    expect(Array.from(orderByGroupThenTime(group, 4, time))).toEqual([0, 1, 2, 3, 4, 5]);
  });
});

describe('gather', () => {
  it('reorders into the kind asked for, and hands back an array of that kind when nothing moves', () => {
    const order = Int32Array.from([2, 0, 1]);
    expect(Array.from(gather(Float64Array.from([1.5, 2.5, 3.5]), order, Float64Array))).toEqual([3.5, 1.5, 2.5]);
    const months = Int32Array.from([0, 6, 12]);
    const same = gather(months, Int32Array.from([0, 1, 2]), Int32Array);
    expect(same).toBe(months);
    const narrowed = gather(months, Int32Array.from([0, 1, 2]), Int16Array);
    expect(narrowed).toBeInstanceOf(Int16Array);
    expect(Array.from(narrowed)).toEqual([0, 6, 12]);
  });
});
