/**
 * Allocation verification: a clean trial verifies; each kind of tampering or slip is
 * found and located by site and allocation number, never by participant.
 */
import { describe, expect, it } from 'vitest';
import { checkAllocation, strataOfList, type AllocationCheckInput } from '../../src/design/allocation-check.ts';
import { allocationCsv, generateAllocation, parseAllocationList, type AllocationDesign } from '../../src/design/allocation.ts';
import { sha256 } from '../../src/io/hash.ts';
import { ViolationLog } from '../../src/io/table-check.ts';

const ARMS = ['IPS', 'TVR'];
const DESIGN: AllocationDesign = { method: 'permuted_blocks', arms: ARMS, ratio: [1, 1], blockSizes: [2, 4, 6] };
const STRATA = [
  { name: 'Oslo', slots: 20 },
  { name: 'Østfold', slots: 16 },
  { name: 'Agder', slots: 12 },
];
const SEED = 'a3f9c2e17b5d4c08a1e6f3b29d7c5e41';
const ENROLLED: Record<string, number> = { Oslo: 15, Østfold: 12, Agder: 9 };

const bytes = (text: string) => new TextEncoder().encode(text);

/** Participant table columns; the ids are recognisable so a leak would show. */
interface Trial {
  participant_id: string[];
  site: string[];
  arm: string[];
  allocation_no: (number | null)[];
}

/** A clean trial: the list, its published hash and participants enrolled in list order. */
function setup() {
  const slots = generateAllocation(DESIGN, STRATA, SEED);
  const text = allocationCsv(slots);
  const enrolled = slots.filter((s) => s.allocation_no <= ENROLLED[s.site]!);
  const participants: Trial = {
    participant_id: enrolled.map((_, i) => `SECRETID${String(i).padStart(4, '0')}`),
    site: enrolled.map((s) => s.site),
    arm: enrolled.map((s) => s.arm),
    allocation_no: enrolled.map((s) => s.allocation_no),
  };
  return { slots, text, participants, commitment: sha256(bytes(text)) };
}

/** The check with a (possibly edited) list text and participants, everything else as published. */
function check(participants: Trial, text: string, commitment: string, extra: Partial<AllocationCheckInput> = {}) {
  const log = new ViolationLog(10);
  const slots = parseAllocationList(bytes(text), 'allocation.csv', ARMS, log);
  expect(log.list).toEqual([]);
  return checkAllocation({
    participants,
    list: { slots: slots!, file: 'allocation.csv', bytes: bytes(text) },
    design: DESIGN,
    commitment,
    regenerate: { design: DESIGN, seed: SEED, strata: STRATA },
    ...extra,
  });
}

/** Index of the participant at (site, number). */
const at = (p: Trial, site: string, no: number) => p.site.findIndex((s, i) => s === site && p.allocation_no[i] === no);

