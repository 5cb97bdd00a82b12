/**
 * The flags on the scorecard page: a rep's open flags, and the findings about whole teams, each with its diagnosis,
 * severity, summary and cost, and what the manager recorded on the flag in the org (status, commitment, follow-up
 * date). A flag is joined by measure: this run's finding says what is weak now (`RepDiagnosis.flagged`, or a
 * held-back finding that keeps an open flag up to date), the org's open flag (`ReportInput.openFlags`) says where the
 * coaching stands. A finding the org does not hold yet (a preview run writes nothing) is shown as not written; an open
 * flag with no finding this run is shown with its status, since it waits for its follow-up check or to be resolved.
 */
import {
  type CoachModel,
  type Finding,
  isRepFlag,
  isTeamFlag,
  type OpenFlag,
  type RepDiagnosis,
  type TeamFinding,
} from '../core';
import { definitions, esc } from './html';
import type { ReportInput } from './render-report';

export interface FlagView {
  measure: string;
  finding: Finding | TeamFinding | null;
  open: OpenFlag | null;
}

const measureLabel = (model: CoachModel, id: string): string => model.measures.find((m) => m.id === id)?.label ?? id;

/** A rep's flags: this run's flagged findings in their order (focus first), then open flags it did not flag anew. */
export function repFlags(
  diagnosis: RepDiagnosis | undefined,
  repId: string,
  openFlags: readonly OpenFlag[],
): FlagView[] {
  const open = openFlags.filter(isRepFlag).filter((flag) => flag.repId === repId);
  const flagged = diagnosis?.flagged ?? [];
  const views: FlagView[] = flagged.map((finding) => ({
    measure: finding.measure,
    finding,
    open: open.find((flag) => flag.measure === finding.measure) ?? null,
  }));
  for (const flag of open) {
    if (views.some((view) => view.measure === flag.measure)) continue;
    const heldBack = diagnosis?.heldBack.find((finding) => finding.measure === flag.measure) ?? null;
    views.push({ measure: flag.measure, finding: heldBack, open: flag });
  }
  return views;
}

function orgPairs(open: OpenFlag | null): Array<[string, string]> {
  // A live sync writes the flag and the next one reads it back; a preview writes nothing.
  if (!open) return [['In the org', 'not read back yet (written by a live sync, read by the next)']];
  return [
    ['Status', esc(open.status)],
    ['Commitment', open.commitment ? `<span class="quote">${esc(open.commitment)}</span>` : 'none recorded yet'],
    ['Follow-up', esc(open.followUpDate ?? 'no date yet')],
  ];
}

function flagItem(view: FlagView, model: CoachModel, extra: Array<[string, string]> = []): string {
  const { finding } = view;
  const diagnosis = finding?.diagnosis ?? model.measures.find((m) => m.id === view.measure)?.diagnosis ?? '';
  const severity = finding?.severity ?? '';
  const focus = finding && 'isFocus' in finding && finding.isFocus ? '<span class="tag">focus</span>' : '';
  const summary = finding
    ? esc(finding.summary)
    : 'Not found weak in this window: the flag waits for its follow-up check, or the next live sync resolves it.';
  const cost = finding
    ? [['Cost', `about ${esc(finding.lostUnits.toFixed(1))} units a month`] as [string, string]]
    : [];
  return `<li class="${esc(severity)}">
<p><strong>${esc(measureLabel(model, view.measure))}</strong><span class="tag">${esc(diagnosis)}</span>${
    severity ? `<span class="tag ${esc(severity)}">${esc(severity)}</span>` : ''
  }${focus}</p>
<p>${summary}</p>
${definitions([...extra, ...cost, ...orgPairs(view.open)])}
</li>`;
}

/** A rep's open flags as a list, or a sentence when there is none. */
export function repFlagList(views: readonly FlagView[], model: CoachModel): string {
  if (views.length === 0) return '<p>No open flag.</p>';
  return `<ul class="flags">\n${views.map((view) => flagItem(view, model)).join('\n')}\n</ul>`;
}

/** A team flag's identity: the manager, the role and the measure. */
interface TeamKey {
  managerId: string;
  role: TeamFinding['role'];
  measure: string;
}

const sameTeam = (a: TeamKey, b: TeamKey): boolean =>
  a.managerId === b.managerId && a.role === b.role && a.measure === b.measure;

/** "6 salespeople, North": the team's size (when this run found it short) and its stores. */
function teamWords(key: TeamKey, finding: TeamFinding | null, input: ReportInput): string {
  // A manager has no store of their own in the model; their reps do.
  const stores = [
    ...new Set(input.reps.filter((r) => r.managerId === key.managerId && r.role === key.role).map((r) => r.store)),
  ]
    .filter((store): store is string => store !== null)
    .sort();
  const people = key.role === 'setter' ? 'setters' : 'salespeople';
  return [finding ? `${finding.members} ${people}` : `the ${people}`, ...stores].join(', ');
}

/**
 * Whole teams: this run's team findings with what the manager recorded on each team flag, then the open team flags
 * this run did not find again (they wait for their check or to be resolved).
 */
export function teamFindingList(findings: readonly TeamFinding[], input: ReportInput): string {
  const open = input.openFlags.filter(isTeamFlag);
  const views: Array<TeamKey & { finding: TeamFinding | null; open: OpenFlag | null }> = [
    ...findings.map((finding) => ({ ...finding, finding, open: open.find((f) => sameTeam(f, finding)) ?? null })),
    ...open
      .filter((flag) => !findings.some((finding) => sameTeam(flag, finding)))
      .map((flag) => ({
        managerId: flag.managerId,
        role: flag.role,
        measure: flag.measure,
        finding: null,
        open: flag,
      })),
  ];
  if (views.length === 0) return '<p>No weakness shared by a whole team.</p>';
  const items = views.map((view) =>
    flagItem({ measure: view.measure, finding: view.finding, open: view.open }, input.model, [
      ['Manager', esc(input.names.get(view.managerId) ?? view.managerId)],
      ['Team', esc(teamWords(view, view.finding, input))],
    ]),
  );
  return `<ul class="flags">\n${items.join('\n')}\n</ul>`;
}
