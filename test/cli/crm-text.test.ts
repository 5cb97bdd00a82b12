/**
 * CRM text that carries escape sequences and line breaks (a user's or a lead's name typed with them) reaches the
 * terminal (report, preview) and the Subjects the connector writes as plain lines.
 */
import path from 'node:path';
import { renderPreview } from '../../src/cli/commands/preview';
import { buildReport } from '../../src/cli/commands/report';
import type { CliContext } from '../../src/cli/context';
import { renderReport } from '../../src/cli/render-report';
import { openStateStore, type StateStore } from '../../src/state/state-store';
import type { RunReport } from '../../src/sync/run-cycle';
import { Clock, givenAnOrgWithStaleLeads, MODEL, NOW, ownTasks, REP, run } from '../sync/story';

const CONFIG = path.resolve(__dirname, '../../config/dealership.yaml');
/** Red, a line break, and a window title set through OSC: what a hostile or careless name can hold. */
const HOSTILE_REP = '\u001b[31mRiley\r\nRep\u001b[0m';
const HOSTILE_LEAD = '\u001b]0;owned\u0007Dana\r\nHostile';
/** Any C0 or C1 control character but the line feed that ends a printed line (ESC and CR among them). */
const CONTROL = /[^\P{Cc}\n]/u;

const quietContext: CliContext = {
  out: () => undefined,
  err: () => undefined,
  env: {},
  cwd: process.cwd(),
  isTTY: false,
};

/** The story's org, with the rep and one lead named as given, synced into a state. */
async function givenASyncWithNames(
  rep: string,
  lead: string,
): Promise<{ report: RunReport; state: StateStore; subjects: string[] }> {
  const clock = new Clock(NOW);
  const { org, leads } = givenAnOrgWithStaleLeads(clock);
  org.change('User', REP, { Name: rep });
  org.change('Lead', leads[0] ?? '', { Name: lead });
  const state = openStateStore(':memory:');
  const report = await run(org, state, clock, 'r1');
  return { report, state, subjects: ownTasks(org).map((task) => String(task.Subject)) };
}

describe('CRM names with escape sequences and line breaks', () => {
  it('given a rep and a lead so named, when the run writes tasks, then their Subjects are plain lines', async () => {
    const { subjects } = await givenASyncWithNames(HOSTILE_REP, HOSTILE_LEAD);

    expect(subjects.some((subject) => subject.includes('Riley Rep'))).toBe(true);
    expect(subjects.some((subject) => subject.includes('Call Dana Hostile'))).toBe(true);
    for (const subject of subjects) expect(subject).not.toMatch(/\p{Cc}/u);
  });

  it('given a rep and a lead so named, when the report is printed, then it names them as plain lines', async () => {
    const { state } = await givenASyncWithNames(HOSTILE_REP, HOSTILE_LEAD);

    const printed = renderReport(
      buildReport({ config: CONFIG, now: new Date(NOW).toISOString() }, quietContext, state),
    );

    expect(printed).toContain('Riley Rep');
    expect(printed).not.toMatch(CONTROL);
  });

  it('given a rep so named, when the preview is printed, then it names them as a plain line', async () => {
    const { report } = await givenASyncWithNames(HOSTILE_REP, HOSTILE_LEAD);

    const printed = renderPreview(report, MODEL);

    expect(printed).toContain('Riley Rep');
    expect(printed).not.toMatch(CONTROL);
  });
});
