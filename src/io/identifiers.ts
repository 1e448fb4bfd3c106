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

// Words (English and Norwegian) that name a direct identifier. Matched as whole words of
// the column name, and as word endings for "name"/"navn" (firstname, etternavn).
const IDENTIFIER_WORDS = new Set([
  'name', 'names', 'navn', 'fornavn', 'etternavn', 'surname', 'firstname', 'lastname', 'fullname',
  'address', 'adresse', 'addr', 'postadresse', 'street', 'gateadresse',
  'phone', 'telephone', 'telefon', 'tlf', 'mobile', 'mobil', 'mobilnr', 'mobilnummer', 'telefonnr', 'tlfnr', 'telefonnummer', 'phonenumber',
  'email', 'mail', 'epost', 'e-mail', 'e-post',
]);

/** True if a column name says it holds a name, address, phone number or e-mail address. */
export function isIdentifierColumnName(column: string): boolean {
  const norm = column.normalize('NFC').toLowerCase().trim();
  const compact = norm.replace(/[\s_.-]+/g, '');
  if (IDENTIFIER_WORDS.has(compact) || /(name|navn)$/.test(compact) || /^(e)?(mail|post)(address|adresse)?$/.test(compact)) {
    return compact !== 'filename';
  }
  const words = norm.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  if (words.some((w) => IDENTIFIER_WORDS.has(w))) return true;
  // "e_mail", "e-post" split into two words.
  return words.some((w, i) => w === 'e' && (words[i + 1] === 'mail' || words[i + 1] === 'post'));
}
