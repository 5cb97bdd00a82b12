/**
 * What serve tells Prometheus about a dealership's runs: counts by result, duration, records read and written, API
 * calls and usage, the weaknesses the last run found by diagnosis and scope, and the last success.
 */
import type { CoachingResult } from '../../src/core';
import { newMapStats } from '../../src/core';
import { ServiceMetrics } from '../../src/cli/service-metrics';
import type { RunReport } from '../../src/sync/run-cycle';

type Found = Pick<CoachingResult['findings'][number], 'diagnosis'>;

function coachingWith(rep: Found[], team: Found[]): CoachingResult {
  return { findings: rep, teamFindings: team } as unknown as CoachingResult;
}

function aReport(overrides: Partial<RunReport> = {}): RunReport {
  return {
    runId: 'r1',
    result: 'ok',
    runEnd: 0,
    reads: [
      { object: 'Task', records: 120, deleted: 3, pages: 1, bad: 0, repeated: 0, incremental: true, changed: 123 },
      { object: 'Lead', records: 7, deleted: 0, pages: 1, bad: 0, repeated: 0, incremental: true, changed: 7 },
    ],
    mapStats: newMapStats(),
    coaching: coachingWith(
      [{ diagnosis: 'Skill' }, { diagnosis: 'Skill' }, { diagnosis: 'Activity' }],
      [{ diagnosis: 'Knowledge' }],
    ),
    reps: [],
    userNames: new Map(),
    plan: null,
    writes: { created: 4, updated: 2, skipped: 9, failed: 1, failures: [] },
    apiCalls: { read: 6, write: 3, total: 9 },
    apiUsage: { used: 2_500, limit: 100_000 },
    errors: [],
    unchangedSince: null,
    ...overrides,
  };
}

async function metricLines(metrics: ServiceMetrics, name: string): Promise<string[]> {
  const text = await metrics.registry.metrics();
  return text.split('\n').filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `));
}

describe('the metrics of serve', () => {
  it('given an ok run, then its result, reads per object, writes, API calls and usage, findings and last success are recorded', async () => {
    const metrics = new ServiceMetrics();
    metrics.recordRun('north.yaml', aReport(), 12, 1_764_000_000_000);

    expect(await metricLines(metrics, 'execution_coach_runs_total')).toEqual([
      'execution_coach_runs_total{org="north.yaml",result="ok"} 1',
    ]);
    expect(await metricLines(metrics, 'execution_coach_records_read_total')).toEqual([
      'execution_coach_records_read_total{org="north.yaml",object="Task"} 123',
      'execution_coach_records_read_total{org="north.yaml",object="Lead"} 7',
    ]);
    expect(await metricLines(metrics, 'execution_coach_records_written_total')).toEqual([
      'execution_coach_records_written_total{org="north.yaml",outcome="created"} 4',
      'execution_coach_records_written_total{org="north.yaml",outcome="updated"} 2',
      'execution_coach_records_written_total{org="north.yaml",outcome="failed"} 1',
    ]);
    expect(await metricLines(metrics, 'execution_coach_api_calls_total')).toEqual([
      'execution_coach_api_calls_total{org="north.yaml"} 9',
    ]);
    expect(await metricLines(metrics, 'execution_coach_api_usage_ratio')).toEqual([
      'execution_coach_api_usage_ratio{org="north.yaml"} 0.025',
    ]);
    expect(await metricLines(metrics, 'execution_coach_findings')).toEqual([
      'execution_coach_findings{org="north.yaml",diagnosis="Knowledge",scope="rep"} 0',
      'execution_coach_findings{org="north.yaml",diagnosis="Knowledge",scope="team"} 1',
      'execution_coach_findings{org="north.yaml",diagnosis="Skill",scope="rep"} 2',
      'execution_coach_findings{org="north.yaml",diagnosis="Skill",scope="team"} 0',
      'execution_coach_findings{org="north.yaml",diagnosis="Activity",scope="rep"} 1',
      'execution_coach_findings{org="north.yaml",diagnosis="Activity",scope="team"} 0',
    ]);
    expect(await metricLines(metrics, 'execution_coach_last_success_timestamp_seconds')).toEqual([
      'execution_coach_last_success_timestamp_seconds{org="north.yaml"} 1764000000',
    ]);
    expect(await metricLines(metrics, 'execution_coach_run_duration_seconds_count')).toEqual([
      'execution_coach_run_duration_seconds_count{org="north.yaml"} 1',
    ]);
  });

  it('given a run that computed nothing (unchanged) after one that found weaknesses, then the findings stand; a failed run sets no last success', async () => {
    const metrics = new ServiceMetrics();
    metrics.recordRun('north.yaml', aReport(), 12, 1_000_000);
    metrics.recordRun('north.yaml', aReport({ coaching: null, unchangedSince: 'r1' }), 1, 2_000_000);
    metrics.recordRun('north.yaml', aReport({ result: 'failed' }), 1, 3_000_000);
    metrics.recordFailure('north.yaml', 'stopped', 2);

    expect(await metricLines(metrics, 'execution_coach_findings')).toContain(
      'execution_coach_findings{org="north.yaml",diagnosis="Skill",scope="rep"} 2',
    );
    expect(await metricLines(metrics, 'execution_coach_last_success_timestamp_seconds')).toEqual([
      'execution_coach_last_success_timestamp_seconds{org="north.yaml"} 2000',
    ]);
    expect(await metricLines(metrics, 'execution_coach_runs_total')).toEqual([
      'execution_coach_runs_total{org="north.yaml",result="ok"} 2',
      'execution_coach_runs_total{org="north.yaml",result="failed"} 1',
      'execution_coach_runs_total{org="north.yaml",result="stopped"} 1',
    ]);
  });
});
