/**
 * Builders of the predictive analysis (`StoreAnalysis`) as `buildAnalysis` hands it to the scorecard page, row by row:
 * a measure predictive here (calls), one not (lead response, a share), one with too little data (demo drives).
 */
import type { ScorecardAnalysis } from '../../src/cli/scorecard-analysis';
import type { AnalyzedMeasure, StoreAnalysis } from '../../src/core';

export function measure(overrides: Partial<AnalyzedMeasure> & Pick<AnalyzedMeasure, 'id' | 'label'>): AnalyzedMeasure {
  return {
    kind: 'per working day',
    source: 'volume measure',
    verdict: 'not predictive here',
    people: 10,
    personWeeks: 180,
    slope: 0.1,
    slopeInterval: { low: -0.05, high: 0.25 },
    peers: { median: 4, p75: 5.5 },
    worth: 0.1,
    worthInterval: { low: -0.05, high: 0.25 },
    ...overrides,
  };
}

export const CALLS = measure({
  id: 'attempt',
  label: 'Outbound calls',
  verdict: 'predictive here',
  worth: 2.4,
  worthInterval: { low: 1.25, high: 3.5 },
});
export const RESPONSE = measure({
  id: 'lead_response',
  label: 'Lead response',
  kind: 'share',
  source: 'response measure',
  worth: -0.051,
  worthInterval: { low: -0.2, high: 0.004 },
});
export const THIN = measure({
  id: 'demo_drive',
  label: 'Demo drive',
  source: 'step',
  verdict: 'not enough data',
  people: 3,
  personWeeks: 20,
  slope: null,
  slopeInterval: null,
  peers: null,
  worth: null,
  worthInterval: null,
});

export function storeAnalysis(overrides: Partial<StoreAnalysis> = {}): StoreAnalysis {
  return {
    outcomeStep: 'sold',
    lag: { from: 1, to: 4 },
    history: { from: '2026-06-01', to: '2026-11-30', weeks: 27, people: 10 },
    panel: { weeks: 22, people: 10, personWeeks: 180 },
    measures: [CALLS, RESPONSE, THIN],
    check: {
      splitWeek: 2940,
      splitDay: '2026-09-21',
      measure: 'attempt',
      fittedRows: 110,
      predictedRows: 70,
      modelError: 0.9,
      baselineError: 1.2,
    },
    enoughData: true,
    ...overrides,
  };
}

export const LABELS: Record<string, string> = { sold: 'Sale', attempt: 'Outbound call' };
export const view = (analysis: StoreAnalysis, labels = LABELS): ScorecardAnalysis => ({
  analysis,
  stepLabel: (id) => labels[id] ?? id,
});
