/**
 * What a sync prints about the run's judgement: counts read as a sentence, in the number each word needs.
 */
import type { CoachingResult, DesiredRecord } from '../../src/core';
import { newMapStats } from '../../src/core';
import { renderRun } from '../../src/cli/render-run';
import type { RunReport } from '../../src/sync/run-cycle';
import { modelBuilder, rep, windowOf } from '../core/builders';
import { T0 } from '../state/builders';

const model = modelBuilder().build();

/** Only the parts of a coaching result that the run's summary line reads. */
function coachingOf(findings: number, checks: number): CoachingResult {
  const partial: Pick<CoachingResult, 'window' | 'findings' | 'teamFindings' | 'checks' | 'silentSteps'> = {
    window: windowOf(model),
    findings: Array.from({ length: findings }, () => ({}) as CoachingResult['findings'][number]),
    teamFindings: [],
    checks: Array.from({ length: checks }, () => ({}) as CoachingResult['checks'][number]),
    silentSteps: [],
  };
  return partial as CoachingResult;
}

function reportOf(reps: RunReport['reps'], coaching: CoachingResult | null): RunReport {
  return {
    runId: 'r1',
    result: 'ok',
    runEnd: T0,
    reads: [],
    mapStats: newMapStats(),
    coaching,
    reps,
    plan: null,
    writes: null,
    apiCalls: { read: 0, write: 0, total: 0 },
    errors: [],
    userNames: new Map(),
    unchangedSince: null,
  };
}

describe('sync: the summary of what was measured', () => {
  it('given one salesperson, one setter, one weakness and one check, when rendered, then every word is singular', () => {
    const text = renderRun(
      reportOf([rep('A'), rep('S', { role: 'setter' })], coachingOf(1, 1)),
      'preview',
      model.writeBack,
    );
    expect(text).toContain('Measured 1 salesperson and 1 setter over ');
    expect(text).toContain(': 1 weakness flagged on reps, 0 on whole teams, 1 follow-up check.');
  });

  it('given two salespeople and no setter, when rendered, then the counts of many read as plurals', () => {
    const text = renderRun(reportOf([rep('A'), rep('B')], coachingOf(2, 0)), 'preview', model.writeBack);
    expect(text).toContain('Measured 2 salespeople and 0 setters over ');
    expect(text).toContain(': 2 weaknesses flagged on reps, 0 on whole teams, 0 follow-up checks.');
  });
});

describe('sync preview: whom a planned task is for', () => {
  it('given an agenda for a manager who is not a rep, when previewed, then the line names the manager, not an Id', () => {
    const agenda: DesiredRecord = {
      kind: 'agenda',
      object: 'Task',
      keyField: 'Coaching_Key__c',
      key: 'v1:agenda:A:2026-11-23',
      createOnly: { OwnerId: '005M', Status: 'Not Started' },
      fields: { Subject: '1:1 with Rep A: coach Appointment set' },
    };
    const report = {
      ...reportOf([rep('A')], null),
      userNames: new Map([['005M', 'Maria Lopez']]),
      plan: { creates: [{ record: agenda, hash: 'h', payload: {} }], updates: [], skips: [] },
    };
    expect(renderRun(report, 'preview', model.writeBack)).toContain(
      'create Task v1:agenda:A:2026-11-23  Maria Lopez — 1:1 with Rep A: coach Appointment set',
    );
  });

  it('given brief (serve), when rendered, then the run line, the judgement and the totals, without the reads per object', () => {
    const report = {
      ...reportOf([rep('A')], coachingOf(1, 0)),
      reads: [
        { object: 'Task', records: 12, deleted: 0, pages: 1, bad: 0, repeated: 0, incremental: true, changed: 12 },
      ],
    };
    const full = renderRun(report, 'preview', model.writeBack);
    const brief = renderRun(report, 'preview', model.writeBack, true);
    expect(full).toMatch(/\n {2}Task +12 records/);
    expect(brief).not.toContain('  Task');
    expect(brief.split('\n')[0]).toBe(full.split('\n')[0]);
    expect(brief).toContain('1 weakness flagged on reps');
  });
});

describe('sync: bad records in the summary', () => {
  it('given records refused by kind, when rendered, then the object line counts them bad and one line names each kind', () => {
    const report = {
      ...reportOf([rep('A')], null),
      reads: [
        { object: 'Task', records: 12, deleted: 0, pages: 1, bad: 3, repeated: 0, incremental: true, changed: 15 },
      ],
    };
    Object.assign(report.mapStats.bad, { ownerNotUser: 1, dateImplausible: 2 });
    const text = renderRun(report, 'preview', model.writeBack, true);
    expect(renderRun(report, 'preview', model.writeBack)).toMatch(
      /\n {2}Task +12 records, 0 deleted, 1 pages, 3 bad \(skipped\)/,
    );
    expect(text).toContain(
      'Bad records, nothing credited from them: 1 activity owned by a queue (ownerNotUser), 2 dated out of range (dateImplausible).',
    );
  });

  it('given no bad record, when rendered, then no such line', () => {
    expect(renderRun(reportOf([rep('A')], null), 'preview', model.writeBack)).not.toContain('Bad records');
  });
});

describe('sync: the API calls of a run', () => {
  it('given calls after the read, when rendered, then the total says how many read and how many looked up and wrote', () => {
    const report = { ...reportOf([], null), apiCalls: { read: 19, write: 6, total: 25 } };
    const text = renderRun(report, 'preview', model.writeBack);
    expect(text).toContain('API calls this run: 25 (19 reading, 6 looking up and writing the coaching records).');
  });

  it('given a run that only read, when rendered, then the total stands alone', () => {
    const report = { ...reportOf([], null), apiCalls: { read: 7, write: 0, total: 7 } };
    expect(renderRun(report, 'preview', model.writeBack)).toContain('API calls this run: 7.\n');
  });
});
