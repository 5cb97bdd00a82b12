import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig, toCoachModel } from '../../src/config';
import type { CoachModel, MeasureModel } from '../../src/core/model';

const ROOT = join(__dirname, '..', '..');
const FILE = 'config/dealership.yaml';

describe('the reference dealership config', () => {
  const config = loadConfig(FILE, { cwd: ROOT });
  const model: CoachModel = toCoachModel(config);
  const measure = (id: string): MeasureModel | undefined => model.measures.find((m) => m.id === id);

  it('given the file, then its first line points editors at the generated JSON Schema', () => {
    const firstLine = readFileSync(join(ROOT, FILE), 'utf8').split('\n')[0];
    expect(firstLine).toBe('# yaml-language-server: $schema=./execution-coach.schema.json');
  });

  it('given the file, then it maps the steps of ARCHITECTURE.md §5.1 in funnel order, the no-show beside the show', () => {
    expect(model.steps.map((step) => [step.id, step.object, step.repField, step.subjectField])).toEqual([
      ['lead', 'Lead', 'OwnerId', 'Id'],
      ['attempt', 'Task', 'OwnerId', 'WhoId'],
      ['contact', 'Task', 'OwnerId', 'WhoId'],
      ['appointment_set', 'Event', 'CreatedById', 'WhoId'],
      ['appointment_shown', 'Event', 'OwnerId', 'WhoId'],
      ['no_show', 'Event', 'OwnerId', 'WhoId'],
      ['needs_analysis', 'OpportunityHistory', 'Opportunity.OwnerId', 'OpportunityId'],
      ['demo', 'OpportunityHistory', 'Opportunity.OwnerId', 'OpportunityId'],
      ['write_up', 'OpportunityHistory', 'Opportunity.OwnerId', 'OpportunityId'],
      ['sold', 'OpportunityHistory', 'Opportunity.OwnerId', 'OpportunityId'],
    ]);
    const step = (id: string) => model.steps.find((s) => s.id === id);
    expect(step('attempt')).toMatchObject({
      match: { Type: 'Call', CallType: 'Outbound', Status: 'Completed' },
      durationField: 'CallDurationInSeconds',
    });
    expect(step('contact')).toMatchObject({
      match: { Type: 'Call', CallDisposition: 'Contacted' },
      durationField: 'CallDurationInSeconds',
    });
    expect(step('appointment_shown')?.match).toEqual({ Type: 'Appointment', Appointment_Status__c: 'Showed' });
    expect(step('sold')?.match).toEqual({ StageName: 'Closed Won' });
    expect(step('lead')?.match).toEqual({});
  });

  it('given the file, then the targets are the benchmark figures its comments cite', () => {
    expect(measure('lead_response')).toMatchObject({
      kind: 'responseTime',
      from: 'lead',
      to: 'attempt',
      slaMinutes: 30,
      target: 0.8,
      diagnosis: 'Activity',
    });
    expect(measure('outbound_calls')).toMatchObject({ kind: 'volume', step: 'attempt', perDay: 'goal' });
    expect(measure('contact_rate')).toMatchObject({ target: 0.63, basis: 'subject', diagnosis: 'Skill' });
    expect(measure('appointment_set_rate')).toMatchObject({ from: 'contact', to: 'appointment_set', target: 0.6 });
    expect(measure('show_rate')).toMatchObject({ target: 0.58 });
    expect(measure('demo_rate')).toMatchObject({ basis: 'count', target: 0.75 });
    expect(measure('write_up_rate')).toMatchObject({ basis: 'subject', target: 0.7 });
    expect(measure('close_rate')).toMatchObject({ from: 'write_up', to: 'sold', target: 0.6 });
    expect(measure('demo_before_sale')).toMatchObject({
      kind: 'sequence',
      step: 'sold',
      requires: ['demo'],
      maxSkipShare: 0.1,
      diagnosis: 'Knowledge',
    });
    expect(measure('needs_analysis_before_write_up')).toMatchObject({
      step: 'write_up',
      requires: ['needs_analysis'],
      maxSkipShare: 0.15,
      diagnosis: 'Knowledge',
    });
    expect(measure('overdue_follow_ups')).toMatchObject({
      match: { Type: 'Follow-Up', IsClosed: false },
      maxAllowed: 3,
      valueStep: 'contact',
    });
    expect(measure('stale_leads')).toMatchObject({
      closedStatuses: ['Closed - Converted', 'Closed - Not Converted'],
      days: 3,
      maxAllowed: 5,
      valueStep: 'lead',
    });
    expect(measure('call_integrity')).toMatchObject({
      steps: ['attempt', 'contact'],
      burst: { count: 10, withinMinutes: 5 },
      minDuration: { steps: ['contact'], minSeconds: 20 },
      maxSuspiciousShare: 0.05,
    });
    expect(model.measures).toHaveLength(13);
  });

  it('given the file, then team, goals and dealership are those of the reference model', () => {
    expect(model.team).toEqual({
      salespeople: { Title: 'Sales Consultant', IsActive: true },
      setters: { Title: 'BDC Agent', IsActive: true },
      managerField: 'ManagerId',
      storeField: 'Department',
    });
    expect(model.goals).toEqual({
      step: 'sold',
      defaultMonthly: 10,
      overrides: {},
      userField: 'Monthly_Unit_Goal__c',
      funnel: ['attempt', 'contact', 'appointment_set', 'appointment_shown', 'demo', 'write_up', 'sold'],
    });
    expect(model.dealership).toMatchObject({
      timeZone: 'America/Chicago',
      workingDays: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'],
      hours: { open: '09:00', close: '20:00' },
    });
  });

  it('given the config, then the core model carries no connection, schedule or write mode', () => {
    expect(Object.keys(model).sort()).toEqual([
      'coaching',
      'dealership',
      'goals',
      'measures',
      'steps',
      'team',
      'writeBack',
    ]);
    expect(model.writeBack).not.toHaveProperty('mode');
    expect(config.writeBack.mode).toBe('preview');
  });
});
