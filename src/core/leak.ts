/**
 * The leak of a weakness: the units per month it costs, so the biggest one becomes the focus.
 * Window counts are scaled to a month by (working days in this month ÷ working days in the
 * window). Decided formulas (conversions are to the goal step, see conversion.ts):
 * - ratio:        trials × (target − actual) × team conversion from `to`;
 * - volume:       (expected − observed) × the rep's shrunk conversion from the step (a team's: the team's);
 * - responseTime: decided × (target − actual) × team conversion from `from` (the lead), the
 *                 leads answered late beyond what the target tolerates;
 * - overdue, staleLead: (count − maxAllowed) × team conversion from `valueStep`; these are
 *                 items open now, a stock rather than a flow, so they are not scaled;
 * - sequence:     (skipped − maxSkipShare × reached) × team conversion from the skipped step: a
 *                 sale made without the demo was still a sale, so what a skip forfeits is what
 *                 the skipped step is worth, not a unit; the customers it did lose show in the
 *                 rates it explains (root-causes.ts), which then price it;
 * - integrity:    suspicious events of each step × team conversion from that step.
 * With `coaching.leakSource: store`, a salesperson's volume or response-time finding whose activity
 * the store's own history shows predicts sales is priced by that effect instead (leak-store.ts).
 */
import type { Conversions } from './conversion';
import type { MeasureModel, Rep } from './model';
import type { MeasureResult } from './measure-results';

export interface LeakContext {
  conversions: Conversions;
  /** The rep whose own conversion prices a volume shortfall; none for a team (the team's conversion). */
  rep?: { rep: Rep; index: number };
  /** Working days in the current month ÷ working days in the window (0 for an empty window). */
  monthScale: number;
}

export interface Leak {
  units: number;
  /** The arithmetic, for the evidence text. */
  formula: string;
}

export function leakOf(result: MeasureResult, measure: MeasureModel, context: LeakContext): Leak {
  const { conversions, monthScale } = context;
  const scale = `× ${fmt(monthScale)} (month ÷ window working days)`;
  const make = (units: number, formula: string): Leak => ({ units: Math.max(0, units), formula });
  switch (result.kind) {
    case 'volume': {
      const own = context.rep;
      const conversion = own
        ? conversions.repToGoal(own.rep, own.index, result.step)
        : conversions.teamToGoal(result.step);
      const shortfall = Math.max(0, (result.expected ?? 0) - result.observed);
      return make(
        shortfall * conversion * monthScale,
        `shortfall ${fmt(shortfall)} × conversion ${fmt(conversion)} ${scale}`,
      );
    }
    case 'ratio': {
      const conversion = conversions.teamToGoal(result.to);
      const gap = result.target - (result.value ?? 0);
      return make(
        result.trials * gap * conversion * monthScale,
        `${result.trials} × (${fmt(result.target)} − ${fmt(result.value ?? 0)}) × team conversion ${fmt(conversion)} ${scale}`,
      );
    }
    case 'responseTime': {
      const conversion = conversions.teamToGoal(result.from);
      const gap = result.target - (result.value ?? 0);
      return make(
        result.decided * gap * conversion * monthScale,
        `${result.decided} × (${fmt(result.target)} − ${fmt(result.value ?? 0)}) × team conversion ${fmt(conversion)} ${scale}`,
      );
    }
    case 'overdue':
    case 'staleLead': {
      const valueStep = measure.kind === 'overdue' || measure.kind === 'staleLead' ? measure.valueStep : '';
      const conversion = conversions.teamToGoal(valueStep);
      const excess = result.count - result.maxAllowed;
      return make(excess * conversion, `(${result.count} − ${result.maxAllowed}) × team conversion ${fmt(conversion)}`);
    }
    case 'sequence': {
      const conversion = conversions.teamToGoal(weakStep(result, measure));
      const excess = result.skipped - result.maxSkipShare * result.reached;
      return make(
        excess * conversion * monthScale,
        `(${result.skipped} − ${fmt(result.maxSkipShare)} × ${result.reached}) × team conversion ${fmt(conversion)} ${scale}`,
      );
    }
    case 'integrity': {
      let units = 0;
      const parts: string[] = [];
      for (const [step, count] of Object.entries(result.suspiciousBySteps)) {
        const conversion = conversions.teamToGoal(step);
        units += count * conversion;
        parts.push(`${count} × ${fmt(conversion)}`);
      }
      return make(units * monthScale, `(${parts.join(' + ') || '0'}) ${scale}`);
    }
  }
}

/** The step a weakness is about (the flag's Step__c). */
export function weakStep(result: MeasureResult, measure: MeasureModel): string {
  switch (result.kind) {
    case 'volume':
      return result.step;
    case 'ratio':
    case 'responseTime':
      return result.to;
    case 'overdue':
    case 'staleLead':
      return measure.kind === 'overdue' || measure.kind === 'staleLead' ? measure.valueStep : '';
    case 'sequence':
      return mostFrequent(result.skippedBySteps) ?? result.step;
    case 'integrity':
      return mostFrequent(result.suspiciousBySteps) ?? (measure.kind === 'integrity' ? (measure.steps[0] ?? '') : '');
  }
}

function mostFrequent(counts: Record<string, number>): string | null {
  let best: string | null = null;
  for (const [key, count] of Object.entries(counts)) if (best === null || count > (counts[best] ?? 0)) best = key;
  return best;
}

/** A factor of a leak's formula: up to three decimals. */
export function fmt(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(3).replace(/0+$/, '');
}
