/**
 * Cell parsers for the data contract. Each takes the trimmed cell text and returns the
 * typed value or the rule it broke; they never throw. An empty cell is handled by the
 * column spec (missing allowed or not) before a parser sees it.
 */
import { message } from './messages.ts';

export type Parsed<T> = { ok: true; value: T } | { ok: false; rule: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = (rule: string): Parsed<never> => ({ ok: false, rule });

const INTEGER = /^[+-]?\d+$/;
const DECIMAL_POINT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const DECIMAL_COMMA = /^[+-]?(\d+,?\d*|,\d+)$/;

/**
 * Parses a number written with a decimal point, or with a decimal comma when the file's
 * delimiter is not a comma. `usedComma` tells the caller which it was.
 */
export function parseNumber(s: string, allowComma: boolean): { value: number; usedComma: boolean } | null {
  if (DECIMAL_POINT.test(s)) return { value: Number(s), usedComma: false };
  if (allowComma && DECIMAL_COMMA.test(s) && s.includes(',')) return { value: Number(s.replace(',', '.')), usedComma: true };
  return null;
}

/** A whole number in [min, max]. "3.0" is not accepted: the contract says integer. */
export function parseInteger(s: string, min: number, max = Number.MAX_SAFE_INTEGER): Parsed<number> {
  if (!INTEGER.test(s)) return fail(max === Number.MAX_SAFE_INTEGER ? message.integerAtLeast(min) : message.integerIn(min, max));
  const v = Number(s);
  if (v < min || v > max) return fail(max === Number.MAX_SAFE_INTEGER ? message.integerAtLeast(min) : message.integerIn(min, max));
  return ok(v);
}

/** 0 or 1. */
export function parseBinary(s: string): Parsed<0 | 1> {
  return s === '0' ? ok(0) : s === '1' ? ok(1) : fail(message.binary);
}

/** One of the allowed labels, matched exactly (case matters: labels are codes). */
export function parseLevel<T extends string>(s: string, levels: readonly T[]): Parsed<T> {
  return (levels as readonly string[]).includes(s) ? ok(s as T) : fail(message.oneOf(levels));
}

/** A short label (a site name): at most `max` characters, no line breaks or control characters. */
export function parseLabel(s: string, max = 100): Parsed<string> {
  // NFC, so "Østfold" typed on one system matches the same name saved decomposed on another.
  return s.length <= max && !/\p{Cc}/u.test(s) ? ok(s.normalize('NFC')) : fail(message.label(max));
}

/** A real calendar date written YYYY-MM-DD (so 2014-02-30 is refused). */
export function parseDate(s: string): Parsed<string> {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return fail(message.date);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  const valid = date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
  return valid ? ok(s) : fail(message.date);
}
