/**
 * One error type per failure class, each with the process exit code the CLI uses.
 * 0 success, 1 data or plan break the contract, 2 wrong usage, 3 internal error.
 */

/** One broken rule, located so a person can fix it. Never holds a participant identifier. */
export interface Violation {
  file: string;
  /** Spreadsheet row number (the header is row 1), or null for file- or plan-level rules. */
  row: number | null;
  /** Column name, or plan field path; null when the rule concerns the whole row or file. */
  column: string | null;
  rule: string;
  /** What was found, already made safe to print. */
  found: string;
}

export const EXIT = { ok: 0, contract: 1, usage: 2, internal: 3 } as const;

/** The data or the plan break the contract (exit 1). */
export class ContractError extends Error {
  readonly exitCode = EXIT.contract;
  constructor(
    readonly violations: Violation[],
    /** All violations found, including those beyond the reporting cap. */
    readonly total: number = violations.length,
  ) {
    super(`${total} contract violation${total === 1 ? '' : 's'}`);
    this.name = 'ContractError';
  }
}

/** The command was used wrongly: bad option, missing upstream artifact (exit 2). */
export class UsageError extends Error {
  readonly exitCode = EXIT.usage;
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/**
 * The arms are not what the allocation list says: a participant's arm differs from the
 * list, a number is reused or skipped, or the list is not the one committed to (exit 1,
 * like a contract breach: the delivery must be fixed or explained). `problems` are lines
 * that name sites and allocation numbers, never participants.
 */
export class VerificationError extends Error {
  readonly exitCode = EXIT.contract;
  constructor(
    readonly problems: string[],
    readonly total: number,
  ) {
    super(`allocation verification failed (${total} problem${total === 1 ? '' : 's'})`);
    this.name = 'VerificationError';
  }
}

/** Formats one violation as a single line: `file row N, column C: rule (found: …)`. */
export function formatViolation(v: Violation): string {
  const where = [v.file, v.row === null ? null : `row ${v.row}`, v.column === null ? null : `column ${v.column}`]
    .filter((x) => x !== null)
    .join(', ');
  return `${where}: ${v.rule} (found: ${v.found})`;
}

/** The exit code an error maps to: its own, or 3 for anything unexpected. */
export function exitCodeOf(err: unknown): number {
  if (err instanceof ContractError || err instanceof UsageError || err instanceof VerificationError) return err.exitCode;
  return EXIT.internal;
}
