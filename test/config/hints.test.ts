import fc from 'fast-check';
import { closest, closestTimeZone, didYouMean, editDistance, isTimeZone } from '../../src/config/hints';

const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd', '_'), maxLength: 8 });

describe('edit distance', () => {
  it('given any two words, then the distance is symmetric and zero exactly for the same word (ignoring case)', () => {
    fc.assert(
      fc.property(word, word, (a, b) => {
        expect(editDistance(a, b)).toBe(editDistance(b, a));
        expect(editDistance(a, b) === 0).toBe(a === b);
        expect(editDistance(a.toUpperCase(), a)).toBe(0);
      }),
    );
  });

  it('given any two words, then the distance lies between their length difference and the longer length', () => {
    fc.assert(
      fc.property(word, word, (a, b) => {
        expect(editDistance(a, b)).toBeGreaterThanOrEqual(Math.abs(a.length - b.length));
        expect(editDistance(a, b)).toBeLessThanOrEqual(Math.max(a.length, b.length));
      }),
    );
  });

  it('given a word and one inserted letter, then the distance is one', () => {
    fc.assert(
      fc.property(word, fc.nat(), fc.constantFrom('a', 'x'), (a, at, letter) => {
        const index = at % (a.length + 1);
        expect(editDistance(a, a.slice(0, index) + letter + a.slice(index))).toBe(1);
      }),
    );
  });

  it('given a swap of two neighbouring letters, then it costs one edit', () => {
    expect(editDistance('stpes', 'steps')).toBe(1);
  });
});

describe('suggestions', () => {
  const steps = ['lead', 'attempt', 'contact', 'appointment_set', 'appointment_shown', 'sold'];

  it('given a typo, then the closest choice is suggested', () => {
    expect(closest('apointment_set', steps)).toBe('appointment_set');
    expect(closest('appointment_shwon', steps)).toBe('appointment_shown');
  });

  it('given a word unlike every choice, then nothing is suggested and the hint lists the choices', () => {
    expect(closest('handshake', steps)).toBeUndefined();
    expect(didYouMean('xyz', ['a', 'b'], 'steps')).toBe('valid steps: "a", "b"');
  });

  it.each([
    ['America/Chicgo', 'America/Chicago'],
    ['Chicago', 'America/Chicago'],
    ['america/new_york', 'America/New_York'],
    ['Europe/Berlinn', 'Europe/Berlin'],
    ['New York', 'America/New_York'],
  ])('given the time zone %s, then %s is suggested', (input, zone) => {
    expect(closestTimeZone(input)).toBe(zone);
  });

  it('given a name unlike any zone, then no zone is suggested', () => {
    expect(closestTimeZone('Dealership Standard Time')).toBeUndefined();
  });

  it('given names Intl knows, then they are time zones; others are not', () => {
    expect(isTimeZone('America/Chicago')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('America/Chicgo')).toBe(false);
  });
});
