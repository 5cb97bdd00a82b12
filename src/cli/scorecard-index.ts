/**
 * The pages `serve` answers around the scorecards themselves: the index of the dealerships it serves (when there are
 * several), a dealership that has no sync to show yet, and one it does not serve. Same frame and style as the
 * scorecard page; every name is escaped.
 */
import { esc } from './html';
import { pageShell } from './scorecard-page';

/** Where a dealership's scorecard page and its JSON are: its name (the config file) as one path segment. */
export const scorecardPath = (org: string): string => `/scorecard/${encodeURIComponent(org)}`;
export const scorecardJsonPath = (org: string): string => `/api/scorecard/${encodeURIComponent(org)}`;

export function scorecardIndexPage(orgs: readonly string[]): string {
  const items = orgs
    .map(
      (org) =>
        `<li><a href="${esc(scorecardPath(org))}">${esc(org)}</a> (<a href="${esc(scorecardJsonPath(org))}">JSON</a>)</li>`,
    )
    .join('\n');
  return pageShell(
    'Coaching scorecards',
    `<header><h1>Coaching scorecards</h1><p class="meta">One page per dealership served, by its config file.</p></header>
<main id="main"><h2>Dealerships</h2>
<ul>
${items}
</ul></main>`,
  );
}

export function noSyncPage(org: string): string {
  return pageShell(
    'No scorecard yet',
    `<header><h1>No scorecard yet</h1></header>
<main id="main"><p>${esc(org)} has not finished a sync yet, so there is nothing to show. The page fills in after its
first scheduled run (see <a href="/runs">/runs</a>); reload it then.</p></main>`,
  );
}

export function unknownOrgPage(org: string): string {
  return pageShell(
    'No such dealership',
    `<header><h1>No such dealership</h1></header>
<main id="main"><p>No dealership ${esc(org)} is served here. See <a href="/scorecard">the dealerships served</a>.</p></main>`,
  );
}
