import { openStateStore } from '../../src/state/state-store';
import { Clock, DAY, givenAnOrgWithStaleLeads, HOUR, NOW, run } from './story';

describe('retention', () => {
  it('given a new state, then the first day prunes nothing and the first run of the next day prunes once', async () => {
    const clock = new Clock(NOW);
    const { org } = givenAnOrgWithStaleLeads(clock);
    const state = openStateStore(':memory:');
    const prunes: number[] = [];
    const prune = state.pruneEventsBefore.bind(state);
    state.pruneEventsBefore = (ms) => {
      prunes.push(ms);
      return prune(ms);
    };

    await run(org, state, clock, 'day1-a');
    clock.at += HOUR;
    await run(org, state, clock, 'day1-b');
    expect(prunes).toEqual([]);

    clock.at += DAY;
    await run(org, state, clock, 'day2-a');
    clock.at += HOUR;
    await run(org, state, clock, 'day2-b');
    expect(prunes).toHaveLength(1);
    expect(prunes[0]).toBeLessThan(clock.at - 60 * DAY);
  });
});
