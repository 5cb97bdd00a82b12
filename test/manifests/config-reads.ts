/**
 * The Salesforce fields a dealership config makes the connector read, as `Object.Field`, so
 * the integration permission set can be checked against what the default config really needs.
 */
import type { CoachModel, MatchConditions } from '../../src/core/model';

/** Parent relationships the reference model follows, by relationship name. */
const RELATIONSHIP_TARGETS: Readonly<Record<string, string>> = {
  Opportunity: 'Opportunity',
  Owner: 'User',
  CreatedBy: 'User',
};

/** Fields every read selects, whatever the config says. */
const ALWAYS_READ: readonly string[] = ['User.Id', 'User.Name', 'User.IsActive'];

/** `Opportunity.OwnerId` read from OpportunityHistory is the OwnerId of the Opportunity. */
function qualify(object: string, path: string): string[] {
  const parts = path.split('.');
  if (parts.length === 1) return [`${object}.${path}`];
  const [relationship, field] = parts;
  if (relationship === undefined || field === undefined || parts.length > 2)
    throw new Error(`unsupported field path ${path}`);
  // The relationship itself is read through its id field on the child (OpportunityHistory.OpportunityId).
  return [`${object}.${relationship}Id`, `${RELATIONSHIP_TARGETS[relationship] ?? relationship}.${field}`];
}

function fromMatch(object: string, match: MatchConditions): string[] {
  return Object.keys(match).flatMap((path) => qualify(object, path));
}

/** Every `Object.Field` the config's team, steps, measures and goals read. */
export function fieldsReadBy(model: CoachModel): string[] {
  const { team, steps, measures, goals } = model;
  const optional = (object: string, field: string | undefined) => (field === undefined ? [] : qualify(object, field));
  const fields = [
    ...ALWAYS_READ,
    ...fromMatch('User', team.salespeople),
    ...fromMatch('User', team.setters),
    ...qualify('User', team.managerField),
    ...optional('User', team.storeField),
    ...optional('User', goals.userField),
    ...steps.flatMap((step) => [
      ...[step.timeField, step.repField, step.subjectField].flatMap((path) => qualify(step.object, path)),
      ...optional(step.object, step.durationField),
      ...fromMatch(step.object, step.match),
    ]),
    ...measures.flatMap((measure) => {
      switch (measure.kind) {
        case 'overdue':
          return [measure.dueField, measure.repField, measure.subjectField]
            .flatMap((path) => qualify(measure.object, path))
            .concat(fromMatch(measure.object, measure.match));
        case 'staleLead':
          return [measure.repField, measure.statusField].flatMap((path) => qualify(measure.object, path));
        default:
          return [];
      }
    }),
  ];
  return [...new Set(fields)].sort();
}
