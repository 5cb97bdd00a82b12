/**
 * One source of truth for what Execution Coach writes: the write contract (write-contract.ts)
 * is the table; the Salesforce metadata is tested against it elsewhere; here the two parts that
 * share no code with the metadata or each other are: the connector's writer (what the core
 * puts in payloads, with the config's field names) and the sandbox's describe (what a client of
 * the sandbox org sees over HTTP). If any of the three drifts, a test here or in
 * salesforce-metadata.test.ts fails.
 */
import path from 'node:path';
import { loadConfig, toCoachModel } from '../../src/config';
import { computeCoaching } from '../../src/core/coach';
import { newTeamFlag, openFlagFromRecord } from '../../src/core/flags';
import { startSandbox, type RunningSandbox } from '../../src/sandbox/server';
import {
  ACTIVITY_KEY_FIELD,
  connectorWrites,
  DESCRIBE_TYPE,
  EFFECTIVENESS_FIELDS,
  EFFECTIVENESS_OBJECT,
  FLAG_FIELDS,
  FLAG_FORMULA_FIELDS,
  FLAG_OBJECT,
  REP_FLAG_SCOPE,
  SCORECARD_FIELDS,
  SCORECARD_OBJECT,
  TASK_FIELDS_WRITTEN,
  TEAM_FLAG_SCOPE,
} from './write-contract';
import { event, local, rep, teamFinding, windowOf } from '../core/builders';

const ROOT = path.resolve(__dirname, '../..');
const model = toCoachModel(loadConfig(path.join(ROOT, 'config/dealership.yaml')));
const WINDOW = windowOf(model);

interface DescribeField {
  name: string;
  type: string;
  length: number;
  precision: number;
  scale: number;
  externalId: boolean;
  unique: boolean;
  nillable: boolean;
  createable: boolean;
  updateable: boolean;
  calculated: boolean;
  referenceTo: string[];
  picklistValues: Array<{ value: string; active: boolean }>;
  defaultValue: unknown;
}

describe('the writer writes exactly the contract', () => {
  it('given the default config, then its flag field names are the contract’s, and its task key field is the contract’s', () => {
    const names = Object.values(model.writeBack.flagFields).sort();
    expect(names).toEqual(FLAG_FIELDS.map((f) => f.name).sort());
    expect(model.writeBack.flagObject).toBe(FLAG_OBJECT);
    expect(model.writeBack.taskKeyField).toBe(ACTIVITY_KEY_FIELD.name);
  });

  it('given a weak rep, when the core plans a flag, then the payload holds connector-owned fields only, and tasks only the contract’s task fields', () => {
    // A salesperson with plenty of contacts and no appointment: a Skill flag on the set rate.
    const contacts = Array.from({ length: 60 }, (_, i) =>
      event('contact', 'REP1', `00Q${String(i).padStart(15, '0')}`, local('2026-11-10', '10:00') + i * 60_000),
    );
    const attempts = contacts.map((c) => ({ ...c, step: 'attempt' }));
    // One appointment: the step is mapped (a step no one ever reaches is a mis-mapping, not judged).
    const booked = {
      ...(contacts[0] as (typeof contacts)[number]),
      step: 'appointment_set',
      at: local('2026-11-10', '11:30'),
    };
    const coaching = computeCoaching({
      model,
      reps: [rep('REP1', { managerId: 'MGR1' })],
      events: [...attempts, ...contacts, booked],
      facts: [],
      openFlags: [],
      now: local('2026-11-20', '12:00'),
    });
    const flags = coaching.desired.filter((d) => d.object === FLAG_OBJECT);
    const tasks = coaching.desired.filter((d) => d.object === 'Task');
    expect(flags.length).toBeGreaterThan(0);
    expect(tasks.length).toBeGreaterThan(0);

    const connectorOwned = new Set(FLAG_FIELDS.filter(connectorWrites).map((f) => f.name));
    for (const flag of flags) {
      for (const field of [...Object.keys(flag.fields), ...Object.keys(flag.createOnly), flag.keyField])
        expect(connectorOwned).toContain(field);
      expect(Object.keys(flag.fields)).not.toContain('Commitment__c');
      expect(Object.keys(flag.fields)).not.toContain('Follow_Up_Date__c');
    }
    for (const task of tasks) {
      for (const field of [...Object.keys(task.fields), ...Object.keys(task.createOnly), task.keyField])
        expect(TASK_FIELDS_WRITTEN).toContain(field);
    }
  });
});

