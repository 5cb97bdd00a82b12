/**
 * The accountability loop (ARCHITECTURE.md §5.3) as desired writes. Decided semantics, per rep
 * × measure (at most one open flag: New, Committed or Not Improved):
 * - a Committed flag whose follow-up date has come (and whose commitment is not blank) is
 *   checked: the same measure over the days since the commitment against the flag's last
 *   written value and sample → Improved or Not Improved with an Outcome, plus a task for the
 *   manager; with too little data yet, it stays Committed and only its Outcome says it waits
 *   (commitment-check.ts). Otherwise a Committed flag is left exactly as it is: its numbers
 *   are the baseline the commitment was made on;
 * - while the weakness persists, a New or Not Improved flag is updated in place (same key);
 * - when the weakness has gone and no commitment is pending, the flag becomes Resolved. A
 *   commitment is pending when its text is set and it has not been judged yet (a Not Improved
 *   flag's commitment has been judged);
 * - a finding with no open flag opens a new one keyed with today's date, unless this run just
 *   recorded an outcome for the same measure (the next run opens it, so one run never both
 *   closes and reopens);
 * - every stale lead yields a follow-up task, unless the product's earlier task for the lead
 *   is still open; every rep with a manager gets one agenda per coaching period, which carries the commitments
 *   checked since the previous period began (commitments.ts); every missed appointment not rebooked yields a call
 *   task for the rep it was with (no-shows.ts).
 */
import { agendaTask, coachingPeriod } from './agenda';
import { type DecidedFlag, progressLines } from './commitments';
import { teamCycle } from './team-cycle';
import type { TeamFinding } from './team-finding';
import type { DealershipCalendar } from './calendar';
import { dateFromDay, dayFromDate } from './civil-date';
import type { DesiredRecord } from './desired';
import type { Finding, RepDiagnosis } from './diagnose';
import type { OwnTaskFact } from './facts';
import {
  flagTransition,
  flagWaiting,
  isRepFlag,
  newFlag,
  OPEN_STATUSES,
  type OpenFlag,
  type OpenRepFlag,
  updatedFlag,
} from './flags';
import type { GoalPlan } from './goal-plan';
import type { Measurement } from './measure';
import type { Scorecard } from './measure-results';
import type { CoachModel, Rep } from './model';
import { checkCommitment, type CommitmentCheck } from './commitment-check';
import { hasOtherOpenTask, noShowTask, openStaleLeadTasks, commitmentCheckTask, staleLeadTask } from './tasks';
import type { NoShow } from './no-shows';
import type { MeasureWindow } from './window';

export interface CycleInput {
  model: CoachModel;
  calendar: DealershipCalendar;
  reps: readonly Rep[];
  diagnoses: readonly RepDiagnosis[];
  scorecards: readonly Scorecard[];
  team: Scorecard;
  plans: ReadonlyMap<string, GoalPlan>;
  window: MeasureWindow;
  openFlags: readonly OpenFlag[];
  /** Weaknesses of a manager's whole team (team-diagnosis.ts). */
  teamFindings: readonly TeamFinding[];
  ownTasks: readonly OwnTaskFact[];
  /** Rep flags whose commitment earlier runs checked: the agenda carries those checked since the last period. */
  decidedFlags?: readonly DecidedFlag[];
  /** Missed appointments not rebooked (no-shows.ts): each gets a task to call the customer. */
  noShows?: readonly NoShow[];
  /** Customers' names by record Id, for the tasks' subjects. */
  customerNames?: ReadonlyMap<string, string>;
  /** Measures every rep over the local days from `startDay` to yesterday (memoised by the caller). */
  measureSince: (startDay: number) => Measurement;
}

export interface CycleResult {
  desired: DesiredRecord[];
  checks: CommitmentCheck[];
  /** Open rep flags per rep after this run: kept open, updated, waiting, Not Improved, or new. */
  openFlags: Map<string, number>;
}

