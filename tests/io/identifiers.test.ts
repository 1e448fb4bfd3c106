/**
 * Direct identifiers stop the ingest. Control digits follow Skatteetaten's published rule:
 * k1 = 11 − (3,7,6,1,8,9,4,5,2 · d1..d9 mod 11), k2 = 11 − (5,4,3,2,7,6,5,4,3,2 · d1..d10
 * mod 11), 11 → 0, 10 → invalid; `controlDigits` below re-derives them independently.
 */
import { describe, expect, it } from 'vitest';
import { containsNorwegianNationalId, isIdentifierColumnName, isNorwegianNationalId } from '../../src/io/identifiers.ts';
import { HIDDEN } from '../../src/io/messages.ts';
import { PARTICIPANTS, replaceLine, violations } from '../helpers/delivery.ts';

// Worked by hand for 010190124: 3·0+7·1+6·0+1·1+8·9+9·0+4·1+5·2+2·4 = 102, 102 mod 11 = 3,
// k1 = 8; then 5·0+4·1+3·0+2·1+7·9+6·0+5·1+4·2+3·4+2·8 = 110, 110 mod 11 = 0, k2 = 11 → 0.
const FNR = '01019012480';
const D_NUMBER = '41019012393'; // day + 40
const H_NUMBER = '01459012342'; // month + 40

/** Independent re-implementation of the published rule, for cross-checking. */
function controlDigits(first9: string): string | null {
  const d = [...first9].map(Number);
  const k = (w: number[], xs: number[]) => {
    const r = 11 - (w.reduce((s, wi, i) => s + wi * xs[i]!, 0) % 11);
    return r === 11 ? 0 : r;
  };
  const k1 = k([3, 7, 6, 1, 8, 9, 4, 5, 2], d);
  if (k1 === 10) return null;
  const k2 = k([5, 4, 3, 2, 7, 6, 5, 4, 3, 2], [...d, k1]);
  return k2 === 10 ? null : `${k1}${k2}`;
}

describe('Norwegian national identity numbers', () => {
  it('the fixtures carry valid control digits by the published rule', () => {
    for (const n of [FNR, D_NUMBER, H_NUMBER]) expect(controlDigits(n.slice(0, 9))).toBe(n.slice(9));
  });

  it.each([
    ['fødselsnummer', FNR],
    ['D-number', D_NUMBER],
    ['H-number', H_NUMBER],
  ])('flags a valid %s', (_kind, n) => {
    expect(isNorwegianNationalId(n)).toBe(true);
    expect(containsNorwegianNationalId(`id ${n.slice(0, 6)} ${n.slice(6)} x`)).toBe(true);
  });

  it('does not flag a wrong control digit, a 10- or 12-digit number, or an impossible date', () => {
    expect(isNorwegianNationalId('01019012481')).toBe(false);
    expect(isNorwegianNationalId('01019012470')).toBe(false);
    expect(containsNorwegianNationalId('0101901248')).toBe(false);
    expect(containsNorwegianNationalId('010190124800')).toBe(false);
    // Day 32 with valid-looking control digits is no date of birth.
    const first9 = '320190123';
    const cd = controlDigits(first9);
    if (cd !== null) expect(isNorwegianNationalId(first9 + cd)).toBe(false);
  });

  it.each(['participant_id', 'site', 'diagnosis', 'withdrawn'])('stops ingest when found in column %s, never printing the value', (column) => {
    const header = PARTICIPANTS.split('\n')[0]!.split(',');
    const row = 'P01,Østfold,IPS,1,2014-01-10,34,F,depression,secondary,1,0'.split(',');
    row[header.indexOf(column)] = FNR;
    const v = violations({ participants: replaceLine(PARTICIPANTS, 1, row.join(',')) });
    expect(v).toContainEqual(expect.objectContaining({ file: 'participants.csv', row: 2, column, found: HIDDEN, rule: expect.stringMatching(/national identity number/) }));
    expect(JSON.stringify(v)).not.toContain(FNR);
    expect(JSON.stringify(v)).not.toContain(FNR.slice(0, 6));
  });

  it('stops ingest on an identity number used as a column name, printing neither it nor the name', () => {
    const csv = PARTICIPANTS.split('\n').map((l, i) => `${l},${i === 0 ? FNR : 'x'}`).join('\n');
    const v = violations({ participants: csv });
    expect(v).toContainEqual(expect.objectContaining({ file: 'participants.csv', row: 1, column: '#12', found: HIDDEN }));
    expect(JSON.stringify(v)).not.toContain(FNR);
  });

  it('scans columns outside the contract too', () => {
    const csv = PARTICIPANTS.split('\n').map((l, i) => `${l},${i === 2 ? D_NUMBER : 'x'}`).join('\n');
    const v = violations({ participants: csv.replace(',withdrawn,x', ',withdrawn,note') });
    expect(v).toContainEqual(expect.objectContaining({ row: 3, column: 'note', found: HIDDEN }));
  });

  it('passes a wrong control digit through ingest', () => {
    // 01019012481 is 11 digits but not an identity number: as a site name it is accepted.
    const v = () => violations({ participants: replaceLine(PARTICIPANTS, 1, 'P01,01019012481,IPS,1,2014-01-10,34,F,depression,secondary,1,0') });
    expect(v).toThrow(/ingest succeeded/);
  });
});

describe('identifier column names', () => {
  it.each([
    'name', 'Navn', 'first_name', 'etternavn', 'address', 'Adresse', 'phone', 'telefon', 'tlf', 'e-mail', 'E_post', 'email',
    'hjemmeadresse', 'bostedsadresse', 'mobiltelefon', 'kontaktEpost', 'epost1', 'email2', 'navn2', 'cellphone', 'mobilnr', 'username',
  ])('flags %s', (c) => {
    expect(isIdentifierColumnName(c)).toBe(true);
  });
  it.each(['participant_id', 'site', 'arm', 'diagnosis', 'education', 'filename', 'qol', 'site_name', 'fylkesnavn', 'postnummer', 'earnings_nok'])('does not flag %s', (c) => {
    expect(isIdentifierColumnName(c)).toBe(false);
  });
  it('stops ingest naming file, row 1 and the column', () => {
    const csv = PARTICIPANTS.split('\n').map((l, i) => `${l},${i === 0 ? 'e-post' : 'x'}`).join('\n');
    expect(violations({ participants: csv })).toContainEqual(
      expect.objectContaining({ file: 'participants.csv', row: 1, column: 'e-post', rule: expect.stringMatching(/direct identifier/) }),
    );
  });
});
