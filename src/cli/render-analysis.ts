/**
 * `analyze` as text and as JSON (README "execution-coach analyze"): the ranking table, the
 * out-of-sample line and how to read them. The JSON's field names are documented in the README
 * and are kept stable; numbers are rounded only in the text.
 */
import { type AnalyzedMeasure, MIN_PEOPLE, MIN_PERSON_WEEKS, MIN_WEEKS_PER_PERSON, type StoreAnalysis } from '../core';
import { counted } from './wording';

/** Two decimals: a store's worths are often a fraction of a unit a month; −0.00 would be a sign without a value. */
const signed = (value: number): string => {
  const text = Math.abs(value).toFixed(2);
  return text === '0.00' ? text : `${value > 0 ? '+' : '−'}${text}`;
};

/** A worth and its interval as the text and the scorecard page show them. */
export function worthCell(measure: AnalyzedMeasure): string {
  if (measure.worth === null || measure.worthInterval === null) return '–';
  return `${signed(measure.worth)} (${signed(measure.worthInterval.low)} … ${signed(measure.worthInterval.high)})`;
}

export function measureName(measure: AnalyzedMeasure): string {
  // An integrity measure's label names what it guards ("Call integrity"); its share is of the events it set aside.
  if (measure.source === 'integrity measure') return `${measure.label} (share set aside)`;
  return measure.kind === 'share' ? `${measure.label} (share)` : `${measure.label} / day`;
}

export function renderAnalysis(analysis: StoreAnalysis, stepLabel: (id: string) => string): string {
  const { history, panel, lag } = analysis;
  const outcome = stepLabel(analysis.outcomeStep);
  const lines = [
    `Which activities predict "${outcome}" in this store: each salesperson's own weeks against their "${outcome}" units ${lag.from}–${lag.to} weeks later.`,
    history.from === null
      ? `History: no events of salespeople up to ${history.to}.`
      : `History: ${counted(history.weeks, 'week', 'weeks')} (${history.from} … ${history.to}) for ${counted(history.people, 'salesperson', 'salespeople')}; ` +
        `the panel used ${counted(panel.personWeeks, 'person-week', 'person-weeks')} (${counted(panel.weeks, 'week', 'weeks')}, ${counted(panel.people, 'person', 'people')}) whose ${lag.from}–${lag.to}-week outcome has passed.`,
    '',
  ];
  if (!analysis.enoughData)
    lines.push(
      `${counted(history.weeks, 'week', 'weeks')} of history for ${counted(history.people, 'person', 'people')}: not enough data; ` +
        `it needs ${MIN_PEOPLE} people with ${MIN_WEEKS_PER_PERSON} weeks each and ${MIN_PERSON_WEEKS} person-weeks in all ` +
        `(weeks whose next ${lag.to} weeks of ${outcome} are known).`,
      '',
    );
  const width = Math.max(24, ...analysis.measures.map((m) => measureName(m).length));
  lines.push(
    `  ${'measure'.padEnd(width)}  ${'verdict'.padEnd(19)}  ${'worth / month, median→p75 (95%)'.padEnd(32)}  ${'people'.padStart(6)}  ${'person-weeks'.padStart(12)}`,
  );
  for (const measure of analysis.measures)
    lines.push(
      `  ${measureName(measure).padEnd(width)}  ${measure.verdict.padEnd(19)}  ${worthCell(measure).padEnd(32)}  ${String(measure.people).padStart(6)}  ${String(measure.personWeeks).padStart(12)}`,
    );
  lines.push('', checkLine(analysis, stepLabel), '', ...howToRead(outcome), '');
  return lines.join('\n');
}

function checkLine(analysis: StoreAnalysis, stepLabel: (id: string) => string): string {
  const { check } = analysis;
  if (check === null) return 'Out of sample: no later weeks to predict from earlier ones yet.';
  const rows = `fitted on ${counted(check.fittedRows, 'person-week', 'person-weeks')} before ${check.splitDay}, predicting ${counted(check.predictedRows, 'later one', 'later ones')}`;
  if (check.measure === null)
    return `Out of sample: ${rows}; the earlier weeks found no measure predictive, so the prediction is past sales alone (error ${check.baselineError.toFixed(2)} units a week).`;
  const name = analysis.measures.find((m) => m.id === check.measure)?.label ?? stepLabel(check.measure);
  const change = check.baselineError > 0 ? (1 - check.modelError / check.baselineError) * 100 : 0;
  return (
    `Out of sample: ${rows}: error ${check.modelError.toFixed(2)} units a week with ${name} ` +
    `against ${check.baselineError.toFixed(2)} from past sales alone (${Math.abs(change).toFixed(1)}% ${change >= 0 ? 'lower' : 'higher'}).`
  );
}

function howToRead(outcome: string): string[] {
  return [
    `How to read this: "predictive here" means weeks in which a rep did more of it were followed by more "${outcome}" for that`,
    `same rep (each rep's level and each week's store-wide level removed). The worth is the units per month that a lasting`,
    `move of a rep from the team's median to its 75th percentile goes with, with its 95% interval: this store's history, not`,
    `proof of cause.`,
  ];
}

/** The JSON of `analyze --json`: the analysis as computed, with each measure's label and source. */
export function analysisJson(analysis: StoreAnalysis): unknown {
  return {
    outcomeStep: analysis.outcomeStep,
    lag: analysis.lag,
    history: analysis.history,
    panel: analysis.panel,
    enoughData: analysis.enoughData,
    needs: { people: MIN_PEOPLE, weeksPerPerson: MIN_WEEKS_PER_PERSON, personWeeks: MIN_PERSON_WEEKS },
    measures: analysis.measures.map((m) => ({
      id: m.id,
      label: m.label,
      source: m.source,
      kind: m.kind,
      verdict: m.verdict,
      people: m.people,
      personWeeks: m.personWeeks,
      slope: m.slope,
      slopeInterval: m.slopeInterval,
      peers: m.peers,
      worthPerMonth: m.worth,
      worthPerMonthInterval: m.worthInterval,
    })),
    outOfSample: analysis.check && {
      splitDay: analysis.check.splitDay,
      measure: analysis.check.measure,
      fittedRows: analysis.check.fittedRows,
      predictedRows: analysis.check.predictedRows,
      modelError: analysis.check.modelError,
      baselineError: analysis.check.baselineError,
    },
  };
}
