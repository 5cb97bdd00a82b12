import type { Command } from 'commander';
import type { GoalPlan } from '../../core';
import type { CliContext } from '../context';
import type { OrgCommandOptions } from '../run-context';
import { buildReport } from './report';
import { configOption, stateOption, nowOption, jsonOption } from '../options';

export interface PlanOptions extends Pick<OrgCommandOptions, 'config' | 'state' | 'now'> {
  json?: boolean;
}

const one = (value: number | null): string => (value === null ? '–' : value.toFixed(1));

/** Goal → daily activity, per salesperson: what each working day needs, worked back through their own ratios. */
export function renderPlans(plans: readonly GoalPlan[], stepLabel: (id: string) => string): string {
  const lines: string[] = [];
  for (const plan of plans) {
    lines.push(
      `${plan.name}: ${plan.monthlyGoal} per month (${plan.goalSource}), ${plan.workingDaysElapsed} of ${plan.workingDaysInMonth} working days gone`,
    );
    lines.push(
      `  ${'step'.padEnd(22)} ${'per day'.padStart(8)} ${'per month'.padStart(10)} ${'to next'.padStart(8)} ${'MTD'.padStart(6)} ${'expected'.padStart(9)}`,
    );
    for (const step of plan.steps) {
      const ratio = step.plannedRatioToNext === null ? '' : `${Math.round(step.plannedRatioToNext * 100)}%`;
      const pace = step.onTrack === null ? '' : step.onTrack ? ' on track' : ' behind';
      lines.push(
        `  ${stepLabel(step.step).padEnd(22)} ${one(step.requiredPerWorkingDay).padStart(8)} ${one(step.requiredPerMonth).padStart(10)} ${ratio.padStart(8)} ${String(step.monthToDate).padStart(6)} ${one(step.expectedByNow).padStart(9)}${pace}`,
      );
    }
    lines.push('');
  }
  return `${lines.join('\n')}`;
}

export function registerPlan(program: Command, ctx: CliContext): void {
  program
    .command('plan')
    .description(
      "Turn each salesperson's monthly goal into the activity each working day needs, with month-to-date pace.",
    )
    .addOption(configOption())
    .addOption(stateOption())
    .addOption(nowOption())
    .addOption(jsonOption('the plans'))
    .action((options: PlanOptions) => {
      const report = buildReport(options, ctx);
      const label = (id: string): string => report.model.steps.find((s) => s.id === id)?.label ?? id;
      ctx.out(
        options.json === true
          ? `${JSON.stringify(report.coaching.plans, null, 2)}\n`
          : renderPlans(report.coaching.plans, label),
      );
    });
}
