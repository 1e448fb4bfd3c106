/**
 * The one seeded random generator every random step uses. Named and versioned so that a
 * result can be tied to the exact algorithm that produced it: a package update that
 * changed the stream for a seed would change ALGORITHM_VERSION's meaning, and tests pin
 * the first draws for a seed to catch that.
 */
import { createHash } from 'node:crypto';
import { xoroshiro128plus, xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import pureRandPackage from 'pure-rand/package.json' with { type: 'json' };

/** Identifies the generator in manifests and outputs. */
export const RNG_INFO = {
  package: 'pure-rand',
  package_version: pureRandPackage.version as string,
  generator: 'xoroshiro128plus',
  /** Bumped whenever this module changes how draws are derived from the generator. */
  algorithm_version: 1,
} as const;

/** A seeded stream of random numbers. Not thread-safe; create one per independent task. */
export interface Rng {
  /** Uniform on [0, 1), 53 random bits. */
  uniform(): number;
  /** Uniform integer on [from, to], both included. */
  int(from: number, to: number): number;
  /** Standard normal draw (Box–Muller, the first of each pair). */
  normal(): number;
  /** Bernoulli draw: 1 with probability p. */
  bernoulli(p: number): 0 | 1;
  /** Fisher–Yates shuffle of a copy of xs. */
  shuffle<T>(xs: readonly T[]): T[];
  /**
   * Fills out[0 … count − 1] with uniform integers on [0, size − 1]: the very draws of
   * `count` calls of int(0, size − 1), in order, without a call per draw (bootstrap
   * resampling draws millions). size: 1 … 2³².
   */
  indices(out: Int32Array | Uint32Array, count: number, size: number): void;
}

const WARM_UP_DRAWS = 16;

/** Creates the seeded generator (seed: 32-bit unsigned integer). */
export function createRng(seed: number): Rng {
  return rngFrom(xoroshiro128plus(seed >>> 0));
}

/**
 * Creates the generator from a text key, using all 128 bits of xoroshiro's state: the
 * state is the first 16 bytes of SHA-256(key as UTF-8), as four big-endian 32-bit words
 * in pure-rand's state order. A 32-bit seed can be found by trying all four billion; a
 * long random key (for example 32 hex digits) cannot, which keeps an allocation list
 * unguessable from its published hash or from the first allocations seen.
 */
export function createRngFromKey(key: string): Rng {
  const digest = createHash('sha256').update(key, 'utf8').digest();
  const state: number[] = [0, 4, 8, 12].map((offset) => digest.readInt32BE(offset));
  // An all-zero state would repeat zeros forever; SHA-256 gives it with probability 2^-128.
  if (!state.some((w) => w !== 0)) state[3] = 1;
  return rngFrom(xoroshiro128plusFromState(state));
}

/** 2³², the number of values of one 32-bit output of the generator. */
const TWO_32 = 4294967296;

function rngFrom(g: ReturnType<typeof xoroshiro128plus>): Rng {
  const uniform = () => uniformFloat64(g);
  // xoroshiro's first outputs from a small seed are far from uniform (seed 42 starts at
  // 0.99999...), so the stream starts after a fixed warm-up.
  for (let i = 0; i < WARM_UP_DRAWS; i++) uniform();
  const int = (from: number, to: number) => uniformInt(g, from, to);
  return {
    uniform,
    int,
    normal() {
      // 1 - u keeps the logarithm's argument in (0, 1].
      const u1 = 1 - uniform();
      const u2 = uniform();
      return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    },
    bernoulli: (p) => (uniform() < p ? 1 : 0),
    shuffle<T>(xs: readonly T[]): T[] {
      const out = xs.slice();
      for (let i = out.length - 1; i > 0; i--) {
        const j = int(0, i);
        [out[i], out[j]] = [out[j]!, out[i]!];
      }
      return out;
    },
    indices(out, count, size) {
      if (!Number.isInteger(size) || size < 1 || size > TWO_32) throw new RangeError(`indices: size must be a whole number from 1 to 2^32, got ${size}`);
      if (!Number.isInteger(count) || count < 0 || count > out.length) throw new RangeError(`indices: count must be a whole number from 0 to ${out.length}, got ${count}`);
      // pure-rand's uniformInt(g, 0, size − 1) for a range of at most 2³² values, with its
      // rejection bound computed once: (next() + 2³¹) below the largest multiple of size
      // that fits in 2³², reduced modulo size.
      const limit = size > 2 ? Math.floor(TWO_32 / size) * size : TWO_32;
      const inverse = 1 / size;
      for (let m = 0; m < count; m++) {
        let v = g.next() + 2147483648;
        while (v >= limit) v = g.next() + 2147483648;
        // v mod size without a floating-point remainder (slow): the quotient from a
        // multiplication may be one off either way, which the two corrections undo exactly
        let r = v - Math.floor(v * inverse) * size;
        if (r < 0) r += size;
        else if (r >= size) r -= size;
        out[m] = r;
      }
    },
  };
}

/**
 * A 32-bit seed for stream `stream` of the seed `seed` (a murmur3 finalizer: integer
 * arithmetic only, so every platform derives the same seeds). Gives each random procedure
 * of an analysis (each bootstrap, each randomization test) its own stream from the plan's
 * one seed, so adding a procedure never changes another's draws.
 */
export function subSeed(seed: number, stream: number): number {
  let h = (seed ^ Math.imul(stream, 0x9e3779b9)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
