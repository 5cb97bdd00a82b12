import type { DayNumber } from '../../src/core/civil-date';
import { markSuspicious } from '../../src/core/integrity';
import type { IntegrityMeasure } from '../../src/core/model';
import { buildPanel, type Panel } from '../../src/core/predictive-panel';
import { type TouchedCandidate, touchedShares } from '../../src/core/predictive-touched';
import { calendar, endOfWeek, REAL_CALLS, StoreBuilder, STEPS } from './builders';

const LAST_DAY = endOfWeek(9);
const TOUCH = 'touch:stale_leads';
const candidate: TouchedCandidate = { id: 'stale_leads:touched', arrival: 'lead', touch: TOUCH, days: 3 };

/** A rep at work every week 0–9 (one e-mail each Monday), so every week 0–7 has a row with lag 1–2. */
function steadyRep(store: StoreBuilder, id = 'ana'): StoreBuilder {
  for (let w = 0; w <= 9; w++) store.on(id, w, 0, 'email');
  return store;
}

/** The touched share of ana (person 0) per week of the builders' store, up to `lastDay`. */
function sharesOf(
  store: StoreBuilder,
  lastDay: DayNumber = LAST_DAY,
  mark?: IntegrityMeasure,
): (week: number) => number {
  const table = store.table([...STEPS, TOUCH]);
  if (mark) markSuspicious(table, [mark]);
  const panel: Panel = buildPanel(table, calendar(), {
    outcomeStep: 'sold',
    countSteps: [],
    lag: { from: 1, to: 2 },
    lastDay: LAST_DAY,
  });
  const share = touchedShares(table, calendar(), panel, candidate, lastDay);
  expect(share).toMatchObject({ id: 'stale_leads:touched', kind: 'share' });
  const first = Math.min(...panel.week);
  return (week) => {
    const row = [...panel.week].findIndex((w, i) => panel.person[i] === 0 && w === first + week);
    return share.values[row] as number;
  };
}

describe('the share of new leads touched within a staleLead measure’s days, per person-week', () => {
  it('given three leads on a Monday followed up on Wednesday, Thursday and Friday, when measured with days 3, then only the Wednesday one was touched in time and a week without leads has no value', () => {
    const store = steadyRep(new StoreBuilder())
      .about('ana', 1, 0, 'lead', 'wed')
      .about('ana', 1, 2, 'attempt', 'wed')
      .about('ana', 1, 0, 'lead', 'thu')
      .about('ana', 1, 3, 'attempt', 'thu', 0)
      .about('ana', 1, 0, 'lead', 'fri')
      .about('ana', 1, 4, 'attempt', 'fri');

    const shareIn = sharesOf(store);

    // Thursday 00:00 is the third day after Monday: that lead was listed stale before the call.
    expect(shareIn(1)).toBeCloseTo(1 / 3);
    expect(shareIn(2)).toBeNaN();
  });

  it('given a lead e-mailed the next day (a touch) and one called by a colleague, when measured, then both were touched', () => {
    const store = steadyRep(new StoreBuilder())
      .about('ana', 1, 0, 'lead', 'mailed')
      .about('ana', 1, 1, TOUCH, 'mailed')
      .about('ana', 1, 0, 'lead', 'helped')
      .about('ben', 1, 1, 'attempt', 'helped')
      .about('ana', 1, 0, 'lead', 'left');

    expect(sharesOf(store)(1)).toBeCloseTo(2 / 3);
  });

  it('given a lead followed only by a burst of logged calls that integrity set aside, when measured, then it was not touched', () => {
    const store = steadyRep(new StoreBuilder()).about('ana', 1, 0, 'lead', 'faked');
    for (let k = 0; k < 6; k++) store.about('ana', 1, 1, 'attempt', 'faked', 9 * 60 + k);

    expect(sharesOf(store)(1)).toBe(1);
    expect(sharesOf(store, LAST_DAY, REAL_CALLS)(1)).toBe(0);
  });

  it('given a lead on week 7’s Sunday, never touched, when measured with the last day before its three days are over, then the week has no value yet; a day later it holds 0', () => {
    const store = steadyRep(new StoreBuilder()).about('ana', 7, 6, 'lead', 'late');

    expect(sharesOf(store, endOfWeek(7) + 1)(7)).toBeNaN();
    expect(sharesOf(store, endOfWeek(7) + 2)(7)).toBe(0);
  });

  it('given a lead that arrives again a week later, untouched between, when measured, then it is a new lead only in its first week, where the second arrival is no touch in time', () => {
    const store = steadyRep(new StoreBuilder()).about('ana', 1, 0, 'lead', 'again').about('ana', 2, 0, 'lead', 'again');

    const shareIn = sharesOf(store);

    expect(shareIn(1)).toBe(0);
    expect(shareIn(2)).toBeNaN();
  });

  it('given a lead that arrived with a colleague and came to ana a week later, when measured, then it is no new lead of ana', () => {
    const store = steadyRep(new StoreBuilder())
      .about('ben', 1, 0, 'lead', 'passed')
      .about('ana', 2, 0, 'lead', 'passed');

    expect(sharesOf(store)(2)).toBeNaN();
  });
});
