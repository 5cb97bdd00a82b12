/**
 * Recognises secrets pasted into the config, so they are refused with a pointer to the
 * environment, and never echoed back in a message (a terminal, a CI log or a ticket would keep them).
 */

/** What a pasted value looks like when it is a credential rather than configuration. */
const SECRET_VALUES: readonly { readonly what: string; readonly regex: RegExp }[] = [
  // A Salesforce session id / OAuth access token: the org id, "!", then the session part.
  { what: 'a Salesforce access token', regex: /\b00D[A-Za-z0-9]{12,15}![A-Za-z0-9._]{20,}/ },
  { what: 'a private key', regex: /-----BEGIN [A-Z ]*PRIVATE KEY-----/ },
  // A connected app's consumer secret: 64 hex digits, or a long run of letters and digits with no word in it.
  { what: 'a consumer secret', regex: /^[A-F0-9]{64}$/i },
  { what: 'a JSON web token', regex: /\beyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\./ },
];

/** Keys that only ever hold a secret: an unknown key named so is a secret pasted in the wrong place. */
const SECRET_KEY = /pass(word)?|secret|token|private.?key|api.?key|credential/i;

export const SECRET_HINT =
  'secrets belong in the environment, not in this file: set SF_ACCESS_TOKEN, SF_CLIENT_SECRET … (or the ' +
  'variables salesforce.auth.env names) and remove the value from the file and its history';

/** The kind of secret `text` looks like, if it looks like one. */
export function secretKind(text: string): string | undefined {
  return SECRET_VALUES.find((secret) => secret.regex.test(text))?.what;
}

export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key);
}

type Path = (string | number)[];

/** Every text value in the (loosely read) input that looks like a secret, with where it is. */
export function findSecrets(input: unknown, path: Path = []): { path: Path; what: string }[] {
  if (typeof input === 'string') {
    const what = secretKind(input);
    return what === undefined ? [] : [{ path, what }];
  }
  if (Array.isArray(input)) return input.flatMap((item, index) => findSecrets(item, [...path, index]));
  if (typeof input === 'object' && input !== null)
    return Object.entries(input).flatMap(([key, value]) => findSecrets(value, [...path, key]));
  return [];
}
