import { DealershipCalendar } from '../../src/core/calendar';
import { buildPanel, type PanelOptions } from '../../src/core/predictive-panel';
import { calendar, endOfWeek, StoreBuilder } from './builders';

const options = (over: Partial<PanelOptions> = {}): PanelOptions => ({
  outcomeStep: 'sold',
  countSteps: ['attempt', 'email'],
  lag: { from: 1, to: 2 },
  lastDay: endOfWeek(9),
  ...over,
});

/** A rep at work every week 0–9: one e-mail each Monday. */
function steadyRep(store: StoreBuilder, id = 'ana'): StoreBuilder {
  for (let w = 0; w <= 9; w++) store.on(id, w, 0, 'email');
  return store;
}

describe('the person × week panel', () => {
  it('given 3 calls on each working day of a week and sales after it, when built with lag 1–2, then the row holds 3 a day and the weekly average of the next two weeks', () => {
    const store = steadyRep(new StoreBuilder());
    for (let d = 0; d < 6; d++) store.on('ana', 2, d, 'attempt', 3);
    store.on('ana', 3, 1, 'sold', 2).on('ana', 4, 2, 'sold', 1).on('ana', 5, 2, 'sold', 7);

    const panel = buildPanel(store.table(), calendar(), options());

    const row = [...panel.week].indexOf(panel.week[0]! + 2);
    expect(panel.measures[0]).toMatchObject({ id: 'attempt', kind: 'per working day' });
    expect(panel.measures[0]!.values[row]).toBe(3);
    expect(panel.outcome[row]).toBe(1.5);
  });

  it('given a holiday in the week, when built, then the count is divided by the five working days left', () => {
    const store = steadyRep(new StoreBuilder()).on('ana', 2, 1, 'attempt', 10);
    const panel = buildPanel(store.table(), calendar(['2026-03-18']), options());

    const row = [...panel.week].indexOf(panel.week[0]! + 2);
    expect(panel.measures[0]!.values[row]).toBe(2);
  });

  it('given a rep who starts in week 3 and is silent in week 5, when built, then they have no row before week 3 nor for week 5', () => {
    const store = steadyRep(new StoreBuilder());
    for (const w of [3, 4, 6, 7, 8, 9]) store.on('ben', w, 0, 'attempt');

    const panel = buildPanel(store.table(), calendar(), options());

    const first = Math.min(...panel.week);
    const bensWeeks = [...panel.person].flatMap((p, i) => (p === 1 ? [panel.week[i]! - first] : []));
    expect(bensWeeks).toEqual([3, 4, 6, 7]);
  });

  it('given ten weeks of data and a lag of 1–2, when built, then the last two weeks have no row (their sales are not in yet)', () => {
    const panel = buildPanel(steadyRep(new StoreBuilder()).table(), calendar(), options());

    expect(panel.week.length).toBe(8);
  });

  it('given two leads, one answered in 10 minutes and one in two hours, and a week without leads, then the share is 0.5 and undefined', () => {
    const store = steadyRep(new StoreBuilder()).lead('ana', 1, 0, 10).lead('ana', 1, 2, 120);
    const responses = [{ id: 'fast', from: 'lead', to: 'attempt', withinMinutes: 15 }];

    const panel = buildPanel(store.table(), calendar(), options({ responses }));

    const share = panel.measures.find((m) => m.id === 'fast')!;
    expect(share.kind).toBe('share');
    expect(share.values[1]).toBe(0.5);
    expect(share.values[0]).toBeNaN();
  });

  it('given opening hours and a lead never answered beside one answered in 10 minutes, when built, then the share is 0.5 (no crash on the missing answer)', () => {
    const store = steadyRep(new StoreBuilder()).lead('ana', 1, 0, 10).lead('ana', 1, 2, null);
    const withHours = new DealershipCalendar({
      timeZone: 'UTC',
      workingDays: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'],
      holidays: [],
      hours: { open: '09:00', close: '19:00' },
    });
    const responses = [{ id: 'fast', from: 'lead', to: 'attempt', withinMinutes: 15 }];

    const panel = buildPanel(store.table(), withHours, options({ responses }));

    expect(panel.measures.find((m) => m.id === 'fast')!.values[1]).toBe(0.5);
  });

  it('given a lag window that starts at the activity week itself, when built, then it is refused', () => {
    expect(() => buildPanel(new StoreBuilder().table(), calendar(), options({ lag: { from: 0, to: 2 } }))).toThrow(
      expect.objectContaining({ code: 'INVALID_LAG' }),
    );
  });

  it('given an outcome step the model does not have, when built, then it is refused by name', () => {
    expect(() => buildPanel(new StoreBuilder().table(), calendar(), options({ outcomeStep: 'delivered' }))).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_STEP' }),
    );
  });
});
