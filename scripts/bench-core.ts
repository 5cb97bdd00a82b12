/**
 * Benchmark of the pure core (`npm run bench:core`): one million step events for 300 reps,
 * measured, diagnosed and planned (goal plans, findings, desired writes) by computeCoaching,
 * as one sync run would. The data comes from a seeded PRNG, so every run measures the same
 * work. Prints the best of several runs after a warm-up, events per second, and peak memory.
 *
 * Options: --events N (default 1000000), --reps N (default 300), --runs N (default 5).
 */
import { writeBackSchema } from '../src/config/schema/write-back';
import { DealershipCalendar } from '../src/core/calendar';
import { computeCoaching } from '../src/core/coach';
import type { Fact } from '../src/core/facts';
import type { CoachModel, MeasureModel, Rep, StepEvent, StepModel } from '../src/core/model';
import { seededRandom } from '../src/sandbox/random';

const TARGET_EVENTS_PER_SECOND = 1_000_000;
const DAY = 86_400_000;
const NOW = Date.parse('2026-11-25T15:00:00Z');
const HISTORY_DAYS = 90;

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} needs a positive integer`);
  return value;
}

const stage = (id: string, label: string, name: string): StepModel => ({
  id,
  label,
  object: 'OpportunityHistory',
  timeField: 'CreatedDate',
  repField: 'Opportunity.OwnerId',
  subjectField: 'OpportunityId',
  match: { StageName: name },
});

const STEPS: StepModel[] = [
  {
    id: 'lead',
    label: 'New lead',
    object: 'Lead',
    timeField: 'CreatedDate',
    repField: 'OwnerId',
    subjectField: 'Id',
    match: {},
  },
  {
    id: 'attempt',
    label: 'Outbound call',
    object: 'Task',
    timeField: 'CompletedDateTime',
    repField: 'OwnerId',
    subjectField: 'WhoId',
    match: { Type: 'Call' },
    durationField: 'CallDurationInSeconds',
  },
  {
    id: 'contact',
    label: 'Contact',
    object: 'Task',
    timeField: 'CompletedDateTime',
    repField: 'OwnerId',
    subjectField: 'WhoId',
    match: { CallDisposition: 'Contacted' },
    durationField: 'CallDurationInSeconds',
  },
  {
    id: 'appointment_set',
    label: 'Appointment set',
    object: 'Event',
    timeField: 'CreatedDate',
    repField: 'CreatedById',
    subjectField: 'WhoId',
    match: { Type: 'Appointment' },
  },
  {
    id: 'appointment_shown',
    label: 'Appointment shown',
    object: 'Event',
    timeField: 'StartDateTime',
    repField: 'OwnerId',
    subjectField: 'WhoId',
    match: { Appointment_Status__c: 'Showed' },
  },
  stage('needs_analysis', 'Needs analysis', 'Needs Analysis'),
  stage('demo', 'Demo', 'Demo'),
  stage('write_up', 'Write-up', 'Write-Up'),
  stage('sold', 'Sold', 'Closed Won'),
];

/** Share of events per step, roughly a dealership's funnel. */
const STEP_MIX: Array<[string, number]> = [
  ['lead', 0.08],
  ['attempt', 0.45],
  ['contact', 0.2],
  ['appointment_set', 0.08],
  ['appointment_shown', 0.06],
  ['needs_analysis', 0.04],
  ['demo', 0.04],
  ['write_up', 0.03],
  ['sold', 0.02],
];

const base = { label: 'Measure', diagnosis: 'Activity' as const };
const MEASURES: MeasureModel[] = [
  { ...base, id: 'calls', label: 'Outbound calls', kind: 'volume', step: 'attempt', perDay: 14 },
  { ...base, id: 'contacts', label: 'Contacts', kind: 'volume', step: 'contact', perDay: 'goal' },
  {
    ...base,
    id: 'set_rate',
    label: 'Appointment set rate',
    diagnosis: 'Skill',
    kind: 'ratio',
    from: 'contact',
    to: 'appointment_set',
    target: 0.42,
    basis: 'subject',
  },
  {
    ...base,
    id: 'show_rate',
    label: 'Show rate',
    diagnosis: 'Skill',
    kind: 'ratio',
    from: 'appointment_set',
    to: 'appointment_shown',
    target: 0.58,
    basis: 'count',
  },
  {
    ...base,
    id: 'close_rate',
    label: 'Close rate',
    diagnosis: 'Skill',
    kind: 'ratio',
    from: 'demo',
    to: 'sold',
    target: 0.41,
    basis: 'subject',
  },
  {
    ...base,
    id: 'lead_response',
    label: 'Lead response',
    kind: 'responseTime',
    from: 'lead',
    to: 'attempt',
    slaMinutes: 30,
    target: 0.8,
  },
  {
    ...base,
    id: 'overdue',
    label: 'Overdue follow-ups',
    kind: 'overdue',
    object: 'Task',
    dueField: 'ActivityDate',
    repField: 'OwnerId',
    subjectField: 'WhoId',
    match: { Type: 'Follow-Up' },
    maxAllowed: 3,
    valueStep: 'contact',
  },
  {
    ...base,
    id: 'stale_leads',
    label: 'Stale leads',
    kind: 'staleLead',
    object: 'Lead',
    repField: 'OwnerId',
    touches: [],
    statusField: 'Status',
    closedStatuses: ['Closed - Converted', 'Closed - Not Converted'],
    days: 3,
    maxAllowed: 2,
    valueStep: 'lead',
  },
  {
    ...base,
    id: 'demo_before_sale',
    label: 'Demo before sale',
    diagnosis: 'Knowledge',
    kind: 'sequence',
    step: 'sold',
    requires: ['demo', 'needs_analysis'],
    maxSkipShare: 0.1,
  },
  {
    ...base,
    id: 'real_calls',
    label: 'Real calls',
    kind: 'integrity',
    steps: ['attempt', 'contact'],
    burst: { count: 10, withinMinutes: 5 },
    minDuration: { steps: ['contact'], minSeconds: 20 },
    maxSuspiciousShare: 0.05,
  },
];

const FLAG_FIELDS = [
  'key',
  'scope',
  'salesperson',
  'manager',
  'measure',
  'step',
  'diagnosis',
  'severity',
  'actual',
  'target',
  'teamValue',
  'sampleSize',
  'lostUnits',
  'periodStart',
  'periodEnd',
  'summary',
  'evidence',
  'isFocus',
  'status',
  'commitment',
  'followUpDate',
  'outcome',
] as const;

const MODEL: CoachModel = {
  dealership: {
    name: 'Bench Motors',
    timeZone: 'America/Chicago',
    workingDays: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'],
    holidays: ['2026-11-26'],
    hours: { open: '09:00', close: '20:00' },
  },
  team: {
    salespeople: { Title: 'Sales Consultant' },
    setters: { Title: 'BDC Agent' },
    managerField: 'ManagerId',
    storeField: 'Department',
  },
  steps: STEPS,
  measures: MEASURES,
  goals: {
    step: 'sold',
    defaultMonthly: 10,
    overrides: {},
    funnel: ['attempt', 'contact', 'appointment_shown', 'demo', 'write_up', 'sold'],
  },
  coaching: {
    windowDays: 28,
    confidence: 0.9,
    minSample: 20,
    peerMargin: 0.05,
    maxFlagsPerRep: 2,
    severity: { medium: 0.5, high: 1.5 },
    oneOnOne: 'weekly',
    priorStrength: 20,
    followUpDueDays: 1,
    outcomeWaitDays: 28,
  },
  writeBack: {
    flagObject: 'Coaching_Flag__c',
    flagFields: Object.fromEntries(FLAG_FIELDS.map((f) => [f, `${f}__c`])) as CoachModel['writeBack']['flagFields'],
    taskKeyField: 'Coaching_Key__c',
    followUpTaskType: 'Follow-Up',
    agendaTaskType: 'Coaching',
    subjectPrefix: '',
    // Written as in production: a scorecard per rep for both periods, with every step counted.
    scorecard: {
      ...writeBackSchema.parse({}).scorecard,
      stepFields: Object.fromEntries(STEPS.map((step) => [step.id, `${step.id}__c`])),
    },
    effectiveness: writeBackSchema.parse({}).effectiveness,
  },
};

function generate(eventCount: number, repCount: number): { reps: Rep[]; events: StepEvent[]; facts: Fact[] } {
  // A seeded PRNG (the sandbox's mulberry32): the same seed gives the same data.
  const random = seededRandom(20261125);
  const setters = Math.max(1, Math.round(repCount / 10));
  const reps: Rep[] = Array.from({ length: repCount }, (_, i) => ({
    id: `005${String(i).padStart(15, '0')}`,
    name: `Rep ${i}`,
    role: i < setters ? 'setter' : 'salesperson',
    managerId: `005M${String(i % 20).padStart(14, '0')}`,
    store: i % 2 === 0 ? 'North' : 'South',
    monthlyGoal: i % 7 === 0 ? 12 : null,
  }));
  // Each rep has an activity level, so some are clearly below others.
  const weights = reps.map(() => 0.3 + random() * 1.4);
  const cumulative = weights.map(
    (
      (sum) => (w: number) =>
        (sum += w)
    )(0),
  );
  const total = cumulative[cumulative.length - 1] as number;
  const pickRep = (): Rep => {
    const x = random() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] as number) < x) lo = mid + 1;
      else hi = mid;
    }
    return reps[lo] as Rep;
  };
  const stepCumulative = STEP_MIX.map(
    (
      (sum) =>
      ([step, share]: [string, number]) =>
        [step, (sum += share)] as const
    )(0),
  );
  const pickStep = (): string => stepCumulative.find(([, upTo]) => random() * 1 <= upTo)?.[0] ?? 'attempt';
  const leads = Math.round(eventCount / 12);
  const opportunities = Math.round(eventCount / 40);

  const events: StepEvent[] = [];
  for (let i = 0; i < eventCount; i++) {
    const step = pickStep();
    const owner = pickRep();
    const isStage = step === 'needs_analysis' || step === 'demo' || step === 'write_up' || step === 'sold';
    const subject = isStage ? `006${Math.floor(random() * opportunities)}` : `00Q${Math.floor(random() * leads)}`;
    const event: StepEvent = {
      step,
      user: owner.id,
      subject,
      at: NOW - Math.floor(random() * HISTORY_DAYS * DAY),
      recordId: `REC${i}`,
    };
    if (step === 'attempt' || step === 'contact') event.durationSec = Math.floor(random() * 600);
    events.push(event);
  }
  // A few reps fake calls: bursts of twelve "calls" within three minutes.
  for (let b = 0; b < 200; b++) {
    const faker = reps[setters + (b % 5)] as Rep;
    const start = NOW - Math.floor(random() * 28 * DAY);
    for (let k = 0; k < 12; k++)
      events[events.length - 1 - b * 12 - k] = {
        step: 'attempt',
        user: faker.id,
        subject: null,
        at: start + k * 15_000,
        recordId: `FAKE${b}-${k}`,
        durationSec: 5,
      };
  }
  const facts: Fact[] = [];
  for (let i = 0; i < eventCount / 50; i++) {
    facts.push({
      kind: 'followUp',
      measure: 'overdue',
      recordId: `00T${i}`,
      user: pickRep().id,
      subject: null,
      due: new Date(NOW - Math.floor(random() * 20) * DAY).toISOString().slice(0, 10),
    });
  }
  for (let i = 0; i < leads / 3; i++) {
    facts.push({
      kind: 'lead',
      measure: 'stale_leads',
      recordId: `00Q${i}`,
      user: pickRep().id,
      status: 'Working - Contacted',
      createdAt: NOW - Math.floor(random() * HISTORY_DAYS * DAY),
      name: `Customer ${i}`,
    });
  }
  return { reps, events, facts };
}

function seconds(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e9;
}

function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
}

function main(): void {
  const eventCount = option('events', 1_000_000);
  const repCount = option('reps', 300);
  const runs = option('runs', 5);
  let started = process.hrtime.bigint();
  const data = generate(eventCount, repCount);
  console.log(
    `generated ${data.events.length} events, ${data.facts.length} facts, ${data.reps.length} reps in ${seconds(started).toFixed(2)} s`,
  );
  const rssBefore = process.memoryUsage().rss;

  const input = { model: MODEL, ...data, openFlags: [], now: NOW };
  let best = Number.POSITIVE_INFINITY;
  let heapPeak = 0;
  for (let run = 0; run <= runs; run++) {
    started = process.hrtime.bigint();
    const result = computeCoaching(input);
    const elapsed = seconds(started);
    heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
    const summary = `${result.findings.length} findings, ${result.plans.length} plans, ${result.desired.length} desired records`;
    console.log(`${run === 0 ? 'warm-up' : `run ${run}`}: ${elapsed.toFixed(3)} s (${summary})`);
    if (run > 0) best = Math.min(best, elapsed);
  }

  const calendar = new DealershipCalendar(MODEL.dealership);
  started = process.hrtime.bigint();
  let checksum = 0;
  for (let i = 0; i < 1_000_000; i++) checksum += calendar.dayOf(NOW - i * 7_777);
  const conversions = seconds(started);

  const eventsPerSecond = eventCount / best;
  console.log('');
  console.log(
    `measure + diagnose + plan, best of ${runs}: ${best.toFixed(3)} s for ${eventCount} events, ${repCount} reps`,
  );
  console.log(
    `throughput: ${Math.round(eventsPerSecond).toLocaleString('en-US')} events/s (target ${TARGET_EVENTS_PER_SECOND.toLocaleString('en-US')}): ${eventsPerSecond >= TARGET_EVENTS_PER_SECOND ? 'met' : 'NOT met'}`,
  );
  console.log(
    `peak memory: rss high-water ${mib(process.resourceUsage().maxRSS * 1024)} (rss before measuring ${mib(rssBefore)}), heap used after a run up to ${mib(heapPeak)}`,
  );
  console.log(
    `calendar: 1,000,000 instant → local day conversions in ${(conversions * 1000).toFixed(0)} ms (checksum ${checksum % 1000})`,
  );
}

main();
