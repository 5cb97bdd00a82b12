/**
 * A step that matches nothing for the whole team while the step before it has many events is a probable
 * mis-mapping: its measures are not judged (no flag on every rep) and the run names it.
 */
import { MIN_UPSTREAM_EVENTS, stepsRead } from '../../src/core/silent-steps';
import {
  event,
  events,
  integrity,
  local,
  modelBuilder,
  overdue,
  ratio,
  rep,
  responseTime,
  run,
  sequence,
  staleLead,
  volume,
} from './builders';

const day = (d: number, time = '10:00'): number => local(`2026-11-${String(d).padStart(2, '0')}`, time);
const reps = [rep('A'), rep('B')];

/** `contacts` contacts each for A and B, and `sets` appointments set by each on the first of them. */
function contactsAndSets(contacts: number, sets: number) {
  return reps.flatMap(({ id }) => [
    ...events('contact', id, contacts, day(3), (i) => `${id}-C${i}`),
    ...Array.from({ length: sets }, (_, i) => event('appointment_set', id, `${id}-C${i}`, day(4) + i * 60_000)),
  ]);
}

describe('a step that matches nothing', () => {
  const model = modelBuilder().measures(ratio()).build();

  it('given contacts and not one appointment set by anyone, then the set rate is not judged and the step is named', () => {
    const coaching = run(model, { reps, events: contactsAndSets(30, 0) });
    expect(coaching.findings).toEqual([]);
    expect(coaching.teamFindings).toEqual([]);
    // The test model's goal funnel goes from contact to appointment shown: none of those either, no measure reads it.
    expect(coaching.silentSteps).toEqual([
      { step: 'appointment_set', upstream: 'contact', upstreamEvents: 60, measures: ['set_rate'] },
      { step: 'appointment_shown', upstream: 'contact', upstreamEvents: 60, measures: [] },
    ]);
  });

  it('given appointments set by one rep, then the step is mapped and the rep with none is judged', () => {
    const setsOfB = Array.from({ length: 18 }, (_, i) => event('appointment_set', 'B', `B-C${i}`, day(4) + i * 60_000));
    const events = [...contactsAndSets(30, 0), ...setsOfB];
    const coaching = run(model, { reps, events });
    expect(coaching.silentSteps.map((silent) => silent.step)).not.toContain('appointment_set');
    expect(coaching.findings.map((f) => `${f.repId}:${f.measure}`)).toContain('A:set_rate');
  });

  it('given a rep with no peers, contacts and no appointment set, then no flag (the target alone would give one)', () => {
    const alone = [rep('A')];
    const contacts = events('contact', 'A', 40, day(3), (i) => `A-C${i}`);
    expect(run(model, { reps: alone, events: contacts }).findings).toEqual([]);
    // The same rep with one appointment set: the step is mapped, and 1 of 40 against 60% is flagged.
    const one = [...contacts, event('appointment_set', 'A', 'A-C0', day(4))];
    expect(run(model, { reps: alone, events: one }).findings.map((f) => f.measure)).toEqual(['set_rate']);
  });

  it(`given fewer than ${MIN_UPSTREAM_EVENTS} contacts in all, then none set is no evidence of a wrong mapping`, () => {
    const coaching = run(model, { reps: [rep('A')], events: events('contact', 'A', MIN_UPSTREAM_EVENTS - 1, day(3)) });
    expect(coaching.silentSteps).toEqual([]);
    const enough = run(model, { reps: [rep('A')], events: events('contact', 'A', MIN_UPSTREAM_EVENTS, day(3)) });
    expect(enough.silentSteps.map((silent) => silent.step)).toContain('appointment_set');
  });

  it('given sales and no demo recorded by anyone, then the demo requirement is not judged as skipped by everyone', () => {
    const sequenceModel = modelBuilder().measures(sequence()).build();
    const sales = reps.flatMap(({ id }) => events('sold', id, 20, day(5), (i) => `${id}-O${i}`));
    const coaching = run(sequenceModel, { reps, events: sales });
    expect(coaching.findings).toEqual([]);
    expect(coaching.silentSteps).toEqual([
      expect.objectContaining({ step: 'demo', upstream: 'sold', upstreamEvents: 40 }),
    ]);
  });
});

describe('the steps each kind of measure reads', () => {
  it('given each kind, then its steps: both ends of a rate or a wait, the step counted, the sale and what it needs', () => {
    expect(stepsRead(ratio())).toEqual(['contact', 'appointment_set']);
    expect(stepsRead(responseTime())).toEqual(['lead', 'attempt']);
    expect(stepsRead(volume())).toEqual(['attempt']);
    expect(stepsRead(sequence())).toEqual(['sold', 'demo']);
    expect(stepsRead(integrity())).toEqual(['attempt', 'contact']);
    expect(stepsRead(overdue())).toEqual([]);
    expect(stepsRead(staleLead())).toEqual([]);
  });

  it('given new leads and not one call logged, then the response time, the calls and the call check are not judged', () => {
    const model = modelBuilder().measures(responseTime(), volume(), integrity(), staleLead()).build();
    const leads = events('lead', 'A', 40, day(3));
    const coaching = run(model, { reps: [rep('A')], events: leads });
    expect(coaching.silentSteps).toEqual([
      { step: 'attempt', upstream: 'lead', upstreamEvents: 40, measures: ['lead_response', 'calls', 'real_calls'] },
    ]);
  });

  it('given a step silent after two steps, then it is named once, after the first', () => {
    const model = modelBuilder()
      .measures(ratio({ id: 'a', from: 'contact', to: 'demo' }), ratio({ id: 'b', from: 'attempt', to: 'demo' }))
      .build();
    const steps = [...events('contact', 'A', 35, day(3)), ...events('attempt', 'A', 50, day(3))];
    const named = run(model, { reps: [rep('A')], events: steps }).silentSteps.filter((s) => s.step === 'demo');
    expect(named).toEqual([{ step: 'demo', upstream: 'contact', upstreamEvents: 35, measures: ['a', 'b'] }]);
  });
});
