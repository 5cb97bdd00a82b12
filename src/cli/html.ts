/**
 * The few HTML pieces the scorecard page is built of, as strings. Every text that may come from the CRM (names,
 * stores, summaries, commitments) goes through `esc` before it meets markup: a rep named `<script>` is text on the
 * page, never a tag. Callers pass cells already rendered; only these helpers write tags around them.
 */

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text as HTML: safe inside elements and inside quoted attributes. */
export function esc(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/** An id fragment from any text (a Salesforce Id, a store name): letters, digits, `-` and `_` only. */
export function slug(text: string): string {
  return text.replace(/[^A-Za-z0-9_-]+/g, '-');
}

export interface Mark {
  /** Where the tick sits, a share in [0, 1]. */
  at: number;
  /** Its class: `target` or `peers` (drawn differently, named in the legend). */
  kind: 'target' | 'peers';
}

const clamp = (share: number): number => Math.max(0, Math.min(1, share));
const percent = (share: number): string => `${(clamp(share) * 100).toFixed(1)}%`;

/**
 * A horizontal bar for a share in [0, 1] with ticks for the target and the peers. It is drawn for the eye only
 * (aria-hidden): the number it shows is always in the text next to it, which is what a screen reader reads.
 */
export function bar(share: number | null, marks: readonly Mark[] = [], label = ''): string {
  const fill = share === null ? '' : `<span class="fill" style="width:${percent(share)}"></span>`;
  const ticks = marks.map((m) => `<span class="tick ${m.kind}" style="left:${percent(m.at)}"></span>`).join('');
  return `<span class="bar" aria-hidden="true">${fill}${ticks}</span>${label === '' ? '' : ` <span class="num">${label}</span>`}`;
}

export interface TableSpec {
  /** Plain text (escaped here): it is also the scrolling region's label. */
  caption: string;
  /** Column headers, already HTML. The first column holds each row's header cell. */
  head: readonly string[];
  /** Rows of cells, already HTML; the first cell of each becomes `<th scope="row">`. */
  rows: ReadonlyArray<readonly string[]>;
  /** Class names for the columns (e.g. `n` for right-aligned numbers), by index. */
  classes?: ReadonlyArray<string | undefined>;
}

const cls = (name: string | undefined): string => (name ? ` class="${name}"` : '');

/**
 * A data table with its caption and scoped headers, inside a region that scrolls sideways on its own when a phone is
 * narrower than the table, so the page itself never does. The region is focusable so a keyboard can scroll it.
 */
export function table(spec: TableSpec): string {
  const head = spec.head.map((h, i) => `<th scope="col"${cls(spec.classes?.[i])}>${h}</th>`).join('');
  const rows = spec.rows
    .map(
      (row) =>
        `<tr>${row
          .map((cell, i) => (i === 0 ? `<th scope="row">${cell}</th>` : `<td${cls(spec.classes?.[i])}>${cell}</td>`))
          .join('')}</tr>`,
    )
    .join('\n');
  return `<div class="scroll" role="region" tabindex="0" aria-label="${esc(spec.caption)}">
<table><caption>${esc(spec.caption)}</caption>
<thead><tr>${head}</tr></thead>
<tbody>
${rows}
</tbody></table></div>`;
}

/** Terms and their descriptions, already HTML. */
export function definitions(pairs: ReadonlyArray<readonly [string, string]>): string {
  return `<dl>${pairs.map(([term, description]) => `<div><dt>${term}</dt><dd>${description}</dd></div>`).join('')}</dl>`;
}
