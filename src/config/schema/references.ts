/**
 * Checks that span sections: unique ids, references to steps that exist, a goal at the end of
 * its funnel. They read the input loosely (it may be half invalid) so that they run even when
 * other parts of the file are wrong, and every problem is reported in one go.
 */
import type { z } from 'zod';
import type { MeasureKind } from '../../core/model';
import { didYouMean } from '../hints';
import { shown } from '../shown';

type Ctx = z.core.$RefinementCtx<unknown>;
type Loose = Readonly<Record<string, unknown>>;
type Path = readonly (string | number)[];

const asRecord = (value: unknown): Loose | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Loose) : undefined;
const asArray = (value: unknown): readonly unknown[] => (Array.isArray(value) ? value : []);
const asString = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** Where each kind of measure names steps: a field holding one id, or a list of ids. */
const STEP_REFERENCES: Readonly<Record<MeasureKind, readonly Path[]>> = {
  volume: [['step']],
  ratio: [['from'], ['to']],
  responseTime: [['from'], ['to']],
  overdue: [['valueStep']],
  staleLead: [['valueStep']],
  sequence: [['step'], ['requires']],
  integrity: [['steps'], ['minDuration', 'steps']],
};

function valueAt(root: unknown, path: Path): unknown {
  let node = root;
  for (const key of path) {
    if (typeof key === 'number') node = asArray(node)[key];
    else node = asRecord(node)?.[key];
  }
  return node;
}

function issue(ctx: Ctx, path: Path, message: string, hint?: string): void {
  ctx.addIssue({ code: 'custom', message, path: [...path], ...(hint === undefined ? {} : { params: { hint } }) });
}

/** Reports the second and later uses of an id, pointing back at the first. */
function checkUnique(ctx: Ctx, list: readonly unknown[], section: string, noun: string): void {
  const firstIndex = new Map<string, number>();
  list.forEach((entry, index) => {
    const id = asString(asRecord(entry)?.id);
    if (id === undefined) return;
    const first = firstIndex.get(id);
    if (first === undefined) firstIndex.set(id, index);
    else
      issue(
        ctx,
        [section, index, 'id'],
        `${noun} id ${shown(id)} is already used by ${section}[${first}]`,
        `give each ${noun} its own id`,
      );
  });
}

/** Calls `visit` for every step id named at `path` under `base` (one id or a list of them). */
function forEachStepRef(root: unknown, base: Path, path: Path, visit: (id: string, at: Path) => void): void {
  const value = valueAt(root, [...base, ...path]);
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      const id = asString(item);
      if (id !== undefined) visit(id, [...base, ...path, index]);
    });
    return;
  }
  const id = asString(value);
  if (id !== undefined) visit(id, [...base, ...path]);
}

export function checkReferences(input: unknown, ctx: Ctx): void {
  const root = asRecord(input);
  if (root === undefined) return;
  const steps = asArray(root.steps);
  const measures = asArray(root.measures);
  checkUnique(ctx, steps, 'steps', 'step');
  checkUnique(ctx, measures, 'measures', 'measure');

  const stepById = new Map<string, Loose>();
  for (const step of steps) {
    const record = asRecord(step);
    const id = asString(record?.id);
    if (record !== undefined && id !== undefined && !stepById.has(id)) stepById.set(id, record);
  }
  const stepIds = [...stepById.keys()];
  const requireStep = (id: string, at: Path): void => {
    // With no steps at all, every reference is unknown: the one problem worth reading is the empty list.
    if (stepIds.length > 0 && !stepById.has(id))
      issue(ctx, at, `unknown step ${shown(id)}`, didYouMean(id, stepIds, 'steps'));
  };

  measures.forEach((entry, index) => {
    const kind = asString(asRecord(entry)?.kind);
    if (kind === undefined || !(kind in STEP_REFERENCES)) return;
    for (const path of STEP_REFERENCES[kind as MeasureKind])
      forEachStepRef(root, ['measures', index], path, requireStep);
    checkMeasureConsistency(ctx, root, index, stepById);
  });

  checkGoals(ctx, root, requireStep);
  const noShow = asRecord(asRecord(root.coaching)?.noShowFollowUp);
  for (const key of ['step', 'rebookedBy'] as const) {
    const id = asString(noShow?.[key]);
    if (id !== undefined) requireStep(id, ['coaching', 'noShowFollowUp', key]);
  }
  const stepFields = asRecord(asRecord(asRecord(root.writeBack)?.scorecard)?.stepFields) ?? {};
  for (const id of Object.keys(stepFields)) requireStep(id, ['writeBack', 'scorecard', 'stepFields', id]);
}

