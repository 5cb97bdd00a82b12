/**
 * The scorecard page's section "Which activities predict sales here" (issue 12, item 1): what `execution-coach
 * analyze` prints, as HTML. Its sentences (the history used, what it would need, the out-of-sample line, how to read
 * it) are taken from `renderAnalysis` itself, paragraph by paragraph, so that the page and the command say the same
 * things in the same words and cannot drift apart; only the ranking is rebuilt, as an accessible table, from the
 * analysis's figures. With too little history the table is left out: every row would say "not enough data".
 */
import type { StoreAnalysis } from '../core';
import { esc, table } from './html';
import { measureName, renderAnalysis, worthCell } from './render-analysis';
import { number } from './wording';

/** What `buildAnalysis` (commands/analyze.ts) returns: the analysis and the labels of the config's steps. */
export interface ScorecardAnalysis {
  analysis: StoreAnalysis;
  stepLabel: (id: string) => string;
}

const ANALYSIS_ANCHOR = 'analysis';

/**
 * A block of the text as paragraphs: a line ending a sentence ends one (the intro, then the history), and the lines
 * of a paragraph the text wraps at 120 columns ("how to read this") are joined for the browser to wrap.
 */
function sentences(lines: readonly string[]): string[] {
  const out: string[] = [];
  let open: string[] = [];
  for (const line of lines) {
    open.push(line.trim());
    if (line.trim().endsWith('.')) {
      out.push(open.join(' '));
      open = [];
    }
  }
  return open.length === 0 ? out : [...out, open.join(' ')];
}

/** The text's paragraphs before and after its ranking (the block of indented rows), which the page makes a table. */
function paragraphs(text: string): { before: string[]; after: string[] } {
  const blocks = text
    .split(/\n\s*\n/)
    .map((block) => block.split('\n'))
    .filter((lines) => lines.some((line) => line.trim() !== ''));
  const ranking = blocks.findIndex((lines) => lines.every((line) => line.startsWith('  ')));
  const flat = (some: readonly string[][]): string[] => some.flatMap(sentences);
  return ranking < 0
    ? { before: flat(blocks), after: [] }
    : { before: flat(blocks.slice(0, ranking)), after: flat(blocks.slice(ranking + 1)) };
}

function ranking(analysis: StoreAnalysis): string {
  return table({
    caption: 'Activities ranked: predictive here first, by the worth their interval vouches for',
    head: ['Measure', 'Verdict', 'Worth / month, median→p75 (95%)', 'People', 'Person-weeks'],
    classes: [undefined, undefined, 'n', 'n', 'n'],
    rows: analysis.measures.map((measure) => [
      esc(measureName(measure)),
      measure.verdict === 'predictive here'
        ? `<strong class="predictive">${esc(measure.verdict)}</strong>`
        : esc(measure.verdict),
      esc(worthCell(measure)),
      esc(number(measure.people)),
      esc(number(measure.personWeeks)),
    ]),
  });
}

/** The section; a page built without an analysis (none computed) has none. */
export function analysisSection(view: ScorecardAnalysis | undefined): string {
  if (view === undefined) return '';
  const { analysis, stepLabel } = view;
  const { before, after } = paragraphs(renderAnalysis(analysis, stepLabel));
  const p = (text: string): string => `<p>${esc(text)}</p>`;
  return `<section aria-labelledby="${ANALYSIS_ANCHOR}"><h2 id="${ANALYSIS_ANCHOR}">Which activities predict sales here</h2>
<div class="card">
${before.map(p).join('\n')}
${analysis.enoughData ? ranking(analysis) : ''}
${after.map(p).join('\n')}
<p class="legend">The same analysis: <code>execution-coach analyze</code> (<code>--json</code> for its figures).</p>
</div>
</section>`;
}
