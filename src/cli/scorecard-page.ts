/**
 * The scorecard page (issue 11, item 3): the coaching report as one HTML page for a manager or a dealer principal,
 * per store and per person. A pure function of the report's model (`ReportInput`, built by `buildReport` for
 * `report` and `report --json`): `report --html` writes it, `serve` answers it at /scorecard. It works without
 * JavaScript and loads nothing: the style sheet is inline, and every text from the CRM is escaped.
 */
import { type Effectiveness, type EffectivenessCounts, type Scorecard } from '../core';
import { esc, slug, table } from './html';
import type { ReportInput } from './render-report';
import { analysisSection, type ScorecardAnalysis } from './scorecard-analysis';
import { SCORECARD_CSS } from './scorecard-css';
import { repFlags, teamFindingList } from './scorecard-flags';
import { funnelTable, storeFunnel } from './scorecard-funnel';
import { personAnchor, personSection } from './scorecard-person';
import { pct } from './wording';

/** The frame every page shares: language, viewport, title, the inline style sheet and a skip link. */
export function pageShell(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>${esc(title)}</title>
<style>${SCORECARD_CSS}</style>
</head>
<body>
<a class="skip" href="#main">Skip to the scorecards</a>
${body}
</body>
</html>
`;
}

const NO_STORE = 'No store';

/** The salespeople and setters of each store, stores and people in name order. */
function byStore(input: ReportInput): Array<[string, Scorecard[]]> {
  const stores = new Map<string, Scorecard[]>();
  for (const card of input.coaching.scorecards) {
    const store = input.reps.find((r) => r.id === card.repId)?.store ?? NO_STORE;
    stores.set(store, [...(stores.get(store) ?? []), card]);
  }
  const byName = (a: string, b: string): number => a.localeCompare(b, 'en');
  return [...stores.entries()]
    .sort(([a], [b]) => byName(a, b))
    .map(([store, cards]) => [store, [...cards].sort((a, b) => byName(a.name, b.name))]);
}

const storeAnchor = (store: string): string => `store-${slug(store)}`;

function navigation(stores: ReadonlyArray<[string, Scorecard[]]>): string {
  const items = stores.map(
    ([store, cards]) =>
      `<li><a href="#${storeAnchor(store)}">${esc(store)}</a>: <ul>${cards
        .map((card) => `<li><a href="#${personAnchor(card.repId)}">${esc(card.name)}</a></li>`)
        .join('')}</ul></li>`,
  );
  return `<nav aria-label="Stores and people"><ul>${items.join('')}</ul></nav>`;
}

const goalLabel = (input: ReportInput): string =>
  input.model.steps.find((s) => s.id === input.model.goals.step)?.label ?? input.model.goals.step;

/** Who is in the store, how far each salesperson is with the month's goal, and how many flags each has open. */
function storeOverview(store: string, cards: readonly Scorecard[], input: ReportInput): string {
  const { coaching } = input;
  return table({
    caption: `${store}: people at a glance`,
    head: ['Person', `${goalLabel(input)} so far, of the goal`, 'Expected by now', 'Open flags'],
    classes: [undefined, 'n', 'n', 'n'],
    rows: cards.map((card) => {
      const plan = coaching.plans.find((p) => p.repId === card.repId);
      const goal = plan?.steps[plan.steps.length - 1];
      const diagnosis = coaching.diagnoses.find((d) => d.repId === card.repId);
      const flags = repFlags(diagnosis, card.repId ?? '', input.openFlags).length;
      return [
        `<a href="#${personAnchor(card.repId)}">${esc(card.name)}</a>${card.role === 'setter' ? ' (setter)' : ''}`,
        goal && plan ? esc(`${goal.monthToDate} of ${plan.monthlyGoal}`) : '–',
        goal?.expectedByNow != null ? esc(goal.expectedByNow.toFixed(1)) : '–',
        esc(flags),
      ];
    }),
  });
}

function storeSection(store: string, cards: readonly Scorecard[], input: ReportInput): string {
  const { coaching, model } = input;
  const planned = cards.flatMap((card) => {
    const plan = coaching.plans.find((p) => p.repId === card.repId);
    return plan ? [{ plan, results: card.results }] : [];
  });
  const plans = planned.map(({ plan }) => plan);
  const funnel =
    plans.length === 0
      ? ''
      : funnelTable(
          storeFunnel(
            plans,
            planned.map(({ results }) => results),
            coaching.team.results,
            model.coaching.confidence,
          ),
          model,
          `${store}: funnel of its ${plans.length} salespeople together, ${coaching.window.startDate} – ${coaching.window.endDate}`,
        );
  return `<section aria-labelledby="${storeAnchor(store)}" class="store">
<h2 id="${storeAnchor(store)}">${esc(store)}</h2>
<div class="card">
<h3>The store</h3>
${storeOverview(store, cards, input)}
${funnel}
</div>
${cards.map((card) => personSection(card, input)).join('\n')}
</section>`;
}

function effectivenessRow(name: string, c: EffectivenessCounts): string[] {
  return [
    esc(name),
    esc(c.committed),
    esc(c.improved),
    esc(c.notImproved),
    esc(c.waiting),
    esc(pct(c.improvedShare)),
    esc(c.medianDaysToImprove === null ? '–' : Math.round(c.medianDaysToImprove)),
  ];
}

function effectivenessSection(all: readonly Effectiveness[], names: ReadonlyMap<string, string>): string {
  const store = all.find((e) => e.managerId === null);
  const body =
    !store || store.total.committed === 0
      ? '<p>No commitment recorded on a flag yet.</p>'
      : `${table({
          caption: 'Commitments recorded on flags, and how their follow-up checks came out',
          head: ['Manager', 'Committed', 'Improved', 'Not improved', 'Waiting', 'Improved share', 'Median days'],
          classes: [undefined, 'n', 'n', 'n', 'n', 'n', 'n'],
          rows: [
            ...all
              .filter((e) => e.managerId !== null)
              .map((e) => effectivenessRow(names.get(e.managerId ?? '') ?? e.managerId ?? '', e.total)),
            effectivenessRow('The store', store.total),
          ],
        })}
<p>By diagnosis: ${Object.entries(store.byDiagnosis)
          .map(([diagnosis, c]) => esc(`${diagnosis} ${c.improved} of ${c.improved + c.notImproved} improved`))
          .join(', ')}.</p>`;
  return `<section aria-labelledby="effectiveness"><h2 id="effectiveness">Coaching effectiveness</h2>\n${body}</section>`;
}

/**
 * The page; with the predictive analysis of the store's whole history (`analyze`) when the caller computed it. It is
 * passed apart from the report because it costs seconds on a large history, which `report` and `report --json` do
 * not pay.
 */
export function scorecardPage(input: ReportInput, analysis?: ScorecardAnalysis): string {
  const { coaching, model, flags } = input;
  const stores = byStore(input);
  const month = coaching.monthToDate;
  const header = `<header>
<h1>${esc(model.dealership.name)}: coaching scorecard</h1>
<p class="meta">Measured over ${esc(coaching.window.startDate)} – ${esc(coaching.window.endDate)} (${esc(
    coaching.window.workingDays,
  )} working days); month to date ${esc(month.startDate)} – ${esc(month.endDate)}, ${esc(month.workingDays)} of ${esc(
    month.workingDaysInMonth,
  )} working days.</p>
<p class="meta">Coaching flags in the org: ${esc(flags.open)} open (${esc(flags.openOnTeams)} on whole teams, ${esc(
    flags.committed,
  )} with a commitment), ${esc(flags.improved)} improved, ${esc(flags.notImproved)} not improved, ${esc(
    flags.resolved,
  )} resolved.</p>
${navigation(stores)}
</header>`;
  const main = `<main id="main">
<section aria-labelledby="teams"><h2 id="teams">Whole teams</h2>
<p>A weakness every member of a manager's team shares: one finding for the manager, not a flag on each person.</p>
${teamFindingList(coaching.teamFindings, input)}
</section>
${stores.map(([store, cards]) => storeSection(store, cards, input)).join('\n')}
${analysisSection(analysis)}
${effectivenessSection(input.effectiveness, input.names)}
</main>`;
  const footer = `<footer><p>From the state of the last sync, computed for ${esc(coaching.window.today)}. The same figures: <code>execution-coach report --json</code>.</p></footer>`;
  return pageShell(`${model.dealership.name}: coaching scorecard`, `${header}\n${main}\n${footer}`);
}
