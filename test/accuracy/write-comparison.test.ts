import { compareWrites, isFlagDifference } from '../../scripts/accuracy/write-comparison';
import { referenceModel } from './builders';
import { desiredFlag, inOrg, LEAD, REP, staleTask } from './written-builders';

const model = referenceModel();

describe('comparing the core pass with what the sync wrote', () => {
  it('given the org holds every desired record field for field, then there is no difference', () => {
    const flag = desiredFlag();
    const task = staleTask(LEAD);
    expect(
      compareWrites(model, [flag, task], {
        flags: [inOrg(flag)],
        tasks: [inOrg(task)],
        scorecards: [],
        effectiveness: [],
      }),
    ).toEqual([]);
  });

  it('given a flag missing from the org and another only there, then both are flag differences', () => {
    const wanted = desiredFlag();
    const other = desiredFlag({ Measure__c: 'show_rate' });
    other.key = `v1:show_rate:${REP}:2026-11-20`;
    const differences = compareWrites(model, [wanted], {
      flags: [inOrg(other)],
      tasks: [],
      scorecards: [],
      effectiveness: [],
    });
    expect(differences.map((d) => [d.kind, d.key])).toEqual([
      ['only in the core pass', wanted.key],
      ['only in the org', other.key],
    ]);
    expect(differences.every((d) => isFlagDifference(model, d))).toBe(true);
  });

  it('given a flag written with another diagnosis, then a flag difference naming the field', () => {
    const flag = desiredFlag();
    const [difference] = compareWrites(model, [flag], {
      flags: [inOrg(flag, { Diagnosis__c: 'Activity' })],
      tasks: [],
      scorecards: [],
      effectiveness: [],
    });
    expect(difference).toMatchObject({ kind: 'fields differ', fields: ['Diagnosis__c'] });
    expect(difference && isFlagDifference(model, difference)).toBe(true);
  });

  it('given a flag whose lost units changed on the way, then a difference, but not in which flags were written', () => {
    const flag = desiredFlag();
    const [difference] = compareWrites(model, [flag], {
      flags: [inOrg(flag, { Lost_Units__c: 1.19 })],
      tasks: [],
      scorecards: [],
      effectiveness: [],
    });
    expect(difference).toMatchObject({ kind: 'fields differ', fields: ['Lost_Units__c'] });
    expect(difference && isFlagDifference(model, difference)).toBe(false);
  });

  it('given a stale-lead task for another lead in the org, then a task difference on each side', () => {
    const differences = compareWrites(model, [staleTask(LEAD)], {
      flags: [],
      tasks: [inOrg(staleTask('00Q0000002'))],
      scorecards: [],
      effectiveness: [],
    });
    expect(differences.map((d) => [d.object, d.kind])).toEqual([
      ['Task', 'only in the core pass'],
      ['Task', 'only in the org'],
    ]);
    expect(differences.some((d) => isFlagDifference(model, d))).toBe(false);
  });
});
