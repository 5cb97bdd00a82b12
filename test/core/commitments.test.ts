import type { CommitmentCheck } from '../../src/core/commitment-check';
import { type DecidedFlag, progressLines, quoted } from '../../src/core/commitments';
import { modelBuilder, openFlag, ratio, staleLead } from './builders';

const model = modelBuilder().measures(ratio(), staleLead()).build();

function decided(over: Partial<DecidedFlag> & Pick<DecidedFlag, 'decidedOn'>): DecidedFlag {
  return {
    key: `v1:set_rate:A:${over.decidedOn}`,
    repId: 'A',
    measure: 'set_rate',
    status: 'Improved',
    commitment: 'Ask for the appointment on every contact',
    outcome: 'Appointment set rate 10% → 35% since 2026-11-16',
    ...over,
  };
}

/** Rep A's set-rate flag, committed with these words and follow-up date. */
const committedFlag = (commitment: string, followUpDate: string) =>
  openFlag({ measure: 'set_rate', repId: 'A', openedOn: '2026-11-10', status: 'Committed', commitment, followUpDate });

const lines = (over: Partial<Parameters<typeof progressLines>[0]>): string[] =>
  progressLines({ model, open: [], checks: [], decided: [], since: '2026-11-16', today: '2026-11-24', ...over });

describe('the progress on last commitments', () => {
  it('given a check decided after last week’s agenda, then this week’s agenda quotes the commitment and the numbers', () => {
    expect(lines({ decided: [decided({ decidedOn: '2026-11-19' })] })).toEqual([
      'Appointment set rate: Improved (checked 2026-11-19). Committed: "Ask for the appointment on every contact". ' +
        'Appointment set rate 10% → 35% since 2026-11-16.',
    ]);
  });

  it('given a check decided before the previous period began, then it is not carried again', () => {
    expect(lines({ decided: [decided({ decidedOn: '2026-11-13' })] })).toEqual([]);
  });

  it('given a check made by this run, then it is listed once, with the commitment of its flag', () => {
    const flag = committedFlag('Role-play the close twice a week', '2026-11-24');
    const check: CommitmentCheck = {
      flagKey: flag.key,
      repId: 'A',
      measure: 'set_rate',
      status: 'Not Improved',
      before: 0.1,
      after: 0.12,
      text: 'Appointment set rate 10% → 12% since 2026-11-17',
    };
    expect(
      lines({ open: [flag], checks: [check], decided: [decided({ key: flag.key, decidedOn: '2026-11-24' })] }),
    ).toEqual([
      'Appointment set rate: Not Improved (checked 2026-11-24). Committed: "Role-play the close twice a week". ' +
        'Appointment set rate 10% → 12% since 2026-11-17.',
    ]);
  });

  it('given a pending commitment and a flag not improved, then the first is quoted with its date, the second asks for a new one', () => {
    const committed = committedFlag('Call back every lead the same day', '2026-11-27');
    const notImproved = openFlag({
      measure: 'stale_leads',
      repId: 'A',
      openedOn: '2026-11-02',
      status: 'Not Improved',
    });
    expect(lines({ open: [committed, notImproved] })).toEqual([
      'Appointment set rate: committed "Call back every lead the same day", follow-up 2026-11-27.',
      'Stale leads: not improved after the last commitment; a new one is needed.',
    ]);
  });

  it('given a commitment with line breaks, control characters or great length, then it is quoted on one clean line', () => {
    expect(quoted('Call\r\nevery\u0007 lead\u202e today')).toBe('"Call every lead today"');
    expect(quoted('   ')).toBe('no commitment written');
    expect(quoted('x'.repeat(500))).toHaveLength(202);
  });
});
