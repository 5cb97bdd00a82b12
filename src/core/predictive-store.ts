/**
 * The predictive analysis of one store's whole stored history, as `execution-coach analyze`
 * runs it (issue 12): which candidate measures come from the config, who is in the panel, and
 * what history there was. The statistics are the panel's, the effects' and the check's
 * (predictive-panel.ts, predictive-effects.ts, predictive-check.ts); this module only chooses
 * their inputs from the model.
 *
 * Candidates: each volume measure's step (per working day), each response-time measure (share
 * of leads answered within its SLA), each ratio measure (share of the week's `from` cohort that
 * reached `to`, predictive-shares.ts) and each integrity measure (share of the rep's checked
 * events set aside), then every other configured step but the outcome, because a step the
 * config does not measure may be the one that predicts. A ratio into the outcome step is left
 * out: its numerator is the outcome's own events of the following weeks, so it would "predict"
 * sales by construction. Each staleLead measure gives the share of the rep's new leads touched
 * within its days (predictive-touched.ts), and with one the activity no step maps (its touches:
 * e-mails, texts, other tasks and events about a lead) is one more count, and each kind of it
 * (Task or Event type) found in the store one more (predictive-unmeasured.ts).
 * Only salespeople are rows:
 * setters sell nothing, so their weeks would dilute the slope with zeros; their events still
 * count as "by anyone" for a lead's first answer.
 */
import { DealershipCalendar } from './calendar';
import { dateFromDay, type DayNumber } from './civil-date';
import { CoreError } from './core-error';
import type { EventColumns } from './event-columns';
import { EventTable } from './event-table';
import { markSuspicious } from './integrity';
import { tableStepIds, touchStep } from './lead-touches';
import type { CoachModel, IntegrityMeasure, Rep } from './model';
import { outOfSampleCheck, type OutOfSample } from './predictive-check';
import { estimateEffects, type MeasureEffect, type TQuantile } from './predictive-effects';
import { buildPanel, firstDayOfWeek, type Panel, type ResponseCandidate } from './predictive-panel';
import { type IntegrityCandidate, type RatioCandidate, ratioShares, suspiciousShares } from './predictive-shares';
import { type TouchedCandidate, touchedShares } from './predictive-touched';
import { activityCandidates, UNMEASURED_ACTIVITY, unmeasuredActivity } from './predictive-unmeasured';

export const DEFAULT_LAG = { from: 1, to: 4 } as const;
/** The bootstrap's seed: the same state gives the same intervals on every run. */
const DEFAULT_SEED = 12;

export type CandidateSource =
  | 'volume measure'
  | 'response measure'
  | 'ratio measure'
  | 'integrity measure'
  | 'stale-lead measure'
  | 'step'
  | 'unmeasured activity';

export interface StoreAnalysisInput {
  readonly model: CoachModel;
  readonly reps: readonly Rep[];
  readonly events: EventColumns;
  readonly now: number;
  /** The result step; the goals' step (e.g. `sold`) by default. */
  readonly outcomeStep?: string;
  readonly lag?: { readonly from: number; readonly to: number };
  readonly seed?: number;
  /** The t quantile of the intervals (src/lib/student-t.ts). */
  readonly tQuantile: TQuantile;
  /**
   * The salespeople's event table (`analysisTable(input)`), when the caller built it to share: `analyze` hands the
   * same one to calibrateTargets, which would otherwise sort a year's events a second time.
   */
  readonly table?: EventTable;
}

export interface AnalyzedMeasure extends MeasureEffect {
  readonly label: string;
  readonly source: CandidateSource;
}

export interface StoreAnalysis {
  readonly outcomeStep: string;
  readonly lag: { readonly from: number; readonly to: number };
  /** Salespeople's stored events up to yesterday: first and last local day, weeks begun between, people with any. */
  readonly history: {
    readonly from: string | null;
    readonly to: string;
    readonly weeks: number;
    readonly people: number;
  };
  /** The panel's rows: distinct weeks and people, and person-weeks, before any measure drops its undefined weeks. */
  readonly panel: { readonly weeks: number; readonly people: number; readonly personWeeks: number };
  /** Ranked as estimateEffects ranks them. */
  readonly measures: readonly AnalyzedMeasure[];
  /** The out-of-sample check; its split as the first local day of the first predicted week. */
  readonly check: (OutOfSample & { readonly splitDay: string }) | null;
  /** False when every measure is "not enough data". */
  readonly enoughData: boolean;
}

