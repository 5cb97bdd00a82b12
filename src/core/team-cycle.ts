/**
 * The accountability loop for team flags (ARCHITECTURE.md §5.3), the rep flags' semantics per
 * manager × role × measure: a finding with no open flag opens one keyed with today's date; while
 * the weakness persists a New or Not Improved flag is updated in place; a Committed flag is left
 * as it is until its follow-up date, then checked on the team's pooled measure since the
 * commitment (Improved / Not Improved with an Outcome, or still Committed with an Outcome that
 * says it waits for data); when the weakness has gone and no
 * commitment is pending, the flag becomes Resolved. The manager's agendas open with the team's
 * open findings: the whole team's gap comes before any one person's.
 */
import { dayFromDate } from './civil-date';
import { checkCommitment, type CommitmentCheck } from './commitment-check';
import { quoted } from './commitments';
import type { DesiredRecord } from './desired';
import {
  flagTransition,
  flagWaiting,
  isTeamFlag,
  newTeamFlag,
  OPEN_STATUSES,
  type OpenFlag,
  type OpenTeamFlag,
  updatedTeamFlag,
} from './flags';
import type { Measurement } from './measure';
import type { CoachModel, Rep, RepRole } from './model';
import { pooledResult } from './pooled-result';
import type { TeamFinding } from './team-finding';
import type { MeasureWindow } from './window';

export interface TeamCycleInput {
  model: CoachModel;
  reps: readonly Rep[];
  teamFindings: readonly TeamFinding[];
  window: MeasureWindow;
  openFlags: readonly OpenFlag[];
  measureSince: (startDay: number) => Measurement;
}

export interface TeamCycleResult {
  desired: DesiredRecord[];
  checks: CommitmentCheck[];
  /** By manager Id, the lines that open each of their agendas. */
  agendaLines: Map<string, string[]>;
}

export function teamCycle(input: TeamCycleInput): TeamCycleResult {
  const { model, window } = input;
  const desired: DesiredRecord[] = [];
  const checks: CommitmentCheck[] = [];
  const agendaLines = new Map<string, string[]>();
  const line = (managerId: string, text: string): void => {
    agendaLines.set(managerId, [...(agendaLines.get(managerId) ?? []), text]);
  };
  const findings = new Map(input.teamFindings.map((f) => [teamKey(f.managerId, f.role, f.measure), f]));
  const handled = new Set<string>();

  for (const flag of currentTeamFlags(input.openFlags)) {
    const key = teamKey(flag.managerId, flag.role, flag.measure);
    handled.add(key);
    const finding = findings.get(key);
    const measure = model.measures.find((m) => m.id === flag.measure);
    const pending = flag.status !== 'Not Improved' && (flag.commitment ?? '').trim() !== '';
    const due =
      flag.status === 'Committed' && pending && flag.followUpDate !== null && flag.followUpDate <= window.today;
    if (due && measure) {
      const since = dayFromDate(flag.committedOn ?? flag.openedOn) ?? window.todayDay;
      const order = model.measures.indexOf(measure);
      const measured = input.measureSince(since);
      const members = input.reps.flatMap((rep, index) =>
        rep.managerId === flag.managerId && rep.role === flag.role ? [index] : [],
      );
      const results = members.flatMap((index) => measured.scorecards[index]?.results[order] ?? []);
      const check = checkCommitment(flag, measure, pooledResult(results, model.coaching.confidence) ?? undefined, {
        model,
        sinceDay: since,
        todayDay: window.todayDay,
        role: flag.role,
      });
      checks.push(check);
      if (check.status === 'Waiting') {
        desired.push(flagWaiting(flag, model.writeBack, check.text));
        line(flag.managerId, `Team ${measure.label}: committed ${quoted(flag.commitment)}; ${check.text}`);
      } else {
        desired.push(flagTransition(flag, check.status, model.writeBack, check.text));
        line(flag.managerId, `Team ${measure.label}: ${check.status} (${check.text})`);
      }
    } else if (finding && flag.status !== 'Committed') {
      desired.push(updatedTeamFlag(flag, finding, window, model.writeBack));
      line(flag.managerId, `Team: ${finding.summary}`);
    } else if (!finding && !pending) {
      desired.push(flagTransition(flag, 'Resolved', model.writeBack));
    } else if (flag.status === 'Committed') {
      line(
        flag.managerId,
        `Team ${measure?.label ?? flag.measure}: committed, follow-up ${flag.followUpDate ?? 'not set'}`,
      );
    }
  }
  for (const finding of input.teamFindings) {
    if (handled.has(teamKey(finding.managerId, finding.role, finding.measure))) continue;
    desired.push(newTeamFlag(finding, window, model.writeBack, window.today));
    line(finding.managerId, `Team: ${finding.summary}`);
  }
  return { desired, checks, agendaLines };
}

/** One open flag per manager × role × measure: the most recently opened if the org holds more. */
function currentTeamFlags(flags: readonly OpenFlag[]): OpenTeamFlag[] {
  const latest = new Map<string, OpenTeamFlag>();
  for (const flag of flags) {
    if (!isTeamFlag(flag) || !OPEN_STATUSES.has(flag.status)) continue;
    const key = teamKey(flag.managerId, flag.role, flag.measure);
    const current = latest.get(key);
    if (!current || flag.openedOn > current.openedOn || (flag.openedOn === current.openedOn && flag.key > current.key))
      latest.set(key, flag);
  }
  return [...latest.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

function teamKey(managerId: string, role: RepRole, measure: string): string {
  return `${managerId}\u0000${role}\u0000${measure}`;
}
