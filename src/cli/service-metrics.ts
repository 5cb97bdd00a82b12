/**
 * What `serve` tells Prometheus (GET /metrics): per dealership, its runs by result, how long they took, what they
 * read per object and wrote, its API calls and the org's API usage, the weaknesses its last run found by diagnosis,
 * and the time of its last successful run. A registry per process, so
 * tests and several services in one process never share counters.
 */
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { DIAGNOSES } from '../config/schema/measures';
import type { CoachingResult } from '../core';
import type { RunReport } from '../sync/run-cycle';

export class ServiceMetrics {
  readonly registry = new Registry();
  private readonly runs = new Counter({
    name: 'execution_coach_runs_total',
    help: 'Sync runs by dealership (config) and result.',
    labelNames: ['org', 'result'],
    registers: [this.registry],
  });
  private readonly duration = new Histogram({
    name: 'execution_coach_run_duration_seconds',
    help: 'Wall time of a sync run.',
    labelNames: ['org'],
    buckets: [1, 5, 15, 30, 60, 120, 300, 600, 1800],
    registers: [this.registry],
  });
  private readonly read = new Counter({
    name: 'execution_coach_records_read_total',
    help: 'Records read (changed or deleted) by dealership and object.',
    labelNames: ['org', 'object'],
    registers: [this.registry],
  });
  private readonly written = new Counter({
    name: 'execution_coach_records_written_total',
    help: 'Records written by dealership and outcome (created, updated, failed).',
    labelNames: ['org', 'outcome'],
    registers: [this.registry],
  });
  private readonly apiCalls = new Counter({
    name: 'execution_coach_api_calls_total',
    help: 'Salesforce API calls by dealership.',
    labelNames: ['org'],
    registers: [this.registry],
  });
  private readonly apiUsage = new Gauge({
    name: 'execution_coach_api_usage_ratio',
    help: "Share of the org's daily API allowance used, as the last run's last response reported it (0-1).",
    labelNames: ['org'],
    registers: [this.registry],
  });
  private readonly findings = new Gauge({
    name: 'execution_coach_findings',
    help: 'Weaknesses the last complete run found (each an open flag), by diagnosis and scope (rep or team).',
    labelNames: ['org', 'diagnosis', 'scope'],
    registers: [this.registry],
  });
  private readonly lastSuccess = new Gauge({
    name: 'execution_coach_last_success_timestamp_seconds',
    help: 'When the dealership last finished a run with result ok (Unix time).',
    labelNames: ['org'],
    registers: [this.registry],
  });

  /** A run that ended with a report (ok, or failed with records not written). */
  recordRun(org: string, report: RunReport, seconds: number, now: number): void {
    this.runs.inc({ org, result: report.result });
    this.duration.observe({ org }, seconds);
    for (const read of report.reads) this.read.inc({ org, object: read.object }, read.records + read.deleted);
    const writes = report.writes;
    if (writes) {
      this.written.inc({ org, outcome: 'created' }, writes.created);
      this.written.inc({ org, outcome: 'updated' }, writes.updated);
      this.written.inc({ org, outcome: 'failed' }, writes.failed);
    }
    this.apiCalls.inc({ org }, report.apiCalls.total);
    if (report.apiUsage && report.apiUsage.limit > 0)
      this.apiUsage.set({ org }, report.apiUsage.used / report.apiUsage.limit);
    // A run that found nothing new to compute (unchanged since the last) leaves the last figures standing.
    if (report.coaching) this.setFindings(org, report.coaching);
    if (report.result === 'ok') this.lastSuccess.set({ org }, now / 1000);
  }

  private setFindings(org: string, coaching: CoachingResult): void {
    for (const diagnosis of DIAGNOSES)
      for (const [scope, found] of [
        ['rep', coaching.findings],
        ['team', coaching.teamFindings],
      ] as const)
        this.findings.set({ org, diagnosis, scope }, found.filter((f) => f.diagnosis === diagnosis).length);
  }

  /** A run that ended in an error before it had a report (login refused, config no longer fits, …). */
  recordFailure(org: string, result: string, seconds: number): void {
    this.runs.inc({ org, result });
    this.duration.observe({ org }, seconds);
  }
}
