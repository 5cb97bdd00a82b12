/**
 * The scorecard page's section "Which activities predict sales here": the history used, the ranking as an accessible
 * table, the out-of-sample line and how to read it, in the words `analyze` prints; with too little history, what it
 * would need and no table. The analysis is built here row by row (the statistics are test/predictive's).
 */
import { renderAnalysis } from '../../src/cli/render-analysis';
import { analysisSection } from '../../src/cli/scorecard-analysis';
import { scorecardPage } from '../../src/cli/scorecard-page';
import { CALLS, storeAnalysis, THIN, view } from './analysis-builders';
import { reportInput } from './report-builders';

/** The cells of each body row, tags stripped. */
function bodyRows(html: string): string[][] {
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(html)?.[1] ?? '';
  return [...body.matchAll(/<tr>(.*?)<\/tr>/g)].map((row) =>
    [...(row[1] ?? '').matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/g)].map((cell) => (cell[1] ?? '').replace(/<[^>]*>/g, '')),
  );
}

/** The HTML as a reader sees its words: tags dropped, entities read, spaces collapsed. */
const text = (html: string): string =>
  html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

describe('the scorecard page’s predictive analysis', () => {
  it('given a predictive, a not predictive and a thin measure, then the ranking is a captioned table with a row each, in order', () => {
    const html = analysisSection(view(storeAnalysis()));
    expect(html).toMatch(
      /^<section aria-labelledby="analysis"><h2 id="analysis">Which activities predict sales here<\/h2>/,
    );
    expect(html).toMatch(/<table><caption>Activities ranked: [^<]+<\/caption>/);
    expect(html).toContain(
      '<thead><tr><th scope="col">Measure</th><th scope="col">Verdict</th><th scope="col" class="n">Worth / month, median→p75 (95%)</th><th scope="col" class="n">People</th><th scope="col" class="n">Person-weeks</th></tr></thead>',
    );
    expect(bodyRows(html)).toEqual([
      ['Outbound calls / day', 'predictive here', '+2.40 (+1.25 … +3.50)', '10', '180'],
      ['Lead response (share)', 'not predictive here', '−0.05 (−0.20 … 0.00)', '10', '180'],
      ['Demo drive / day', 'not enough data', '–', '3', '20'],
    ]);
    expect(html).toContain('<strong class="predictive">predictive here</strong>');
  });

  it('given the analysis, then the page says what `analyze` prints: the history used, the out-of-sample line and how to read it', () => {
    const analysis = storeAnalysis();
    const page = text(analysisSection(view(analysis)));
    expect(page).toContain(
      'History: 27 weeks (2026-06-01 … 2026-11-30) for 10 salespeople; the panel used 180 person-weeks (22 weeks, 10 people) whose 1–4-week outcome has passed.',
    );
    expect(page).toContain(
      'Out of sample: fitted on 110 person-weeks before 2026-09-21, predicting 70 later ones: error 0.90 units a week with Outbound calls against 1.20 from past sales alone (25.0% lower).',
    );
    expect(page).toContain('How to read this: "predictive here" means weeks in which a rep did more of it');
    // A paragraph each: the intro, the history, the check, how to read it (its wrapped lines joined).
    const html = analysisSection(view(analysis));
    expect(
      html.match(/<p>Which activities predict|<p>History: |<p>Out of sample: |<p>How to read this: /g),
    ).toHaveLength(4);
    expect(html).toMatch(
      /<p>How to read this: [^<]+ for that same rep [^<]+ move of a rep [^<]+not proof of cause\.<\/p>/,
    );
    expect(page).toContain("this store's history, not proof of cause.");
    // Every line of the text but its table, word for word; and each table row holds the page's cells.
    const printed = renderAnalysis(analysis, view(analysis).stepLabel).split('\n');
    for (const line of printed.filter((l) => l.trim() !== '' && !l.startsWith('  ')))
      expect(page).toContain(line.trim());
    bodyRows(analysisSection(view(analysis))).forEach((cells, i) => {
      const row = printed.find((line) => line.startsWith(`  ${cells[0] ?? 'none'} `)) ?? `no row ${i}`;
      for (const cell of cells) expect(row).toContain(cell);
    });
  });

  it('given too little history, then it says plainly what it needs, and shows no table', () => {
    const html = analysisSection(
      view(
        storeAnalysis({
          history: { from: '2026-10-26', to: '2026-11-30', weeks: 5, people: 4 },
          panel: { weeks: 2, people: 4, personWeeks: 8 },
          measures: [THIN, { ...THIN, id: 'contact', label: 'Contact made' }],
          check: null,
          enoughData: false,
        }),
      ),
    );
    expect(text(html)).toContain(
      '5 weeks of history for 4 people: not enough data; it needs 6 people with 4 weeks each and 48 person-weeks in all (weeks whose next 4 weeks of Sale are known).',
    );
    expect(text(html)).toContain('Out of sample: no later weeks to predict from earlier ones yet.');
    expect(html).not.toContain('<table');
  });

  it('given labels from the config with markup in them, then they are text on the page, never tags', () => {
    const html = analysisSection(
      view(storeAnalysis({ measures: [{ ...CALLS, label: '<b>Calls</b>' }] }), { sold: '<script>x</script>' }),
    );
    expect(html).not.toMatch(/<script|<b>/);
    expect(html).toContain('&lt;b&gt;Calls&lt;/b&gt; / day');
    expect(html).toContain('Which activities predict &quot;&lt;script&gt;x&lt;/script&gt;&quot; in this store');
  });

  it('given the page built with an analysis, then the section sits after the stores and before coaching effectiveness; without one there is none', () => {
    const report = reportInput();
    const html = scorecardPage(report, view(storeAnalysis()));
    const section = html.indexOf('<h2 id="analysis">');
    expect(section).toBeGreaterThan(html.lastIndexOf('<section aria-labelledby="store-'));
    expect(section).toBeLessThan(html.indexOf('<h2 id="effectiveness">'));
    expect(scorecardPage(report)).not.toContain('id="analysis"');
  });
});
