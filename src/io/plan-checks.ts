/**
 * Small checks shared by the plan's validators: each returns whether a JSON value has the
 * shape a plan field needs. The validators collect every failure through `Add`.
 */

/** Records a violation of `rule` at plan field `field`, with what was found. */
export type Add = (field: string, rule: string, found: unknown) => void;
/** Records every key of `obj` (at path `at`) that is not in `known`, as a likely misspelling. */
export type UnknownKeys = (obj: Record<string, unknown>, at: string, known: string[]) => void;

/** A JSON object (not null, not an array). */
export function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** A number that is not NaN or ±Infinity. */
export function isFiniteNumber(x: unknown): x is number {
  return typeof x === 'number' && Number.isFinite(x);
}

/** A whole number of at least `min`. */
export function isInt(x: unknown, min: number): x is number {
  return Number.isInteger(x) && (x as number) >= min;
}

/** An array of whole numbers, each at least `min`. */
export function isIntArray(x: unknown, min: number): x is number[] {
  return Array.isArray(x) && x.every((e) => isInt(e, min));
}

/** Each element larger than the one before. */
export function isStrictlyIncreasing(xs: number[]): boolean {
  return xs.every((x, i) => i === 0 || x > xs[i - 1]!);
}
