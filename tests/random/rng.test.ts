/**
 * The seeded generator must give the same stream on every machine and every package
 * update, or a published seed stops reproducing its results.
 *
 * Reference values come from an independent Python implementation of xoroshiro128+
 * (Blackman & Vigna 2016: a=24, b=16, c=37, 64-bit state), seeded as pure-rand seeds it
 * (s0 = 0xFFFFFFFF:~seed, s1 = seed:0), taking the low 32 bits of each output, building
 * doubles as (x1 & (2^26−1))·2^−26 + (x2 & (2^27−1))·2^−53, after 16 warm-up draws:
 *
 *   M = (1 << 64) - 1; rotl = lambda x, k: ((x << k) | (x >> (64 - k))) & M
 *   s0 = (0xFFFFFFFF << 32) | (~seed & 0xFFFFFFFF); s1 = (seed & 0xFFFFFFFF) << 32
 *   next: r = (s0 + s1) & M; s1 ^= s0; s0 = rotl(s0, 24) ^ s1 ^ ((s1 << 16) & M);
 *         s1 = rotl(s1, 37); return r & 0xFFFFFFFF
 */
import { describe, expect, it } from 'vitest';
import { createRng, createRngFromKey, RNG_INFO } from '../../src/random/rng.ts';

describe('createRng', () => {
  it('matches the reference xoroshiro128+ stream (python, see header)', () => {
    const a = createRng(20130901);
    expect([a.uniform(), a.uniform(), a.uniform()]).toEqual([0.1485508997549646, 0.8696603299228154, 0.29720958760965865]);
    const b = createRng(42);
    expect([b.uniform(), b.uniform(), b.uniform()]).toEqual([0.9833900096740615, 0.9400218989723915, 0.8464599270526085]);
  });

  /*
   * createRngFromKey: the state is the first 16 bytes of SHA-256(key), i.e. pure-rand's
   * [s01, s00, s11, s10] as big-endian 32-bit words, which is s0 = bytes 0–7 and
   * s1 = bytes 8–15 read as big-endian 64-bit integers. Same stream construction as above:
   *
   *   import hashlib
   *   d = hashlib.sha256(key.encode('utf-8')).digest()
   *   s0 = int.from_bytes(d[0:8], 'big'); s1 = int.from_bytes(d[8:16], 'big')
   *   u = lambda: (next() & (2**26 - 1)) * 2.0**-26 + (next() & (2**27 - 1)) * 2.0**-53
   *   for _ in range(16): u()
   *   print([repr(u()) for _ in range(3)])
   */
  it('matches the reference stream for a text key (python, see comment)', () => {
    const a = createRngFromKey('ips-rct');
    expect([a.uniform(), a.uniform(), a.uniform()]).toEqual([0.5699795336003405, 0.21075453845095293, 0.8984802506539779]);
    // Allocation-list keys as generateAllocation builds them; Østfold checks the UTF-8 encoding.
    const b = createRngFromKey('ips-rct allocation v1\n20130901\nOslo');
    expect([b.uniform(), b.uniform(), b.uniform()]).toEqual([0.986593804821698, 0.9143532270029744, 0.5253509119380801]);
    const c = createRngFromKey('ips-rct allocation v1\n20130901\nØstfold');
    expect([c.uniform(), c.uniform(), c.uniform()]).toEqual([0.09838597143329209, 0.8895488319462626, 0.7684705898514758]);
  });

  it('names the generator it uses', () => {
    expect(RNG_INFO).toMatchObject({ package: 'pure-rand', generator: 'xoroshiro128plus', algorithm_version: 1 });
  });

  it('draws uniform, integer and normal values with the right moments (n = 100 000)', () => {
    const rng = createRng(7);
    const n = 100_000;
    let su = 0;
    let sn = 0;
    let sn2 = 0;
    const dice = new Array<number>(6).fill(0);
    for (let i = 0; i < n; i++) {
      su += rng.uniform();
      const z = rng.normal();
      sn += z;
      sn2 += z * z;
      dice[rng.int(1, 6) - 1]!++;
    }
    // Standard errors: uniform mean 0.0009, normal mean 0.0032, variance 0.0045, die share 0.0012.
    expect(su / n).toBeCloseTo(0.5, 2);
    expect(Math.abs(sn / n)).toBeLessThan(0.015);
    expect(Math.abs(sn2 / n - 1)).toBeLessThan(0.02);
    for (const d of dice) expect(Math.abs(d / n - 1 / 6)).toBeLessThan(0.006);
  });

  it('shuffles into a permutation without touching the input', () => {
    const xs = [1, 2, 3, 4, 5, 6, 7, 8];
    const s = createRng(3).shuffle(xs);
    expect([...s].sort()).toEqual(xs);
    expect(xs).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(createRng(3).shuffle(xs)).toEqual(s);
  });
});
