/**
 * The verify stage's findings in English lines for the console and for error messages
 * (the report words them per language). Locations are sites and allocation numbers only.
 */
import type { AllocationProblem, AllocationVerification } from './allocation-check.ts';
import type { RandomizationResult } from './verify.ts';

const BLOCK_REASON = {
  size: "its size is not one of the plan's block sizes",
  length: 'it holds a different number of slots than its size',
  ratio: "its arms are not in the plan's ratio",
  numbering: 'block numbers do not run 1, 2, 3 … in allocation order',
} as const;

/** One allocation problem as a line a person can act on. */
export function describeProblem(p: AllocationProblem): string {
  switch (p.kind) {
    case 'arm_mismatch':
      return `${p.site}, allocation ${p.allocation_no}: recorded arm ${p.recorded}, the allocation list says ${p.listed}`;
    case 'reused':
      return `${p.site}, allocation ${p.allocation_no}: used by ${p.times} participants`;
    case 'gap':
      return `${p.site}, allocation ${p.allocation_no}: skipped (no participant has it, but later numbers are used)`;
    case 'not_in_list':
      return `${p.site}, allocation ${p.allocation_no}: not in the allocation list`;
    case 'no_allocation_no':
      return `${p.site}: ${p.count} participant(s) have no allocation_no, so their arm cannot be checked`;
    case 'commitment_mismatch':
      return `the allocation list's SHA-256 is ${p.actual}, not the published ${p.expected}: the list is not the one committed to (a file re-saved in a spreadsheet also changes; check the original)`;
    case 'list_missing':
      return 'the plan names a published hash or seed for the allocation list, but no list was supplied (and the plan lists no strata to regenerate it from)';
    case 'bad_block':
      return `${p.site}, block ${p.block_no}: does not follow the design (${BLOCK_REASON[p.reason]})`;
    case 'differs_from_seed':
      return p.listed === p.regenerated
        ? `${p.site}, allocation ${p.allocation_no}: the block columns differ from the list regenerated from the seed`
        : `${p.site}, allocation ${p.allocation_no}: the list says ${p.listed ?? 'nothing'}, the list regenerated from the seed says ${p.regenerated ?? 'nothing'}`;
  }
}

/** The verification outcome and the allocation-ratio test in a few lines. */
export function describeRandomization(r: RandomizationResult): string[] {
  const v = r.verification;
  const t = r.ratio_test;
  const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
  return [
    `  allocation: ${statusLine(v)}`,
    `  allocation ratio: ${t.count} of ${t.n} in ${t.arm} (${pct(t.observed_fraction)}; plan expects ${pct(t.expected_fraction)}), exact binomial p = ${t.p.toPrecision(3)}`,
  ];
}

function statusLine(v: AllocationVerification): string {
  if (v.status === 'no_list') return 'no allocation list supplied; arms not checked against one';
  const extras = [
    v.commitment ? `published hash ${v.commitment.matches ? 'matches' : 'DOES NOT match'}` : null,
    v.regenerated_from_seed ? `list ${v.regenerated_from_seed.matches ? 'matches' : 'DOES NOT match'} its seed` : null,
  ].filter((x) => x !== null);
  if (v.list === null) return `${v.problems_total} problem(s): no allocation list to check against`;
  const head = v.status === 'verified' ? 'verified against' : `${v.problems_total} problem(s) against`;
  const what = v.list.source === 'seed' ? `${v.list.file} regenerated from the plan's seed` : v.list.file;
  return `${head} ${what} (${v.list.slots} slots${extras.length ? `; ${extras.join('; ')}` : ''})`;
}
