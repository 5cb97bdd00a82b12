/**
 * The scorecard page as HTML: built from the report's model, per store and per person, with every text from the CRM
 * escaped, accessible markup (language, headings in order, captioned tables with scoped headers, numbers beside every
 * bar) and nothing loaded from elsewhere. What a browser makes of it is test/e2e/scorecard-page.test.ts.
 */
import { esc } from '../../src/cli/html';
import { scorecardPage } from '../../src/cli/scorecard-page';
import { openFlag, openTeamFlag, rep, teamFinding } from '../core/builders';
import { CLOSE_RATE, reportInput, SET_RATE } from './report-builders';

/** The HTML of the person's article, from its opening tag to its end. */
function article(html: string, repId: string): string {
  const start = html.indexOf(`<article class="card" id="rep-${repId}"`);
  if (start < 0) throw new Error(`no article for ${repId}`);
  return html.slice(start, html.indexOf('</article>', start));
}

/** Text of a table row whose header cell is `header`, tags stripped. */
function row(html: string, header: string): string {
  const match = new RegExp(`<tr><th scope="row">${header}</th>(.*?)</tr>`).exec(html);
  if (!match) throw new Error(`no row ${header}`);
  return (match[1] ?? '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

describe('the scorecard page', () => {
  it('given a rep named with a script tag and a commitment holding one, when rendered, then both are text, never markup', () => {
    const script = '<script>alert("x")</script>';
    const report = reportInput({
      reps: [rep('A', { name: `Dana ${script}` }), rep('B'), rep('C', { store: `<b>South</b>` })],
      openFlags: [
        openFlag({ measure: SET_RATE, repId: 'A', openedOn: '2026-11-10', status: 'Committed', commitment: script }),
      ],
      names: { MGR1: `Morgan <img src=x onerror=alert(1)>` },
    });
    const html = scorecardPage(report);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>South');
    expect(html).toContain(`Dana ${esc(script)}`);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('Morgan &lt;img src=x onerror=alert(1)&gt;');
  });

  it('given the report, then the page is self-contained: no script, no external asset, the style inline', () => {
    const html = scorecardPage(reportInput());
    expect(html).not.toMatch(/<script|<link|<iframe|\bsrc=|url\(|@import/i);
    expect(html).not.toMatch(/href="(?!#)/);
    expect(html).toMatch(/<style>[^<]+<\/style>/);
  });

  it('given the report, then it has a language, a viewport, one h1 and headings that never skip a level', () => {
    const html = scorecardPage(reportInput());
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    const levels = [...html.matchAll(/<h([1-6])\b/g)].map((m) => Number(m[1]));
    expect(levels.filter((level) => level === 1)).toHaveLength(1);
    levels.forEach((level, i) => {
      if (i > 0) expect(level - (levels[i - 1] ?? 1)).toBeLessThanOrEqual(1);
    });
  });

  it('given the report, then every table has a caption and scoped headers, and every bar has its number beside it', () => {
    const html = scorecardPage(reportInput());
    const tables = html.match(/<table>[\s\S]*?<\/table>/g) ?? [];
    expect(tables.length).toBeGreaterThan(5);
    for (const table of tables) {
      expect(table).toMatch(/^<table><caption>[^<]+<\/caption>/);
      expect(table).not.toMatch(/<th(?! scope="(col|row)")[ >]/);
    }
    const bars = html.match(
      /<span class="bar" aria-hidden="true">(?:<span[^>]*><\/span>)*<\/span>( <span class="num">[^<]+)?/g,
    );
    expect(bars?.length).toBeGreaterThan(10);
    // The goal's bar is the one that sits in a sentence; every bar in a table carries its number.
    const inTables = tables.join('').match(/<span class="bar"[\s\S]*?<\/span><\/span>(.{0,40})/g) ?? [];
    expect(inTables.length).toBeGreaterThan(10);
    for (const cell of inTables) expect(cell).toMatch(/<span class="num">\d+%/);
  });

  it('given rep A flagged on the set rate, then their funnel shows the counts and measured rates against target and team', () => {
    const report = reportInput();
    const a = article(scorecardPage(report), 'A');
    const plan = report.coaching.plans.find((p) => p.repId === 'A');
    const card = report.coaching.scorecards.find((c) => c.repId === 'A');
    const setRate = card?.results.find((r) => r.measure === SET_RATE);
    const team = report.coaching.team.results.find((r) => r.measure === SET_RATE);
    expect(plan?.steps.map((s) => s.sample)).toEqual([40, 5, 2]);
    expect(setRate?.kind === 'ratio' && [setRate.value, setRate.trials]).toEqual([5 / 40, 40]);
    expect(row(a, 'Contact')).toBe('40 – – –');
    // 13% of 40 contacts, the team's (the salespeople pooled) and the target.
    expect(row(a, 'Appointment set')).toBe(
      `5 13% of 40 appointment set rate ${Math.round((team?.value ?? 0) * 100)}% 60%`,
    );
    expect(a).toMatch(/<span class="fill" style="width:12\.5%"><\/span><span class="tick target" style="left:60\.0%">/);
  });

  it('given A flagged and the org holding the flag Committed, then the flag shows diagnosis, summary, cost and the manager’s commitment and date', () => {
    const flag = openFlag({
      measure: SET_RATE,
      repId: 'A',
      openedOn: '2026-11-10',
      status: 'Committed',
      commitment: 'Role-play the appointment ask every Monday',
      followUpDate: '2026-12-01',
    });
    const report = reportInput({ openFlags: [flag] });
    const finding = report.coaching.diagnoses.find((d) => d.repId === 'A')?.flagged[0];
    const flags = article(scorecardPage(report), 'A').split('<h4>Open flags (1)</h4>')[1] ?? '';
    expect(flags).toContain('<strong>Appointment set rate</strong><span class="tag">Skill</span>');
    expect(flags).toContain('<span class="tag">focus</span>');
    expect(flags).toContain(`<p>${esc(finding?.summary ?? 'missing')}</p>`);
    expect(flags).toContain(`about ${finding?.lostUnits.toFixed(1)} units a month`);
    expect(flags).toContain('<dt>Status</dt><dd>Committed</dd>');
    expect(flags).toContain('Role-play the appointment ask every Monday');
    expect(flags).toContain('<dt>Follow-up</dt><dd>2026-12-01</dd>');
  });

  it('given a finding not yet in the org and an open flag the run no longer finds, then both are listed, each saying where it stands', () => {
    const report = reportInput({
      openFlags: [openFlag({ measure: CLOSE_RATE, repId: 'A', openedOn: '2026-11-01', status: 'Not Improved' })],
    });
    const a = article(scorecardPage(report), 'A');
    expect(a).toContain('<h4>Open flags (2)</h4>');
    expect(a).toContain('not read back yet');
    expect(a).toContain('<dt>Status</dt><dd>Not Improved</dd>');
    expect(a).toContain('Not found weak in this window');
  });

  it('given stores North and South, then each has its section, its people at a glance and its funnel added up', () => {
    const html = scorecardPage(reportInput());
    const north = html.slice(html.indexOf('<h2 id="store-North">'), html.indexOf('<h2 id="store-South">'));
    expect(north).toContain('North: funnel of its 2 salespeople together');
    expect(row(north, 'Contact')).toBe('80 – – –');
    expect(row(north, 'Appointment set')).toMatch(/^35 44% of 80 appointment set rate \d+% 60%$/);
    expect(north).toMatch(/<a href="#rep-S">Rep S<\/a> \(setter\)/);
    expect(html.indexOf('<h2 id="store-South">')).toBeGreaterThan(0);
  });

  it('given a team finding and its open team flag, then the manager is named with the team and the commitment', () => {
    const report = reportInput({
      openFlags: [
        openTeamFlag({ measure: 'set_rate', managerId: 'MGR1', openedOn: '2026-11-12', commitment: 'Weekly drills' }),
      ],
    });
    report.coaching.teamFindings.push(teamFinding());
    const html = scorecardPage(report);
    const teams = html.slice(html.indexOf('<h2 id="teams">'), html.indexOf('<section aria-labelledby="store-'));
    expect(teams).toContain('<dt>Manager</dt><dd>Morgan Manager</dd>');
    expect(teams).toContain('<dt>Team</dt><dd>6 salespeople, North, South</dd>');
    expect(teams).toContain('Weekly drills');
  });

  it('given an open team flag this run no longer finds, then it is still listed under whole teams with its status', () => {
    const report = reportInput({
      openFlags: [
        openTeamFlag({ measure: CLOSE_RATE, managerId: 'MGR1', openedOn: '2026-11-02', status: 'Committed' }),
      ],
    });
    const html = scorecardPage(report);
    const teams = html.slice(html.indexOf('<h2 id="teams">'), html.indexOf('<section aria-labelledby="store-'));
    expect(teams).toContain('<strong>Close rate</strong>');
    expect(teams).toContain('<dt>Team</dt><dd>the salespeople, North, South</dd>');
    expect(teams).toContain('<dt>Status</dt><dd>Committed</dd>');
    expect(teams).toContain('Not found weak in this window');
  });

  it('given commitments checked, then coaching effectiveness has a row per manager and the store', () => {
    const counts = {
      committed: 4,
      improved: 2,
      notImproved: 1,
      waiting: 1,
      improvedShare: 2 / 3,
      medianDaysToImprove: 9,
    };
    const html = scorecardPage(
      reportInput({
        effectiveness: [
          { managerId: null, total: counts, byDiagnosis: { Skill: counts }, byMeasure: {} },
          { managerId: 'MGR1', total: counts, byDiagnosis: {}, byMeasure: {} },
        ],
      }),
    );
    expect(row(html, 'Morgan Manager')).toBe('4 2 1 1 67% 9');
    expect(row(html, 'The store')).toBe('4 2 1 1 67% 9');
    expect(html).toContain('By diagnosis: Skill 2 of 3 improved.');
  });
});