interface Candidate {
  readonly id: string;
  readonly label: string;
  readonly source: CandidateSource;
}

export function analyzeStore(input: StoreAnalysisInput): StoreAnalysis {
  const { model } = input;
  const outcomeStep = input.outcomeStep ?? model.goals.step;
  if (!model.steps.some((s) => s.id === outcomeStep))
    throw new CoreError('UNKNOWN_STEP', `The outcome step "${outcomeStep}" is not a step of the config.`);
  const lag = input.lag ?? DEFAULT_LAG;
  const calendar = new DealershipCalendar(model.dealership);
  const { counts, responses, ratios, integrity, touched, touchSteps, candidates } = candidatesOf(model, outcomeStep);
  for (const kind of activityKindsOf(model, input.events)) {
    counts.push(kind.id);
    candidates.push({ ...kind, source: 'unmeasured activity' });
  }
  const table = input.table ?? analysisTable(input);

  const lastDay = calendar.dayOf(input.now) - 1;
  const counted = buildPanel(table, calendar, { outcomeStep, countSteps: counts, responses, lag, lastDay });
  const panel: Panel = {
    ...counted,
    measures: [
      ...counted.measures,
      ...ratios.map((ratio) => ratioShares(table, calendar, counted, ratio, lastDay)),
      ...integrity.map((measure) => suspiciousShares(table, calendar, counted, measure, lastDay)),
      ...(touchSteps.length > 0 ? [unmeasuredActivity(table, calendar, counted, touchSteps, lastDay)] : []),
      // Last: each measure's bootstrap draws from a stream of its position, so the ones before keep theirs.
      ...touched.map((measure) => touchedShares(table, calendar, counted, measure, lastDay)),
    ],
  };
  const seed = input.seed ?? DEFAULT_SEED;
  const byId = new Map(candidates.map((c) => [c.id, c]));
  const measures = estimateEffects(panel, { seed, tQuantile: input.tQuantile }).map((effect) => {
    const candidate = byId.get(effect.id) as Candidate;
    return { ...effect, label: candidate.label, source: candidate.source };
  });
  const check = outOfSampleCheck(panel, { seed, tQuantile: input.tQuantile });
  return {
    outcomeStep,
    lag,
    history: historyOf(table, calendar, lastDay),
    panel: panelSize(panel),
    measures,
    check: check && { ...check, splitDay: dateFromDay(firstDayOfWeek(check.splitWeek)) },
    enoughData: measures.some((m) => m.verdict !== 'not enough data'),
  };
}

/** The salespeople's events, suspicious ones marked: what the analysis and the targets read. */
export function analysisTable(input: Pick<StoreAnalysisInput, 'model' | 'reps' | 'events'>): EventTable {
  const salespeople = [...new Map(input.reps.map((rep) => [rep.id, rep])).values()]
    .filter((rep) => rep.role === 'salesperson')
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const kinds = activityKindsOf(input.model, input.events).map((kind) => kind.id);
  const table = new EventTable([...tableStepIds(input.model), ...kinds], salespeople, input.events);
  // Bursts of logged calls that were never made are no activity here either.
  markSuspicious(
    table,
    input.model.measures.filter((m): m is IntegrityMeasure => m.kind === 'integrity'),
  );
  return table;
}

/**
 * Kinds of activity no step maps; only with a staleLead measure, whose touches they come from, as
 * the count of all kinds.
 */
function activityKindsOf(model: CoachModel, events: EventColumns): { id: string; label: string }[] {
  return model.measures.some((m) => m.kind === 'staleLead') ? activityCandidates(events) : [];
}

interface Candidates {
  readonly counts: string[];
  readonly responses: ResponseCandidate[];
  readonly ratios: RatioCandidate[];
  readonly integrity: IntegrityCandidate[];
  readonly touched: TouchedCandidate[];
  /** The staleLead measures' touch steps: the only record the state keeps of activity no step maps. */
  readonly touchSteps: string[];
  readonly candidates: Candidate[];
}

