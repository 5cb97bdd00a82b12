/**
 * `coaching.leakSource` through the compute phase: with `store`, the run analyses the state's
 * whole history as `analyze` does and a salesperson's calls flag is priced by the store's own
 * effect of calls on later sales; left at `chain`, the same state gives today's flag.
 */
import { compileMapper, type CoachModel, type Finding, type StepEvent } from '../../src/core';
import { seededRandom } from '../../src/core/seeded-random';
import { openStateStore, type StateStore } from '../../src/state/state-store';
import { computeFromState } from '../../src/sync/compute-phase';
import type { StoredRecord } from '../../src/sync/ports';
import { modelBuilder, volume } from '../core/builders';
import { sfDatetime } from '../state/builders';

const DAY = 86_400_000;
/** Monday 2026-06-01, 15:00 UTC: 10:00 in Chicago, the store's zone. */
const FIRST_MONDAY = Date.UTC(2026, 5, 1, 15, 0, 0);
const WEEKS = 20;
/** The Tuesday after the last week. */
const NOW = FIRST_MONDAY + (WEEKS * 7 + 1) * DAY;
const repId = (i: number): string => `005000000000REP${String(i).padStart(3, '0')}`;
const SLOW = repId(0);

/**
 * 10 salespeople over 20 weeks: calls a working day drawn from 2–8 each week, sales the next
 * week ≈ 0.6 × last week's calls a day; the first rep makes one call a day in the last 5 weeks.
 */
function givenAStoreWhoseSalesFollowCalls(): StateStore {
  const random = seededRandom(7);
  const draw = (low: number, high: number): number => low + Math.floor(random() * (high - low + 1));
  const users: StoredRecord[] = [];
  const tasks: StoredRecord[] = [];
  const sales: StoredRecord[] = [];
  for (let p = 0; p < 10; p++) {
    const user = repId(p);
    const record = { Id: user, Name: `Rep ${p}`, IsActive: true, Title: 'Sales Consultant', Department: 'North' };
    users.push({ id: user, systemModstamp: sfDatetime(FIRST_MONDAY), events: [], facts: [{ kind: 'user', record }] });
    let callsLastWeek = 0;
    for (let w = 0; w < WEEKS; w++) {
      const callsPerDay = user === SLOW && w >= WEEKS - 5 ? 1 : draw(2, 8);
      const id = `00T${user.slice(-6)}W${w}`;
      const events: StepEvent[] = [];
      for (let d = 0; d < 6; d++)
        for (let k = 0; k < callsPerDay; k++)
          // Ten minutes apart: no burst.
          events.push({
            step: 'attempt',
            user,
            subject: `00Q${id}${d}${k}`,
            at: FIRST_MONDAY + (w * 7 + d) * DAY + k * 600_000,
            recordId: id,
          });
      tasks.push({ id, systemModstamp: sfDatetime(FIRST_MONDAY + w * 7 * DAY), events, facts: [] });
      const saleId = `006${user.slice(-6)}W${w}`;
      const sold = Array.from({ length: Math.floor(0.6 * callsLastWeek + random()) }, (_, k) => ({
        step: 'sold',
        user,
        subject: `${saleId}${k}`,
        at: FIRST_MONDAY + (w * 7 + 2) * DAY + k * 3_600_000,
        recordId: saleId,
      }));
      sales.push({ id: saleId, systemModstamp: sfDatetime(FIRST_MONDAY), events: sold, facts: [] });
      callsLastWeek = callsPerDay;
    }
  }
  const state = openStateStore(':memory:');
  state.applyPage('User', users, [], null);
  state.applyPage('Task', tasks, [], null);
  state.applyPage('OpportunityHistory', sales, [], null);
  return state;
}

function callsFlag(model: CoachModel, state: StateStore): Finding | undefined {
  const { coaching } = computeFromState({ model, mapper: compileMapper(model), state, now: NOW });
  return coaching.findings.find((f) => f.repId === SLOW && f.measure === 'calls');
}

describe('the leak source of a run', () => {
  const state = givenAStoreWhoseSalesFollowCalls();
  afterAll(() => state.close());
  const model = (leakSource?: 'chain' | 'store'): CoachModel =>
    modelBuilder()
      .measures(volume({ id: 'calls', perDay: 4 }))
      .coaching(leakSource === undefined ? {} : { leakSource })
      .build();

  it('given a store whose sales follow calls and leakSource store, when the compute phase runs, then the slow caller’s flag is priced by the store’s own history', () => {
    const flag = callsFlag(model('store'), state);

    expect(flag?.evidence).toMatch(
      new RegExp(
        "\nEstimated cost: by this store's own history \\(analyze: predictive here, from 10 salespeople and \\d+ " +
          'person-weeks: one more a working day goes with [\\d.]+…[\\d.]+ more units a week, 95% interval, in each ' +
          'of weeks 1–4 after; the low end is used\\): shortfall 3\\.042 a working day × [\\d.]+ × 4 weeks after × ' +
          '4\\.333 weeks a month = [\\d.]+ units a month\\.\n',
      ),
    );
    // What was planted: 0.6 sales a week per call a day, so 3.042 calls a day fewer lose 7.9 units a month. The low
    // end vouches for less than that, never more.
    const planted = 3.042 * 0.6 * (52 / 12);
    expect(flag?.lostUnits).toBeLessThan(planted);
    expect(flag?.lostUnits).toBeGreaterThan(planted / 2);
  });

  it('given the same store with the switch left out or at chain, then the chain’s formula, as before the switch existed', () => {
    const chain = /\nEstimated cost: shortfall 73 × conversion [\d.]+ × [\d.]+ \(month ÷ window working days\) = /;

    expect(callsFlag(model(), state)?.evidence).toMatch(chain);
    expect(callsFlag(model('chain'), state)?.evidence).toMatch(chain);
  });
});
