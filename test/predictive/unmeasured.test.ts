import { buildPanel, type Panel } from '../../src/core/predictive-panel';
import { unmeasuredActivity } from '../../src/core/predictive-unmeasured';
import { calendar, endOfWeek, STEPS, StoreBuilder } from './builders';

const LAST_DAY = endOfWeek(9);
const TABLE_STEPS = [...STEPS, 'touch:stale', 'due:stale', 'touch:cold'];

/** A rep at work every week 0–9 (one e-mail each Monday), so every week 0–7 has a row with lag 1–2. */
function steadyRep(store: StoreBuilder, id = 'ana'): StoreBuilder {
  for (let w = 0; w <= 9; w++) store.on(id, w, 0, 'email');
  return store;
}

function measured(store: StoreBuilder, holidays: string[] = []): { panel: Panel; values: Float64Array } {
  const table = store.table(TABLE_STEPS);
  const options = { outcomeStep: 'sold', countSteps: [], lag: { from: 1, to: 2 }, lastDay: LAST_DAY };
  const panel = buildPanel(table, calendar(holidays), options);
  const touches = ['touch:stale', 'touch:cold'];
  return { panel, values: unmeasuredActivity(table, calendar(holidays), panel, touches, LAST_DAY).values };
}

function valueAt({ panel, values }: { panel: Panel; values: Float64Array }, week: number): number {
  const first = Math.min(...panel.week);
  return values[[...panel.week].findIndex((w, i) => panel.person[i] === 0 && w === first + week)] as number;
}

describe('activity no step measures, per person-week', () => {
  it('given a week with four touches of records no step counted and one of a logged call, when measured, then four over six working days, and no touches is zero', () => {
    const store = steadyRep(new StoreBuilder());
    for (let k = 0; k < 4; k++) store.about('ana', 2, k, 'touch:stale', `lead-${k}`);
    store.about('ana', 2, 4, 'attempt', 'lead-9', 600, 'call').about('ana', 2, 4, 'touch:stale', 'lead-9', 600, 'call');

    const result = measured(store);

    expect(valueAt(result, 2)).toBeCloseTo(4 / 6);
    expect(valueAt(result, 3)).toBe(0);
  });

  it('given one e-mail touched by two staleLead measures and an open task due that week, when measured, then it is one activity and the task none', () => {
    const store = steadyRep(new StoreBuilder())
      .about('ana', 4, 1, 'touch:stale', 'lead-1', 600, 'mail')
      .about('ana', 4, 1, 'touch:cold', 'lead-1', 600, 'mail')
      .about('ana', 4, 2, 'due:stale', 'lead-2', 0, 'open-task');

    const result = measured(store, ['2026-03-31']);

    // 2026-03-31 is the Tuesday of week 4: five working days left.
    expect(valueAt(result, 4)).toBeCloseTo(1 / 5);
  });
});
