/**
 * Salesforce record ids: 15 case-sensitive characters (3-character key prefix + body), made
 * case-safe by a 3-character checksum suffix. The sandbox issues 18-character ids from a
 * counter, so the same seed always yields the same ids, and ids sort in creation order
 * (the body's digits are ordered like ASCII: 0-9 < A-Z < a-z).
 */

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const CHECKSUM_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
/** Two "pod" characters and a reserved one, as in real ids; constant here. */
const POD = 'SB0';
const COUNTER_DIGITS = 9;
const ID_PATTERN = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;

export function checksumSuffix(id15: string): string {
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      const c = id15.charCodeAt(chunk * 5 + i);
      if (c >= 65 && c <= 90) bits |= 1 << i;
    }
    suffix += CHECKSUM_ALPHABET.charAt(bits);
  }
  return suffix;
}

/** Makes the id of the `counter`-th record of an object with this key prefix. */
export function makeId(keyPrefix: string, counter: number): string {
  let body = '';
  let n = counter;
  for (let i = 0; i < COUNTER_DIGITS; i++) {
    body = BASE62.charAt(n % 62) + body;
    n = Math.floor(n / 62);
  }
  const id15 = keyPrefix + POD + body;
  return id15 + checksumSuffix(id15);
}

/** Whether `value` is shaped like an id (15 characters, or 18 with a matching checksum). */
export function isWellFormedId(value: string): boolean {
  if (!ID_PATTERN.test(value)) return false;
  if (value.length === 15) return true;
  return checksumSuffix(value.slice(0, 15)) === value.slice(15).toUpperCase();
}

/** The 18-character form of a well-formed id (call isWellFormedId first). */
export function to18(value: string): string {
  if (value.length === 18) {
    const id15 = value.slice(0, 15);
    return id15 + checksumSuffix(id15);
  }
  return value + checksumSuffix(value);
}

export function keyPrefixOf(id: string): string {
  return id.slice(0, 3);
}