function candidatesOf(model: CoachModel, outcomeStep: string): Candidates {
  const counts: string[] = [];
  const candidates: Candidate[] = [];
  for (const measure of model.measures)
    if (measure.kind === 'volume' && measure.step !== outcomeStep && !counts.includes(measure.step)) {
      counts.push(measure.step);
      candidates.push({ id: measure.step, label: measure.label, source: 'volume measure' });
    }
  // A measure named like a step would share its panel column's id; the step's count stays.
  const ownId = (id: string): boolean => !model.steps.some((s) => s.id === id);
  const responses: ResponseCandidate[] = [];
  const ratios: RatioCandidate[] = [];
  const integrity: IntegrityCandidate[] = [];
  const touched: TouchedCandidate[] = [];
  for (const measure of model.measures) {
    if (measure.kind === 'staleLead') {
      // Its own id is a count of open leads, which this share is not; the colon keeps it apart from any step.
      const id = `${measure.id}:touched`;
      touched.push({ id, arrival: measure.valueStep, touch: touchStep(measure.id), days: measure.days });
      const days = measure.days === 1 ? '1 day' : `${measure.days} days`;
      candidates.push({ id, label: `New leads touched within ${days}`, source: 'stale-lead measure' });
    }
    if (!ownId(measure.id)) continue;
    if (measure.kind === 'responseTime') {
      responses.push({ id: measure.id, from: measure.from, to: measure.to, withinMinutes: measure.slaMinutes });
      candidates.push({ id: measure.id, label: measure.label, source: 'response measure' });
    } else if (measure.kind === 'ratio' && measure.to !== outcomeStep) {
      ratios.push({ id: measure.id, from: measure.from, to: measure.to, basis: measure.basis });
      candidates.push({ id: measure.id, label: measure.label, source: 'ratio measure' });
    } else if (measure.kind === 'integrity') {
      integrity.push({ id: measure.id, steps: measure.steps });
      candidates.push({ id: measure.id, label: measure.label, source: 'integrity measure' });
    }
  }
  for (const step of model.steps)
    if (step.id !== outcomeStep && !counts.includes(step.id)) {
      counts.push(step.id);
      candidates.push({ id: step.id, label: step.label, source: 'step' });
    }
  const free = ownId(UNMEASURED_ACTIVITY) && !model.measures.some((m) => m.id === UNMEASURED_ACTIVITY);
  const touchSteps = free ? model.measures.filter((m) => m.kind === 'staleLead').map((m) => touchStep(m.id)) : [];
  if (touchSteps.length > 0)
    candidates.push({ id: UNMEASURED_ACTIVITY, label: 'Other activity on leads', source: 'unmeasured activity' });
  return { counts, responses, ratios, integrity, touched, touchSteps, candidates };
}

function historyOf(table: EventTable, calendar: DealershipCalendar, lastDay: DayNumber): StoreAnalysis['history'] {
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  let people = 0;
  for (let rep = 0; rep < table.repCount; rep++) {
    const start = table.userStart[rep] as number;
    const end = table.userStart[rep + 1] as number;
    if (start === end) continue;
    people++;
    // Rows are in time order within each user.
    first = Math.min(first, table.at[start] as number);
    last = Math.max(last, table.at[end - 1] as number);
  }
  if (people === 0) return { from: null, to: dateFromDay(lastDay), weeks: 0, people: 0 };
  const firstDay = calendar.dayOf(first);
  // A state whose syncs stopped long ago has no history after its last event, however late `now` is.
  const lastSeen = Math.min(lastDay, calendar.dayOf(last));
  return {
    from: dateFromDay(firstDay),
    to: dateFromDay(lastSeen),
    weeks: Math.max(0, Math.ceil((lastSeen - firstDay + 1) / 7)),
    people,
  };
}

function panelSize(panel: Panel): StoreAnalysis['panel'] {
  return { weeks: new Set(panel.week).size, people: new Set(panel.person).size, personWeeks: panel.person.length };
}
