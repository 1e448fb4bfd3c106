/**
 * Detection of direct identifiers, which must never enter the pipeline: Norwegian national
 * identity numbers (fødselsnummer, D-number, H-number) anywhere in a value, and columns
 * whose name says they hold a name, address, phone number or e-mail address.
 */

const W1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const W2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

function controlDigit(digits: number[], weights: number[]): number | null {
  const sum = weights.reduce((acc, w, i) => acc + w * digits[i]!, 0);
  const k = 11 - (sum % 11);
  if (k === 11) return 0;
  return k === 10 ? null : k;
}

/**
 * True if `s` is exactly 11 digits whose two mod-11 control digits are valid and whose
 * first six digits are a plausible date: day 1–31 (D-numbers add 40 to the day), month
 * 1–12 (H-numbers add 40 to the month; synthetic test numbers add 80).
 * Reference: Skatteetaten, "Fødselsnummer" (control digit weights 3 7 6 1 8 9 4 5 2 and
 * 5 4 3 2 7 6 5 4 3 2).
 */
export function isNorwegianNationalId(s: string): boolean {
  if (!/^\d{11}$/.test(s)) return false;
  const d = Array.from(s, Number);
  const k1 = controlDigit(d, W1);
  if (k1 === null || k1 !== d[9]) return false;
  const k2 = controlDigit(d, W2);
  if (k2 === null || k2 !== d[10]) return false;
  let day = d[0]! * 10 + d[1]!;
  let month = d[2]! * 10 + d[3]!;
  if (day > 40) day -= 40;
  if (month > 80) month -= 80;
  else if (month > 40) month -= 40;
  return day >= 1 && day <= 31 && month >= 1 && month <= 12;
}

// 11 digits, optionally written 6 + space + 5, not part of a longer digit run.
const CANDIDATE = /(?<!\d)(\d{6})[ \u00a0]?(\d{5})(?!\d)/g;

/** True if a national identity number stands anywhere in the value (also as "ddmmyy nnnnn"). */
export function containsNorwegianNationalId(value: string): boolean {
  if (value.length < 11) return false;
  for (const m of value.matchAll(CANDIDATE)) if (isNorwegianNationalId(m[1]! + m[2]!)) return true;
  return false;
}

// Words (English and Norwegian) that name a direct identifier, matched as whole words of
// the column name and as endings of the name written without separators, so that
// "first_name", "etternavn", "hjemmeadresse", "mobiltelefon" and "kontaktEpost" are caught.
const IDENTIFIER_WORDS = new Set(['name', 'names', 'navn', 'address', 'adresse', 'addr', 'street', 'phone', 'telefon', 'tlf', 'mobil', 'mobile', 'mail', 'email', 'epost']);
const IDENTIFIER_ENDING = /(name|navn|address|adresse|phone|telefon|tlf|telefonnr|tlfnr|mobilnr|mobilnummer|telefonnummer|phonenumber|email|mail|epost)$/;
// Names of things, not of people: "site_name", "fylkesnavn", "filename".
const NOT_A_PERSON = /^(file|site|county|fylke|fylkes|kommune|kommunes|municipality|study|trial|arm|measure|variable|diagnosis|host)(name|navn)$/;

/**
 * True if a column name says it holds a name, address, phone number or e-mail address.
 * Trailing digits ("email2") and separators are ignored; letter case is not significant.
 */
export function isIdentifierColumnName(column: string): boolean {
  const norm = column.normalize('NFC').toLowerCase().trim();
  const compact = norm.replace(/[^\p{L}]+/gu, '').replace(/\d+$/, '');
  if (compact === '' || NOT_A_PERSON.test(compact)) return false;
  if (IDENTIFIER_ENDING.test(compact)) return true;
  const words = norm.split(/[^\p{L}]+/u).filter(Boolean);
  return words.some((w) => IDENTIFIER_WORDS.has(w));
}
