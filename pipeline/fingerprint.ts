/**
 * Fingerprints of a stage's inputs, and the decision whether its earlier outputs still
 * hold. As in R's targets, "why did it rerun?" is answered by small predicates, one per
 * reason, over a record of each input's fingerprint when the stage last succeeded.
 *
 * An input is a key and a value: `code`, `version`, `packages`, `node`, `file:<name>`,
 * `plan:<section>`, `upstream:<stage>`, `option:<label>` or `setting:<label>`. Values are
 * SHA-256 hex digests (code, files, plan sections, upstream stages) or the value itself
 * (versions, options), so a reason can say what an option changed from and to.
 */
import { sha256 } from '../src/io/hash.ts';

/** One fingerprint per input, by key. */
export type InputValues = Record<string, string | number | boolean | null>;

/** What the runner keeps of a stage that succeeded (artifacts/stages/<stage>.json). */
export interface StageRecord {
  record_version: typeof RECORD_VERSION;
  stage: string;
  /** SHA-256 of the canonical JSON of `inputs`: what downstream stages record of this one. */
  fingerprint: string;
  inputs: InputValues;
}

/** Raised when the record layout changes, so older records count as "no earlier run". */
export const RECORD_VERSION = 1;

/**
 * JSON with object keys sorted at every level (arrays keep their order), so equal values
 * give equal text however they were written.
 * @example canonicalJson({ b: 1, a: [2, { d: 3, c: 4 }] }) // '{"a":[2,{"c":4,"d":3}],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) out[key] = sortKeys((value as Record<string, unknown>)[key]);
    return out;
  }
  return value;
}

/** Hex SHA-256 of a value's canonical JSON (`undefined` hashes as null). */
export function hashValue(value: unknown): string {
  return sha256(canonicalJson(value ?? null));
}

/** A stage's fingerprint: the hash of all its inputs' fingerprints. */
export function fingerprintOf(inputs: InputValues): string {
  return hashValue(inputs);
}

/** A stage record for these inputs. */
export function recordOf(stage: string, inputs: InputValues): StageRecord {
  return { record_version: RECORD_VERSION, stage, fingerprint: fingerprintOf(inputs), inputs };
}

/** Whether a stage reruns, and why (one reason per changed input, or another cause). */
export type Decision = { run: false; reasons: [] } | { run: true; reasons: string[] };

export interface DecisionInput {
  /** The record of the stage's last success, or null. */
  record: StageRecord | null;
  /** Its inputs' fingerprints now. */
  inputs: InputValues;
  /** Expected outputs that are not in the run folder. */
  missingOutputs: readonly string[];
  /** A reason that forces a rerun (`--force`, `requested`), or null. */
  force: string | null;
}

/**
 * Whether a stage's earlier outputs can be reused: only when its record matches every
 * input now and all its outputs exist. The reasons, in order: the forcing reason; no (valid)
 * record; each changed input; else the missing outputs.
 * @example decide({ record: null, inputs: {}, missingOutputs: [], force: null }) // { run: true, reasons: ['no earlier run'] }
 */
export function decide({ record, inputs, missingOutputs, force }: DecisionInput): Decision {
  if (force !== null) return { run: true, reasons: [force] };
  if (record === null || record.record_version !== RECORD_VERSION) return { run: true, reasons: ['no earlier run'] };
  const changed = changedInputs(record.inputs, inputs);
  if (changed.length > 0) return { run: true, reasons: changed };
  if (missingOutputs.length > 0) return { run: true, reasons: missingOutputs.map((o) => `output ${o} missing`) };
  return { run: false, reasons: [] };
}

/**
 * One reason per input whose fingerprint differs between `before` and `now`, in the order
 * of `now`'s keys (inputs no longer declared come last). A changed plan file is named only
 * when no plan section changed (the sections say more).
 * @example changedInputs({ 'plan:costs': 'a' }, { 'plan:costs': 'b' }) // ['plan section "costs" changed']
 */
export function changedInputs(before: InputValues, now: InputValues): string[] {
  const keys = [...Object.keys(now), ...Object.keys(before).filter((k) => !(k in now))];
  const changed = keys.filter((k) => before[k] !== now[k]);
  const sectionChanged = changed.some((k) => k.startsWith('plan:'));
  return changed
    .filter((k) => !(sectionChanged && k === 'file:analysis-plan.json'))
    .map((k) => reasonFor(k, before[k], now[k]));
}

/** The reason text for one changed input. */
export function reasonFor(key: string, before: InputValues[string] | undefined, now: InputValues[string] | undefined): string {
  const colon = key.indexOf(':');
  const kind = colon < 0 ? key : key.slice(0, colon);
  const name = colon < 0 ? '' : key.slice(colon + 1);
  // Only a code change adds or drops inputs; an added one reads as changed from nothing.
  if (now === undefined) return `input ${key} no longer used`;
  const fromTo = `(${show(before ?? null)} → ${show(now)})`;
  switch (kind) {
    case 'code':
      return 'code changed';
    case 'version':
      return `ips-rct version changed ${fromTo}`;
    case 'packages':
      return 'package versions changed';
    case 'node':
      return `Node version changed ${fromTo}`;
    case 'file':
      return now === MISSING ? `${name} missing` : `${name} changed`;
    case 'plan':
      return `plan section "${name}" changed`;
    case 'upstream':
      return `upstream "${name}" reran`;
    case 'option':
      return `option ${name} changed ${fromTo}`;
    case 'setting':
      return `${name} changed ${fromTo}`;
    default:
      return `${key} changed`;
  }
}

/** The fingerprint of a file that is not there. */
export const MISSING = 'missing';

function show(v: InputValues[string]): string {
  return v === null ? 'none' : String(v);
}