describe('scorecards and effectiveness are written within the contract', () => {
  const contractNames = (fields: readonly { name: string }[]): string[] => fields.map((f) => f.name).sort();

  it('given the reference config, then its scorecard names (fields and step counts) and effectiveness names are the contract’s', () => {
    const { scorecard, effectiveness } = model.writeBack;
    expect(scorecard.object).toBe(SCORECARD_OBJECT);
    expect([...Object.values(scorecard.fields), ...Object.values(scorecard.stepFields)].sort()).toEqual(
      contractNames(SCORECARD_FIELDS),
    );
    expect(effectiveness.object).toBe(EFFECTIVENESS_OBJECT);
    expect(Object.values(effectiveness.fields).sort()).toEqual(contractNames(EFFECTIVENESS_FIELDS));
  });

  it('given a run with a committed flag, when the core plans scorecards and effectiveness, then each payload holds contract fields only, and a scorecard is created owned by its rep', () => {
    const contacts = Array.from({ length: 40 }, (_, i) =>
      event('contact', 'REP1', `00Q${String(i).padStart(15, '0')}`, local('2026-11-10', '10:00') + i * 60_000),
    );
    const coaching = computeCoaching({
      model,
      reps: [rep('REP1', { managerId: 'MGR1' })],
      events: contacts,
      facts: [],
      openFlags: [],
      coachedFlags: [
        {
          managerId: 'MGR1',
          measure: 'appointment_set_rate',
          diagnosis: 'Skill',
          status: 'Improved',
          committedOn: '2026-11-06',
          decidedOn: '2026-11-16',
        },
      ],
      now: local('2026-11-20', '12:00'),
    });
    const written = (object: string) => coaching.desired.filter((d) => d.object === object);
    const cards = written(SCORECARD_OBJECT);
    const months = written(EFFECTIVENESS_OBJECT);
    expect([cards.length, months.length]).toEqual([2, 2]);
    const scorecardNames = new Set(contractNames(SCORECARD_FIELDS));
    for (const card of cards) {
      expect([...Object.keys(card.fields), card.keyField].filter((f) => !scorecardNames.has(f))).toEqual([]);
      expect(card.createOnly).toEqual({ OwnerId: 'REP1' });
    }
    const effectivenessNames = new Set(contractNames(EFFECTIVENESS_FIELDS));
    for (const month of months) {
      expect([...Object.keys(month.fields), month.keyField].filter((f) => !effectivenessNames.has(f))).toEqual([]);
      expect(month.createOnly).toEqual({});
    }
  });
});

describe('a team flag is written within the contract', () => {
  it('given a team finding, when the core plans its flag, then the payload holds connector-owned fields only, Scope Team and no rep', () => {
    const flag = newTeamFlag(teamFinding(), WINDOW, model.writeBack, '2026-11-20');
    const connectorOwned = new Set(FLAG_FIELDS.filter(connectorWrites).map((f) => f.name));
    const written = [...Object.keys(flag.fields), ...Object.keys(flag.createOnly), flag.keyField];
    expect(written.filter((field) => !connectorOwned.has(field))).toEqual([]);
    expect(flag.fields).toMatchObject({ Scope__c: TEAM_FLAG_SCOPE, Salesperson__c: null, Manager__c: 'MGR1' });
  });
});

