import { markSuspicious } from '../../src/core/integrity';
import { buildPanel, type Panel } from '../../src/core/predictive-panel';
import { ratioShares, suspiciousShares } from '../../src/core/predictive-shares';
import { calendar, endOfWeek, REAL_CALLS, StoreBuilder } from './builders';

const LAST_DAY = endOfWeek(9);
const DAY_MINUTES = 24 * 60;

/** A rep at work every week 0–9 (one e-mail each Monday), so every week 0–7 has a row with lag 1–2. */
function steadyRep(store: StoreBuilder, id = 'ana'): StoreBuilder {
  for (let w = 0; w <= 9; w++) store.on(id, w, 0, 'email');
  return store;
}

function panelOf(store: StoreBuilder): { table: ReturnType<StoreBuilder['table']>; panel: Panel } {
  const table = store.table();
  return {
    table,
    panel: buildPanel(table, calendar(), {
      outcomeStep: 'sold',
      countSteps: [],
      lag: { from: 1, to: 2 },
      lastDay: LAST_DAY,
    }),
  };
}

/** The value of the share in week `week` of ana (person 0); the builders' weeks start at panel week `first`. */
function valueAt(panel: Panel, values: Float64Array, week: number): number {
  const first = Math.min(...panel.week);
  const row = [...panel.week].findIndex((w, i) => panel.person[i] === 0 && w === first + week);
  return values[row] as number;
}

const answered = { id: 'answered', from: 'lead', to: 'attempt', basis: 'subject' as const };

describe('ratio shares per person-week', () => {
  it('given four leads in week 1, three answered (one by a colleague, one two days later) and one never, when measured, then the week holds 0.75 and a week without leads none', () => {
    const store = steadyRep(new StoreBuilder())
      .lead('ana', 1, 0, 30)
      .lead('ana', 1, 1, 2 * DAY_MINUTES)
      .lead('ana', 1, 2, null)
      .about('ana', 1, 3, 'lead', 'shared')
      .about('ben', 1, 3, 'attempt', 'shared', 11 * 60);
    const { table, panel } = panelOf(store);

    const share = ratioShares(table, calendar(), panel, answered, LAST_DAY);

    expect(share).toMatchObject({ id: 'answered', kind: 'share' });
    expect(valueAt(panel, share.values, 1)).toBe(0.75);
    expect(valueAt(panel, share.values, 2)).toBeNaN();
  });

  it('given a lead worked again a week later, when measured, then it is a trial only in the week it was first worked', () => {
    const store = steadyRep(new StoreBuilder())
      .about('ana', 1, 0, 'lead', 'again')
      .about('ana', 2, 0, 'lead', 'again')
      .about('ana', 2, 1, 'attempt', 'again');
    const { table, panel } = panelOf(store);

    const share = ratioShares(table, calendar(), panel, answered, LAST_DAY);

    expect(valueAt(panel, share.values, 1)).toBe(1);
    expect(valueAt(panel, share.values, 2)).toBeNaN();
  });

  it('given ten leads answered within two days and one answered a month later, when measured, then the late answer is past its cohort’s follow-up and no success', () => {
    const store = steadyRep(new StoreBuilder());
    for (let i = 0; i < 10; i++) store.lead('ana', i % 5, 0, 2 * DAY_MINUTES);
    store.lead('ana', 0, 1, 30 * DAY_MINUTES);
    const { table, panel } = panelOf(store);

    const share = ratioShares(table, calendar(), panel, answered, LAST_DAY);

    expect(valueAt(panel, share.values, 0)).toBeCloseTo(2 / 3);
    expect(valueAt(panel, share.values, 1)).toBe(1);
  });

  it('given answers that take three weeks, when measured, then a week whose three weeks after it are not over has no value yet', () => {
    const store = steadyRep(new StoreBuilder());
    for (const w of [2, 7]) store.lead('ana', w, 0, 20 * DAY_MINUTES);
    const { table, panel } = panelOf(store);

    const share = ratioShares(table, calendar(), panel, answered, LAST_DAY);

    expect(valueAt(panel, share.values, 2)).toBe(1);
    // Week 7's cohort is followed to 20 days after its Sunday, past the last day (week 9's Sunday).
    expect(valueAt(panel, share.values, 7)).toBeNaN();
  });

  it('given a count-basis ratio and a week of 4 calls and 3 e-mails, another of 2 calls and 5 e-mails, when measured, then 0.75 and capped at 1', () => {
    const store = new StoreBuilder();
    for (let w = 0; w <= 9; w++) store.on('ana', w, 0, 'lead');
    store.on('ana', 1, 1, 'attempt', 4).on('ana', 1, 2, 'email', 3);
    store.on('ana', 2, 1, 'attempt', 2).on('ana', 2, 2, 'email', 5);
    const { table, panel } = panelOf(store);

    const share = ratioShares(
      table,
      calendar(),
      panel,
      { ...answered, to: 'email', from: 'attempt', basis: 'count' },
      LAST_DAY,
    );

    expect(valueAt(panel, share.values, 1)).toBe(0.75);
    expect(valueAt(panel, share.values, 2)).toBe(1);
    expect(valueAt(panel, share.values, 3)).toBeNaN();
  });
});

describe('integrity shares per person-week', () => {
  it('given a week of 10 calls an hour apart and 10 logged in one minute, when measured, then half the week’s calls are suspicious and a week without calls has none', () => {
    const store = steadyRep(new StoreBuilder()).on('ana', 3, 1, 'attempt', 10, 9 * 60);
    for (let k = 0; k < 10; k++) store.on('ana', 3, 2, 'attempt', 1, 8 * 60 + k * 60);
    const { table, panel } = panelOf(store);
    markSuspicious(table, [REAL_CALLS]);

    const share = suspiciousShares(table, calendar(), panel, REAL_CALLS, LAST_DAY);

    expect(share).toMatchObject({ id: 'real_calls', kind: 'share' });
    expect(valueAt(panel, share.values, 3)).toBe(0.5);
    expect(valueAt(panel, share.values, 4)).toBeNaN();
  });
});