export function coachingCycle(input: CycleInput): CycleResult {
  const { model, calendar, reps, window } = input;
  const desired: DesiredRecord[] = [];
  const checks: CommitmentCheck[] = [];
  const repById = new Map(reps.map((rep, index) => [rep.id, { rep, index }]));
  const findings = new Map<string, Finding>();
  for (const diagnosis of input.diagnoses) {
    for (const finding of [...diagnosis.flagged, ...diagnosis.heldBack])
      findings.set(pairKey(finding.repId, finding.measure), finding);
  }

  const teams = teamCycle({
    model,
    reps,
    teamFindings: input.teamFindings,
    window,
    openFlags: input.openFlags,
    measureSince: input.measureSince,
  });
  desired.push(...teams.desired);
  checks.push(...teams.checks);

  const handled = new Set<string>();
  const openAfter = new Map<string, number>();
  const stillOpen = (repId: string): void => void openAfter.set(repId, (openAfter.get(repId) ?? 0) + 1);
  const repChecks = new Map<string, CommitmentCheck[]>();
  const repOpen = new Map<string, OpenRepFlag[]>();
  // Team flags are not a rep's: they never pair with a rep's finding.
  for (const flag of currentOpenFlags(input.openFlags.filter(isRepFlag))) {
    const pair = pairKey(flag.repId, flag.measure);
    handled.add(pair);
    addTo(repOpen, flag.repId, flag);
    const finding = findings.get(pair);
    const found = repById.get(flag.repId);
    const measure = model.measures.find((m) => m.id === flag.measure);
    const pending = flag.status !== 'Not Improved' && (flag.commitment ?? '').trim() !== '';
    const due =
      flag.status === 'Committed' && pending && flag.followUpDate !== null && flag.followUpDate <= window.today;

    if (due && found && measure) {
      const since = dayFromDate(flag.committedOn ?? flag.openedOn) ?? window.todayDay;
      const card = input.measureSince(since).scorecards[found.index];
      const result = card?.results[model.measures.indexOf(measure)];
      const check = checkCommitment(flag, measure, result, {
        model,
        sinceDay: since,
        todayDay: window.todayDay,
        role: found.rep.role,
      });
      checks.push(check);
      addTo(repChecks, flag.repId, check);
      if (check.status !== 'Improved') stillOpen(flag.repId);
      if (check.status === 'Waiting') {
        desired.push(flagWaiting(flag, model.writeBack, check.text));
        continue;
      }
      desired.push(flagTransition(flag, check.status, model.writeBack, check.text));
      const task = commitmentCheckTask(
        found.rep,
        measure,
        flag.followUpDate ?? window.today,
        check.status,
        check.text,
        window.todayDay,
        model,
        calendar,
      );
      if (task) desired.push(task);
    } else if (finding && found && flag.status !== 'Committed') {
      desired.push(updatedFlag(flag, finding, found.rep, window, model.writeBack));
      stillOpen(flag.repId);
    } else if (!finding && !pending) {
      desired.push(flagTransition(flag, 'Resolved', model.writeBack));
    } else {
      stillOpen(flag.repId);
    }
  }
  // The agenda's text is written once, when the period's agenda is created: checks since the start of the previous
  // period are carried, so one decided after last period's agenda was written is on this one.
  const period = coachingPeriod(window.todayDay, model.coaching.oneOnOne, calendar);
  const since = dateFromDay(coachingPeriod(period.start - 1, model.coaching.oneOnOne, calendar).start);
  const decided = new Map<string, DecidedFlag[]>();
  for (const flag of input.decidedFlags ?? []) addTo(decided, flag.repId, flag);

  input.diagnoses.forEach((diagnosis, index) => {
    const rep = reps[index];
    if (!rep) return;
    for (const finding of diagnosis.flagged) {
      if (handled.has(pairKey(rep.id, finding.measure))) continue;
      desired.push(newFlag(finding, rep, window, model.writeBack, window.today));
      stillOpen(rep.id);
    }
    const card = input.scorecards[index];
    if (!card) return;
    const agenda = agendaTask({
      rep,
      diagnosis,
      progress: progressLines({
        model,
        open: repOpen.get(rep.id) ?? [],
        checks: repChecks.get(rep.id) ?? [],
        decided: decided.get(rep.id) ?? [],
        since,
        today: window.today,
      }),
      teamLines: rep.managerId === null ? [] : (teams.agendaLines.get(rep.managerId) ?? []),
      card,
      team: input.team,
      plan: input.plans.get(rep.id) ?? null,
      window,
      todayDay: window.todayDay,
      model,
      calendar,
    });
    if (agenda) desired.push(agenda);
  });

  const openTasks = openStaleLeadTasks(input.ownTasks);
  for (const card of input.scorecards) {
    for (const result of card.results) {
      if (result.kind !== 'staleLead') continue;
      for (const lead of result.leads) {
        const task = staleLeadTask(lead, window.todayDay, model, calendar);
        if (!hasOtherOpenTask(openTasks, lead.leadId, task.key)) desired.push(task);
      }
    }
  }
  for (const noShow of input.noShows ?? [])
    desired.push(
      noShowTask(noShow, input.customerNames?.get(noShow.subject) ?? null, window.todayDay, model, calendar),
    );
  return { desired: uniqueSorted(desired), checks, openFlags: openAfter };
}

/** One open flag per rep × measure: the most recently opened if the org holds more. */
function currentOpenFlags(flags: readonly OpenRepFlag[]): OpenRepFlag[] {
  const latest = new Map<string, OpenRepFlag>();
  for (const flag of flags) {
    if (!OPEN_STATUSES.has(flag.status)) continue;
    const pair = pairKey(flag.repId, flag.measure);
    const current = latest.get(pair);
    if (!current || flag.openedOn > current.openedOn || (flag.openedOn === current.openedOn && flag.key > current.key))
      latest.set(pair, flag);
  }
  return [...latest.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

function pairKey(repId: string, measure: string): string {
  return `${repId}\u0000${measure}`;
}

function addTo<T>(lists: Map<string, T[]>, repId: string, item: T): void {
  const list = lists.get(repId) ?? [];
  list.push(item);
  lists.set(repId, list);
}

/** Sorted by object and key, the first of any duplicate key kept (two stale-lead measures may name one lead). */
export function uniqueSorted(records: readonly DesiredRecord[]): DesiredRecord[] {
  const byKey = new Map<string, DesiredRecord>();
  for (const record of records) {
    const id = `${record.object}\u0000${record.key}`;
    if (!byKey.has(id)) byKey.set(id, record);
  }
  return [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, record]) => record);
}
