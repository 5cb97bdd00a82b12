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

/** The open team flag of a finding: the same manager, role and measure. */
function teamFlagOf(finding: TeamFinding, openFlags: readonly OpenFlag[]): OpenFlag | null {
  return (
    openFlags
      .filter(isTeamFlag)
      .find((f) => f.managerId === finding.managerId && f.role === finding.role && f.measure === finding.measure) ??
    null
  );
}

function orgPairs(open: OpenFlag | null): Array<[string, string]> {
  if (!open) return [['In the org', 'not written yet (the last sync did not write)']];
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
    : 'Not weak in this window: the flag stays open for its follow-up check.';
  const cost = finding
    ? [['Cost', `about ${esc(finding.lostUnits.toFixed(2))} units a month`] as [string, string]]
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

/** Findings about whole teams, each for its manager, with what the manager recorded on the team flag. */
export function teamFindingList(findings: readonly TeamFinding[], input: ReportInput): string {
  if (findings.length === 0) return '<p>No weakness shared by a whole team.</p>';
  const items = findings.map((finding) => {
    // The stores of the team: a manager has no store of their own in the model, their reps do.
    const stores = [
      ...new Set(
        input.reps.filter((r) => r.managerId === finding.managerId && r.role === finding.role).map((r) => r.store),
      ),
    ].filter((store): store is string => store !== null);
    const team = `${finding.members} ${finding.role === 'setter' ? 'setters' : 'salespeople'}${
      stores.length > 0 ? `, ${stores.sort().join(', ')}` : ''
    }`;
    return flagItem({ measure: finding.measure, finding, open: teamFlagOf(finding, input.openFlags) }, input.model, [
      ['Manager', esc(input.names.get(finding.managerId) ?? finding.managerId)],
      ['Team', esc(team)],
    ]);
  });
  return `<ul class="flags">\n${items.join('\n')}\n</ul>`;
}