describe('the sandbox serves exactly the contract', () => {
  let sandbox: RunningSandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0 });
  });
  afterAll(() => sandbox.close());

  const headers = () => ({ Authorization: `Bearer ${sandbox.accessToken}`, 'Content-Type': 'application/json' });

  async function upsertFlag(key: string, fields: Record<string, unknown>): Promise<void> {
    const url = `${sandbox.url}/services/data/v62.0/sobjects/${FLAG_OBJECT}/Flag_Key__c/${encodeURIComponent(key)}`;
    const response = await fetch(url, { method: 'PATCH', headers: headers(), body: JSON.stringify(fields) });
    expect({ key, status: response.status }).toEqual({ key, status: 201 });
  }

  async function queryFlags(soql: string): Promise<Array<Record<string, unknown>>> {
    const url = `${sandbox.url}/services/data/v62.0/query?q=${encodeURIComponent(soql)}`;
    const response = await fetch(url, { headers: headers() });
    expect(response.status).toBe(200);
    return ((await response.json()) as { records: Array<Record<string, unknown>> }).records;
  }

  async function describeObject(object: string): Promise<Map<string, DescribeField>> {
    const response = await fetch(`${sandbox.url}/services/data/v62.0/sobjects/${object}/describe`, {
      headers: { Authorization: `Bearer ${sandbox.accessToken}` },
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { fields: DescribeField[] };
    return new Map(body.fields.map((f) => [f.name, f]));
  }

  it('given the describe of Coaching_Flag__c over HTTP, then every contract field is there with its type, size, external id and uniqueness', async () => {
    const fields = await describeObject(FLAG_OBJECT);
    for (const contract of FLAG_FIELDS) {
      const served = fields.get(contract.name);
      expect({ name: contract.name, present: served !== undefined }).toEqual({ name: contract.name, present: true });
      if (!served) continue;
      expect({ name: contract.name, type: served.type }).toEqual({
        name: contract.name,
        type: DESCRIBE_TYPE[contract.type],
      });
      expect(served.externalId).toBe(contract.externalId);
      expect(served.unique).toBe(contract.unique);
      if (contract.length !== undefined) expect(served.length).toBe(contract.length);
      if (contract.precision !== undefined)
        expect([served.precision, served.scale]).toEqual([contract.precision, contract.scale]);
      if (contract.referenceTo !== undefined) expect(served.referenceTo).toEqual([contract.referenceTo]);
      if (contract.picklistValues !== undefined)
        expect(served.picklistValues.map((v) => v.value)).toEqual(contract.picklistValues);
      if (contract.type === 'Picklist')
        expect({ name: contract.name, default: served.defaultValue }).toEqual({
          name: contract.name,
          default: contract.picklistDefault ?? null,
        });
      // What the connector writes, the integration user can write.
      if (connectorWrites(contract))
        expect([contract.name, served.createable, served.updateable]).toEqual([contract.name, true, true]);
    }
    for (const formula of FLAG_FORMULA_FIELDS)
      expect(fields.get(formula.name)).toMatchObject({ calculated: true, createable: false, updateable: false });
  });

  it('given a team flag and a flag sent without a scope, when upserted over HTTP and queried back, then they read as a team flag and a rep flag', async () => {
    const managerId = sandbox.org.integrationUserId;
    const team = newTeamFlag(teamFinding({ managerId }), WINDOW, model.writeBack, '2026-11-20');
    const repKey = `v1:set_rate:${managerId}:2026-11-20`;
    await upsertFlag(team.key, { ...team.fields, ...team.createOnly });
    await upsertFlag(repKey, { Salesperson__c: managerId, Measure__c: 'set_rate' });

    const read = await queryFlags(
      `SELECT ${['Id', ...Object.values(model.writeBack.flagFields)].join(', ')} FROM ${FLAG_OBJECT}`,
    );
    const byKey = new Map(read.map((record) => [record['Flag_Key__c'], record]));
    expect([byKey.get(team.key)?.['Scope__c'], byKey.get(repKey)?.['Scope__c']]).toEqual([
      TEAM_FLAG_SCOPE,
      REP_FLAG_SCOPE,
    ]);
    expect(openFlagFromRecord(byKey.get(team.key) ?? {}, model.writeBack)).toMatchObject({
      scope: 'Team',
      managerId,
      role: 'salesperson',
    });
    expect(openFlagFromRecord(byKey.get(repKey) ?? {}, model.writeBack)).toMatchObject({
      scope: 'Rep',
      repId: managerId,
    });
  });

  it('given the describe of Task, then the key field is an external id that is not unique, and every task field written exists', async () => {
    const fields = await describeObject('Task');
    expect(fields.get(ACTIVITY_KEY_FIELD.name)).toMatchObject({
      type: 'string',
      length: 255,
      externalId: true,
      unique: false,
    });
    for (const name of TASK_FIELDS_WRITTEN) expect([name, fields.has(name)]).toEqual([name, true]);
  });

  it.each([
    [SCORECARD_OBJECT, SCORECARD_FIELDS],
    [EFFECTIVENESS_OBJECT, EFFECTIVENESS_FIELDS],
  ] as const)(
    'given the describe of %s over HTTP, then every contract field is there with its type, size, external id, uniqueness and picklist values, and the connector can write it',
    async (object, contract) => {
      const fields = await describeObject(object);
      const served = contract.map((field) => {
        const described = fields.get(field.name);
        return {
          name: field.name,
          type: described?.type,
          externalId: described?.externalId,
          unique: described?.unique,
          nillable: described?.nillable,
          ...(field.length === undefined ? {} : { length: described?.length }),
          ...(field.precision === undefined ? {} : { precision: described?.precision, scale: described?.scale }),
          ...(field.referenceTo === undefined ? {} : { referenceTo: described?.referenceTo }),
          ...(field.picklistValues === undefined
            ? {}
            : { picklistValues: described?.picklistValues.map((v) => v.value), defaultValue: described?.defaultValue }),
          writable: [described?.createable, described?.updateable],
        };
      });
      expect(served).toEqual(
        contract.map((field) => ({
          name: field.name,
          type: DESCRIBE_TYPE[field.type],
          externalId: field.externalId,
          unique: field.unique,
          nillable: !field.required,
          ...(field.length === undefined ? {} : { length: field.length }),
          ...(field.precision === undefined ? {} : { precision: field.precision, scale: field.scale }),
          ...(field.referenceTo === undefined ? {} : { referenceTo: [field.referenceTo] }),
          ...(field.picklistValues === undefined
            ? {}
            : { picklistValues: field.picklistValues, defaultValue: field.picklistDefault ?? null }),
          writable: connectorWrites(field) ? [true, true] : [false, false],
        })),
      );
    },
  );

  it('given a coaching effectiveness record upserted over HTTP with an improved share of 62.5, when queried back, then the percent reads 62.5, as a real org stores a percent', async () => {
    const key = 'v1:effectiveness:test:2026-11';
    const url = `${sandbox.url}/services/data/v62.0/sobjects/${EFFECTIVENESS_OBJECT}/Effectiveness_Key__c/${encodeURIComponent(key)}`;
    const response = await fetch(url, {
      method: 'PATCH',
      headers: headers(),
      body: JSON.stringify({ Scope__c: 'Store', Month__c: '2026-11-01', Improved__c: 5, Improved_Share__c: 62.5 }),
    });
    expect(response.status).toBe(201);
    const [record] = await queryFlags(
      `SELECT Improved_Share__c FROM ${EFFECTIVENESS_OBJECT} WHERE Effectiveness_Key__c = '${key}'`,
    );
    expect(record?.['Improved_Share__c']).toBe(62.5);
  });
});
