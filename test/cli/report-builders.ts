/**
 * Builders of the report's model (`ReportInput`) for the CLI's renderers, from the core's own computation over a
 * small made-up dealership: the scorecard page is tested on what `buildReport` would hand it, not on a hand-written
 * copy of it.
 */
import type { ReportInput } from '../../src/cli/render-report';
import type { Effectiveness, OpenFlag, Rep, StepEvent } from '../../src/core';
import { events, local, modelBuilder, ratio, rep, run, volume } from '../core/builders';

export interface ReportOptions {
  /** The reps (default: A and B at North, C at South, setter S at North). */
  reps?: Rep[];
  openFlags?: OpenFlag[];
  effectiveness?: Effectiveness[];
  names?: Record<string, string>;
}

/** A rep's contacts, appointments set from some of them, and sales from some of those, in the 2026-11 window. */
function funnelEvents(repId: string, contacts: number, sets: number, sales: number): StepEvent[] {
  const start = local('2026-11-02', '09:00');
  const customer = (i: number): string => `cust-${repId}-${i}`;
  return [
    ...events('contact', repId, contacts, start, customer),
    ...events('appointment_set', repId, sets, start + 1_800_000, customer),
    ...events('sold', repId, sales, start + 3_600_000 * 2, customer),
  ];
}

export const SET_RATE = 'set_rate';
export const CLOSE_RATE = 'close_rate';

/**
 * Given reps A and B at North and C at South (salespeople, manager MGR1) and S, a setter: A sets 5 appointments from 40
 * contacts (the team sets 30 of 40) and is flagged on the set rate; everyone closes a third of their appointments.
 */
export function reportInput(options: ReportOptions = {}): ReportInput {
  const model = modelBuilder()
    .measures(
      volume({ id: 'calls', perDay: 1, step: 'contact', label: 'Contacts' }),
      ratio({ id: SET_RATE, label: 'Appointment set rate', minSample: 10 }),
      ratio({
        id: CLOSE_RATE,
        label: 'Close rate',
        from: 'appointment_set',
        to: 'sold',
        target: 0.2,
        basis: 'count',
        minSample: 5,
      }),
    )
    .goals({ funnel: ['contact', 'appointment_set', 'sold'] })
    .build();
  const reps = options.reps ?? [
    rep('A'),
    rep('B'),
    rep('C', { store: 'South' }),
    rep('S', { name: 'Rep S', role: 'setter' }),
  ];
  const planted: Record<string, [number, number, number]> = { A: [40, 5, 2] };
  const coaching = run(model, {
    reps,
    events: reps.flatMap((r) => funnelEvents(r.id, ...(planted[r.id] ?? [40, 30, 10]))),
    openFlags: options.openFlags ?? [],
  });
  const names = new Map<string, string>([
    ['MGR1', 'Morgan Manager'],
    ...reps.map((r): [string, string] => [r.id, r.name]),
    ...Object.entries(options.names ?? {}),
  ]);
  return {
    model,
    coaching,
    reps,
    names,
    flags: { open: 0, openOnTeams: 0, committed: 0, improved: 0, notImproved: 0, resolved: 0 },
    effectiveness: options.effectiveness ?? [],
    openFlags: options.openFlags ?? [],
  };
}