/** Within one measure: steps that must differ, durations that must exist, goals that must cover. */
function checkMeasureConsistency(ctx: Ctx, root: Loose, index: number, stepById: ReadonlyMap<string, Loose>): void {
  const measure = asRecord(asArray(root.measures)[index]) ?? {};
  const at = ['measures', index] as const;
  const kind = measure.kind;
  if ((kind === 'ratio' || kind === 'responseTime') && measure.from !== undefined && measure.from === measure.to) {
    issue(ctx, [...at, 'to'], '`from` and `to` are the same step', 'a conversion runs from one step to a later one');
  }
  if (kind === 'ratio' || kind === 'responseTime') checkForward(ctx, root, index, kind);
  if (kind === 'integrity') {
    forEachStepRef(root, at, ['minDuration', 'steps'], (id, path) => {
      const step = stepById.get(id);
      if (step !== undefined && step.durationField === undefined) {
        issue(
          ctx,
          path,
          `step "${id}" has no durationField, so its duration cannot be checked`,
          `add durationField (e.g. CallDurationInSeconds) to step "${id}"`,
        );
      }
    });
  }
  if (kind === 'volume') checkGoalVolume(ctx, root, index, stepById);
}

/**
 * Steps are listed in funnel order, and a conversion runs down the funnel: from a later step back
 * to an earlier one (sold → contact) is a ratio above 1 or a swapped pair, never what was meant. A
 * response time the same: from the first call back to the lead would wait for a lead that came
 * before it, and every lead would count as answered late or never.
 */
function checkForward(ctx: Ctx, root: Loose, index: number, kind: 'ratio' | 'responseTime'): void {
  const measure = asRecord(asArray(root.measures)[index]) ?? {};
  const order = asArray(root.steps).map((step) => asString(asRecord(step)?.id));
  const [fromId, toId] = [asString(measure.from), asString(measure.to)];
  if (fromId === undefined || toId === undefined) return;
  const [from, to] = [order.indexOf(fromId), order.indexOf(toId)];
  if (from < 0 || to < 0 || to >= from) return;
  issue(
    ctx,
    ['measures', index, 'to'],
    `step ${shown(toId)} comes before ${shown(fromId)} in steps, so this ${kind === 'ratio' ? 'ratio' : 'response time'} runs backwards`,
    kind === 'ratio'
      ? 'a ratio converts from an earlier step to a later one: swap `from` and `to`, or fix the order of steps'
      : 'a response time runs from an earlier step (the lead) to a later one (the first call): swap `from` and `to`, or fix the order of steps',
  );
}

/** `perDay: goal`, the measure's or a role's: the goal plan must cover the step, and only salespeople have one. */
function checkGoalVolume(ctx: Ctx, root: Loose, index: number, stepById: ReadonlyMap<string, Loose>): void {
  const measure = asRecord(asArray(root.measures)[index]) ?? {};
  const at = ['measures', index] as const;
  const step = asString(measure.step);
  const funnel = asArray(asRecord(root.goals)?.funnel);
  const outsideFunnel = step !== undefined && stepById.has(step) && !funnel.includes(step);
  for (const path of [['perDay'], ['byRole', 'salesperson', 'perDay']] as const) {
    if (!outsideFunnel || valueAt(measure, path) !== 'goal') continue;
    issue(
      ctx,
      [...at, ...path],
      `perDay "goal" needs step "${step}" in goals.funnel, which the goal plan works along`,
      'add the step to goals.funnel or give perDay a number',
    );
  }
  const setter = ['byRole', 'setter', 'perDay'] as const;
  if (valueAt(measure, setter) === 'goal') {
    issue(
      ctx,
      [...at, ...setter],
      'setters have no goal plan, so perDay "goal" sets them no expectation',
      'give setters a number of events per working day, or leave perDay out',
    );
  }
}

function checkGoals(ctx: Ctx, root: Loose, requireStep: (id: string, at: Path) => void): void {
  const goals = asRecord(root.goals);
  if (goals === undefined) return;
  forEachStepRef(root, ['goals'], ['step'], requireStep);
  forEachStepRef(root, ['goals'], ['funnel'], requireStep);

  const funnel = asArray(goals.funnel);
  const seen = new Set<unknown>();
  funnel.forEach((id, index) => {
    if (seen.has(id)) issue(ctx, ['goals', 'funnel', index], `step "${String(id)}" appears twice in the funnel`);
    seen.add(id);
  });
  const last = funnel[funnel.length - 1];
  const step = asString(goals.step);
  if (step !== undefined && funnel.length > 0 && last !== step) {
    issue(
      ctx,
      ['goals', 'funnel'],
      `the funnel must end with the goal step "${step}"`,
      `make "${step}" the last entry of goals.funnel`,
    );
  }
}