describe('checkAllocation', () => {
  it('verifies a clean trial against its list, hash and seed', () => {
    const { text, participants, commitment, slots } = setup();
    const v = check(participants, text, commitment);
    expect(v).toEqual({
      status: 'verified',
      list: { file: 'allocation.csv', sha256: commitment, slots: 48, source: 'file' },
      commitment: { expected: commitment, matches: true },
      regenerated_from_seed: { matches: true },
      problems: [],
      problems_total: 0,
    });
    // Strata derived from the list give the same answer when the plan has none.
    expect(check(participants, text, commitment, { regenerate: { design: DESIGN, seed: SEED, strata: null } }).status).toBe('verified');
    expect(strataOfList(slots)).toEqual(STRATA);
    // An upper-case published hash is the same hash.
    expect(check(participants, text, commitment.toUpperCase()).commitment).toEqual({ expected: commitment, matches: true });
  });

  it('has nothing to check when the plan names no list, hash or seed', () => {
    const { participants } = setup();
    const v = checkAllocation({ participants, list: null, design: DESIGN, commitment: null, regenerate: null });
    expect(v).toEqual({ status: 'no_list', list: null, commitment: null, regenerated_from_seed: null, problems: [], problems_total: 0 });
  });

  it('without a list file, regenerates the list from the seed and strata and checks everything against it', () => {
    const { participants, commitment } = setup();
    const v = checkAllocation({ participants, list: null, design: DESIGN, commitment, regenerate: { design: DESIGN, seed: SEED, strata: STRATA } });
    expect(v.status).toBe('verified');
    expect(v.list).toEqual({ file: 'allocation.csv', sha256: commitment, slots: 48, source: 'seed' });
    expect(v.commitment).toEqual({ expected: commitment, matches: true });
    const i = at(participants, 'Agder', 3);
    participants.arm[i] = participants.arm[i] === 'IPS' ? 'TVR' : 'IPS';
    const flipped = checkAllocation({ participants, list: null, design: DESIGN, commitment, regenerate: { design: DESIGN, seed: SEED, strata: STRATA } });
    expect(flipped.problems.map((p) => p.kind)).toEqual(['arm_mismatch']);
  });

  it('fails when the plan commits to a list (hash, or seed without strata) that is not supplied', () => {
    const { participants, commitment } = setup();
    const failed = { status: 'failed', list: null, commitment: null, regenerated_from_seed: null, problems: [{ kind: 'list_missing' }], problems_total: 1 };
    expect(checkAllocation({ participants, list: null, design: DESIGN, commitment, regenerate: null })).toEqual(failed);
    expect(checkAllocation({ participants, list: null, design: DESIGN, commitment: null, regenerate: { design: DESIGN, seed: SEED, strata: null } })).toEqual(failed);
  });

  it('finds one flipped arm', () => {
    const { text, participants, commitment } = setup();
    const i = at(participants, 'Østfold', 7);
    const listed = participants.arm[i]!;
    participants.arm[i] = listed === 'IPS' ? 'TVR' : 'IPS';
    const v = check(participants, text, commitment);
    expect(v.status).toBe('failed');
    expect(v.problems).toEqual([{ kind: 'arm_mismatch', site: 'Østfold', allocation_no: 7, recorded: participants.arm[i], listed }]);
  });

  it('finds a reused allocation number and the number it left unused', () => {
    const { text, participants, commitment } = setup();
    const moved = at(participants, 'Oslo', 5);
    participants.allocation_no[moved] = 4;
    participants.arm[moved] = participants.arm[at(participants, 'Oslo', 4)]!; // the arm listed at 4
    expect(check(participants, text, commitment).problems).toEqual([
      { kind: 'reused', site: 'Oslo', allocation_no: 4, times: 2 },
      { kind: 'gap', site: 'Oslo', allocation_no: 5 },
    ]);
  });

  it('finds a gap: a number below the highest used that nobody has', () => {
    const { text, participants, commitment } = setup();
    const i = at(participants, 'Agder', 3);
    for (const col of ['participant_id', 'site', 'arm', 'allocation_no'] as const) participants[col].splice(i, 1);
    expect(check(participants, text, commitment).problems).toEqual([{ kind: 'gap', site: 'Agder', allocation_no: 3 }]);
  });

  it('finds a participant number that is not in the list', () => {
    const { text, participants, commitment } = setup();
    participants.allocation_no[at(participants, 'Agder', 9)] = 13; // Agder's list has 12 slots
    const v = check(participants, text, commitment);
    expect(v.problems).toEqual([
      { kind: 'gap', site: 'Agder', allocation_no: 9 },
      { kind: 'gap', site: 'Agder', allocation_no: 10 },
      { kind: 'gap', site: 'Agder', allocation_no: 11 },
      { kind: 'gap', site: 'Agder', allocation_no: 12 },
      { kind: 'not_in_list', site: 'Agder', allocation_no: 13 },
    ]);
  });

  it('finds participants without an allocation number, counted per site', () => {
    const { text, participants, commitment } = setup();
    participants.allocation_no[at(participants, 'Oslo', 15)] = null;
    participants.allocation_no[at(participants, 'Oslo', 14)] = null;
    expect(check(participants, text, commitment).problems).toEqual([{ kind: 'no_allocation_no', site: 'Oslo', count: 2 }]);
  });

  it('finds one edited row of the list: the hash and the seed both disagree, at that site and number', () => {
    const { text, participants, commitment, slots } = setup();
    const row = slots.findIndex((s) => s.site === 'Østfold' && s.allocation_no === 5);
    const lines = text.split('\n');
    const original = slots[row]!.arm;
    const edited = original === 'IPS' ? 'TVR' : 'IPS';
    lines[row + 1] = lines[row + 1]!.replace(/,(IPS|TVR)$/, `,${edited}`);
    const editedText = lines.join('\n');
    const v = check(participants, editedText, commitment);
    expect(v.status).toBe('failed');
    expect(v.commitment).toEqual({ expected: commitment, matches: false });
    expect(v.regenerated_from_seed).toEqual({ matches: false });
    const block = slots[row]!.block_no!;
    expect(v.problems).toEqual([
      { kind: 'commitment_mismatch', expected: commitment, actual: sha256(bytes(editedText)) },
      // Before the seed is revealed, the block that slot sits in already shows the edit.
      { kind: 'bad_block', site: 'Østfold', block_no: block, reason: 'ratio' },
      { kind: 'differs_from_seed', site: 'Østfold', allocation_no: 5, listed: edited, regenerated: original },
      // The participant at Østfold 5 got the original arm, which no longer matches the list.
      { kind: 'arm_mismatch', site: 'Østfold', allocation_no: 5, recorded: original, listed: edited },
    ]);
  });

  it('finds a re-saved list by its hash while the seed still regenerates it', () => {
    const { text, participants, commitment } = setup();
    const v = check(participants, text.replaceAll('\n', '\r\n'), commitment);
    expect(v.problems.map((p) => p.kind)).toEqual(['commitment_mismatch']);
    expect(v.regenerated_from_seed).toEqual({ matches: true });
  });

  it('finds slots the seed gives but the list lacks, and block columns that differ', () => {
    const { text, participants, commitment } = setup();
    const longer = STRATA.map((s) => (s.name === 'Agder' ? { ...s, slots: 13 } : s));
    const v = check(participants, text, commitment, { regenerate: { design: DESIGN, seed: SEED, strata: longer } });
    const regenerated = generateAllocation(DESIGN, longer, SEED).find((s) => s.site === 'Agder' && s.allocation_no === 13)!;
    expect(v.problems).toEqual([{ kind: 'differs_from_seed', site: 'Agder', allocation_no: 13, listed: null, regenerated: regenerated.arm }]);
    // Same arms, different block sizes: the slot still differs from the seed's list.
    const lines = text.split('\n');
    lines[1] = lines[1]!.replace(/^Oslo,1,1,(\d+),/, (_, size: string) => `Oslo,1,1,${Number(size) + 2},`);
    const w = check(participants, lines.join('\n'), sha256(bytes(lines.join('\n'))));
    expect(w.problems).toEqual([
      // The block's slots now disagree on its size.
      { kind: 'bad_block', site: 'Oslo', block_no: 1, reason: 'size' },
      { kind: 'differs_from_seed', site: 'Oslo', allocation_no: 1, listed: participants.arm[0], regenerated: participants.arm[0] },
    ]);
  });

  it('finds a list drawn from another seed', () => {
    const { participants } = setup();
    const other = allocationCsv(generateAllocation(DESIGN, STRATA, 'another seed'));
    const v = check(participants, other, sha256(bytes(other)));
    expect(v.regenerated_from_seed).toEqual({ matches: false });
    expect(v.problems.filter((p) => p.kind === 'differs_from_seed').length).toBeGreaterThan(10);
  });

  it('sorts problems by site (Norwegian collation) then number, caps the list and counts all', () => {
    const { text, participants } = setup();
    for (const [site, no] of [['Østfold', 2], ['Oslo', 9], ['Agder', 4], ['Oslo', 3]] as const) {
      const i = at(participants, site, no);
      participants.arm[i] = participants.arm[i] === 'IPS' ? 'TVR' : 'IPS';
    }
    const v = check(participants, text, 'f'.repeat(64), { maxProblems: 3 });
    expect(v.problems_total).toBe(5);
    expect(v.problems.map((p) => ('site' in p ? `${p.site} ${'allocation_no' in p ? p.allocation_no : ''}` : p.kind))).toEqual([
      'commitment_mismatch',
      'Agder 4',
      'Oslo 3',
    ]);
    const all = check(participants, text, 'f'.repeat(64));
    expect(all.problems.slice(3).map((p) => ('site' in p && 'allocation_no' in p ? `${p.site} ${p.allocation_no}` : ''))).toEqual(['Oslo 9', 'Østfold 2']);
  });

  it('orders sites as Norwegian does: Ø before Å, case not before letters', () => {
    const slots = generateAllocation(DESIGN, [{ name: 'Ålesund', slots: 4 }, { name: 'bergen', slots: 4 }, { name: 'Østfold', slots: 4 }, { name: 'Oslo', slots: 4 }], SEED);
    const flipped = (arm: string) => (arm === 'IPS' ? 'TVR' : 'IPS');
    const v = checkAllocation({
      design: DESIGN,
      participants: { site: slots.map((s) => s.site), arm: slots.map((s) => flipped(s.arm)), allocation_no: slots.map((s) => s.allocation_no) },
      list: { slots, file: 'allocation.csv', bytes: bytes(allocationCsv(slots)) },
      commitment: null,
      regenerate: null,
    });
    expect([...new Set(v.problems.map((p) => ('site' in p ? p.site : '')))]).toEqual(['bergen', 'Oslo', 'Østfold', 'Ålesund']);
    expect(v.commitment).toBeNull();
    expect(v.regenerated_from_seed).toBeNull();
  });

  it('counts the gaps below a mistyped huge number without listing them all', () => {
    const { text, participants, commitment } = setup();
    participants.allocation_no[at(participants, 'Oslo', 15)] = 1_000_000_000;
    // Counted, not enumerated: listing a billion gaps would never finish (the test timeout catches that).
    const v = check(participants, text, commitment);
    expect(v.problems).toHaveLength(200);
    // Gaps 15 … 999 999 999, and the number itself not in the list.
    expect(v.problems_total).toBe(1_000_000_000 - 15 + 1);
    expect(v.problems[0]).toEqual({ kind: 'gap', site: 'Oslo', allocation_no: 15 });
  });

  it('never names a participant', () => {
    const { text, participants } = setup();
    participants.arm[0] = participants.arm[0] === 'IPS' ? 'TVR' : 'IPS';
    participants.allocation_no[1] = 3;
    participants.allocation_no[5] = null;
    participants.allocation_no[7] = 99;
    const v = check(participants, text, 'e'.repeat(64));
    expect(v.problems.length).toBeGreaterThan(4);
    const out = JSON.stringify(v);
    expect(out).not.toMatch(/SECRETID/);
    expect(out).not.toMatch(/participant/);
  });

  it('refuses a list with a repeated (site, number) row before checking it', () => {
    const { text } = setup();
    const lines = text.split('\n');
    const duplicate = lines.findIndex((l) => l.startsWith('Østfold,6,'));
    lines.splice(duplicate + 1, 0, lines[duplicate]!);
    const log = new ViolationLog(10);
    expect(parseAllocationList(bytes(lines.join('\n')), 'allocation.csv', ARMS, log)).toBeNull();
    expect(log.list).toEqual([
      {
        file: 'allocation.csv',
        row: duplicate + 2,
        column: 'allocation_no',
        rule: 'site "Østfold" has allocation number 6 more than once (first at row ' + (duplicate + 1) + ')',
        found: '6',
      },
    ]);
  });
});

