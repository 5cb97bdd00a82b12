/**
 * Suggestions for mistyped names: the closest valid choice by edit distance, and the closest
 * IANA time zone. Pure functions of their inputs (the zone list is passed in or read from Intl).
 */

/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent transpositions), case-insensitive:
 * `stpes` is one edit from `steps`, `timezone` none from `timeZone`.
 */
export function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  // rows[i][j] = distance between the first i chars of s and the first j chars of t.
  const rows: number[][] = Array.from({ length: s.length + 1 }, (_, i) =>
    Array.from({ length: t.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number): number => rows[i]?.[j] ?? Number.POSITIVE_INFINITY;
  for (let i = 1; i <= s.length; i += 1) {
    const row = rows[i] as number[];
    for (let j = 1; j <= t.length; j += 1) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      row[j] = best;
    }
  }
  return at(s.length, t.length);
}

/** Edits tolerated per character before a suggestion stops looking like a typo of it. */
const CHARS_PER_TOLERATED_EDIT = 3;

function tolerance(a: string, b: string): number {
  return Math.max(1, Math.ceil(Math.max(a.length, b.length) / CHARS_PER_TOLERATED_EDIT));
}

/** Whether `a` and `b` differ in length little enough for one to be a typo of the other. */
function withinReach(a: string, b: string): boolean {
  return Math.abs(a.length - b.length) <= tolerance(a, b);
}

/** The valid choice closest to `input`, if it is close enough to be a typo of it. */
export function closest(input: string, choices: readonly string[]): string | undefined {
  let best: { choice: string; distance: number } | undefined;
  for (const choice of choices) {
    // The distance is at least the difference in length: a 5 MB value need not be compared letter by letter.
    if (!withinReach(input, choice)) continue;
    const distance = editDistance(input, choice);
    if (distance <= tolerance(input, choice) && (best === undefined || distance < best.distance)) {
      best = { choice, distance };
    }
  }
  return best?.choice;
}

/** "did you mean "x"?" when a choice is close, else the list of choices (short lists only). */
export function didYouMean(input: string, choices: readonly string[], noun = 'choices'): string | undefined {
  const match = closest(input, choices);
  if (match !== undefined) return `did you mean "${match}"?`;
  if (choices.length === 0) return undefined;
  return `valid ${noun}: ${choices.map((choice) => `"${choice}"`).join(', ')}`;
}

/** The longest IANA name is 32 characters; ICU takes seconds to refuse a name of hundreds of thousands. */
const TIME_ZONE_MAX_LENGTH = 64;

export function isTimeZone(name: string): boolean {
  if (name.length > TIME_ZONE_MAX_LENGTH) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** What a US dealership calls its zone in speech, which is no IANA name (and no edit away from one). */
const US_ZONE_NAMES: Readonly<Record<string, string>> = {
  eastern: 'America/New_York',
  est: 'America/New_York',
  edt: 'America/New_York',
  central: 'America/Chicago',
  cst: 'America/Chicago',
  cdt: 'America/Chicago',
  mountain: 'America/Denver',
  mst: 'America/Denver',
  mdt: 'America/Denver',
  pacific: 'America/Los_Angeles',
  pst: 'America/Los_Angeles',
  pdt: 'America/Los_Angeles',
};

/**
 * The IANA zone closest to a mistyped one. Compares with the whole name (`America/Chicgo`) and
 * with its city (`Chicago`), since admins often write only the city.
 */
export function closestTimeZone(
  input: string,
  zones: readonly string[] = Intl.supportedValuesOf('timeZone'),
): string | undefined {
  const named = US_ZONE_NAMES[input.trim().toLowerCase()];
  if (named !== undefined) return named;
  let best: { zone: string; distance: number } | undefined;
  for (const zone of zones) {
    const city = zone.slice(zone.lastIndexOf('/') + 1).replace(/_/g, ' ');
    if (!withinReach(input, zone) && !withinReach(input, city)) continue;
    const distance = Math.min(editDistance(input, zone), editDistance(input.replace(/_/g, ' '), city));
    const limit = Math.min(tolerance(input, zone), tolerance(input, city));
    if (distance <= limit && (best === undefined || distance < best.distance)) best = { zone, distance };
  }
  return best?.zone;
}
