/** Which stages a command selects: `run` with --only or --from, or one stage's subcommand. */
import { UsageError } from '../src/io/errors.ts';
import type { Stage } from './stage.ts';
import { STAGES } from './stages/index.ts';

export interface Selection {
  /** Stage names in pipeline order. */
  names: string[];
  /** How the selection was given, for messages: "--only", "--from" or "run". */
  how: string;
}

/**
 * The stages `run` selects: all; those named by --only (repeatable, each value may be a
 * comma-separated list); or --from's stage and every later one. A UsageError names the
 * valid stages when a name is unknown.
 * @example selectStages({ from: 'cost-benefit' }).names // ['cost-benefit', 'report']
 */
export function selectStages(opts: { only?: readonly string[]; from?: string }, stages: readonly Stage[] = STAGES): Selection {
  const valid = stages.map((s) => s.name);
  const check = (option: string, name: string) => {
    if (!valid.includes(name)) throw new UsageError(`${option} ${JSON.stringify(name)}: no such stage (the stages are ${valid.join(', ')})`);
    return name;
  };
  if (opts.only !== undefined && opts.from !== undefined) throw new UsageError('--only and --from cannot be combined: --only runs just the stages named, --from a stage and all after it');
  if (opts.only !== undefined) {
    const named = opts.only.flatMap((v) => String(v).split(',')).map((n) => n.trim());
    if (named.length === 0 || named.some((n) => n === '')) throw new UsageError(`--only needs stage names (the stages are ${valid.join(', ')})`);
    for (const n of named) check('--only', n);
    return { names: valid.filter((n) => named.includes(n)), how: '--only' };
  }
  if (opts.from !== undefined) {
    const first = valid.indexOf(check('--from', opts.from));
    return { names: valid.slice(first), how: '--from' };
  }
  return { names: valid, how: 'run' };
}
