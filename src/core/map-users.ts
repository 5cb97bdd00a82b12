/**
 * User records → the people the product measures. Salespeople are matched first, so a user
 * who meets both sets of conditions is coached as a salesperson; users who meet neither
 * (managers, admins, the integration user) are left out.
 */
import { compileMatch } from './matcher';
import type { CoachModel, Rep, SfRecord } from './model';
import { plainLine } from './plain-text';
import { parseSfDateTime } from './salesforce-datetime';
import { asNumber, asText, compilePath } from './salesforce-values';

export function compileUserMapper(model: CoachModel): (userRecords: readonly SfRecord[]) => Rep[] {
  const { team, goals } = model;
  const isSalesperson = compileMatch(team.salespeople);
  const isSetter = compileMatch(team.setters);
  const manager = compilePath(team.managerField);
  const store = team.storeField ? compilePath(team.storeField) : null;
  const goal = goals.userField ? compilePath(goals.userField) : null;

  return (userRecords) => {
    const reps: Rep[] = [];
    for (const record of userRecords) {
      const id = asText(record.Id);
      if (id === null) continue;
      const role = isSalesperson(record) ? 'salesperson' : isSetter(record) ? 'setter' : null;
      if (role === null) continue;
      const monthlyGoal = goal ? asNumber(goal(record)) : null;
      const created = asText(record.CreatedDate);
      // Names and stores are CRM text that every report and written task repeats: plain lines from here on.
      const storeName = store ? asText(store(record)) : null;
      reps.push({
        id,
        name: plainLine(asText(record.Name) ?? id),
        role,
        managerId: asText(manager(record)),
        store: storeName === null ? null : plainLine(storeName),
        // A negative goal is a data-entry slip, not a goal: fall back to the override or default.
        monthlyGoal: monthlyGoal !== null && monthlyGoal >= 0 ? monthlyGoal : null,
        activeSince: created === null ? null : parseSfDateTime(created),
      });
    }
    return reps.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  };
}