describe('checkAllocation: the list\'s blocks against the design', () => {
  /** The list with one slot's cells replaced, checked with no hash or seed (before they are revealed). */
  function withSlot(site: string, no: number, change: (cells: string[]) => void) {
    const { text, participants } = setup();
    const lines = text.split('\n');
    const k = lines.findIndex((l) => l.startsWith(`${site},${no},`));
    const cells = lines[k]!.split(',');
    change(cells);
    lines[k] = cells.join(',');
    return check(participants, lines.join('\n'), '', { commitment: null, regenerate: null });
  }
  const blockOf = (site: string, no: number) => {
    const slot = setup().slots.find((s) => s.site === site && s.allocation_no === no)!;
    return { block: slot.block_no!, size: slot.block_size! };
  };
  const badBlocks = (v: ReturnType<typeof check>) => v.problems.filter((p) => p.kind === 'bad_block');

  it('accepts the list as generated', () => {
    const { text, participants } = setup();
    expect(check(participants, text, '', { commitment: null, regenerate: null }).status).toBe('verified');
  });

  it('names a block whose arms are not in the ratio', () => {
    // Flip slot Oslo 1: its complete block now holds one arm too many.
    const { block } = blockOf('Oslo', 1);
    const v = withSlot('Oslo', 1, (c) => (c[4] = c[4] === 'IPS' ? 'TVR' : 'IPS'));
    expect(badBlocks(v)).toEqual([{ kind: 'bad_block', site: 'Oslo', block_no: block, reason: 'ratio' }]);
  });

  it('names a block size the design does not have', () => {
    const { block } = blockOf('Agder', 1);
    const v = withSlot('Agder', 1, (c) => (c[3] = '8'));
    expect(badBlocks(v)).toEqual([{ kind: 'bad_block', site: 'Agder', block_no: block, reason: 'size' }]);
  });

  it('names block numbers that do not run in allocation order', () => {
    const v = withSlot('Østfold', 1, (c) => (c[2] = '7'));
    expect(badBlocks(v)[0]).toMatchObject({ kind: 'bad_block', site: 'Østfold', reason: 'numbering' });
  });

  it('names blocks that hold a different number of slots than their size', () => {
    // Move the last slot of Oslo's first block into its second block: the first is short
    // before the end of the site, the second one slot too long.
    const { size } = blockOf('Oslo', 1);
    const second = blockOf('Oslo', size + 1);
    const v = withSlot('Oslo', size, (c) => {
      c[2] = '2';
      c[3] = String(second.size);
    });
    expect(badBlocks(v)).toEqual([
      { kind: 'bad_block', site: 'Oslo', block_no: 1, reason: 'length' },
      { kind: 'bad_block', site: 'Oslo', block_no: 2, reason: 'length' },
    ]);
  });

  it('does not look for blocks under simple randomization or in a list without block columns', () => {
    const simple: AllocationDesign = { method: 'simple', arms: ARMS, ratio: [1, 1], blockSizes: [] };
    const slots = generateAllocation(simple, STRATA, SEED);
    const participants = { site: slots.map((s) => s.site), arm: slots.map((s) => s.arm), allocation_no: slots.map((s) => s.allocation_no) };
    const text = allocationCsv(slots);
    const list = { slots, file: 'allocation.csv', bytes: bytes(text) };
    expect(checkAllocation({ participants, list, design: simple, commitment: null, regenerate: null }).status).toBe('verified');
    // The same list judged against a block design has no block columns to check.
    expect(checkAllocation({ participants, list, design: DESIGN, commitment: null, regenerate: null }).status).toBe('verified');
  });
});
