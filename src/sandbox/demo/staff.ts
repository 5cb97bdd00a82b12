import { BUSINESS_DAY_SECONDS, type BusinessCalendar } from './business-calendar';
import { emailAddress, staffName, storeName, type PersonName } from './names';
import { profileOfRep, traitsAtStore, traitsOf, type Traits } from './profiles';
import type { RecordFactory } from './record-factory';
import type { DemoOptions, DemoProfile } from './types';

/** Extra salespeople at scale > 1 go to new stores of this size, each with its own manager. */
const EXTRA_STORE_SIZE = 12;
/** The new hire started this many business days (about ten calendar days) before `now`. */
export const NEW_HIRE_BUSINESS_DAYS = 8;
const STAFF_DOMAIN = 'demo-dealership.example';
const MS_PER_DAY = 86_400_000;
const BASE_STORES = 2;

/** Someone who works leads: a salesperson or the BDC agent. */
export interface LeadWorker {
  id: string;
  person: PersonName;
  profile: DemoProfile;
  store: string;
  traits: Traits;
  /** Business position from which they work leads: 0, or their first day. */
  startB: number;
  /** Index among the salespeople (the planted ones first); -1 for the BDC agent. */
  index: number;
}

export interface Staff {
  integrationUserId: string;
  salespeople: LeadWorker[];
  bdc: LeadWorker;
  /** The first `options.reps` salespeople, those with planted profiles. */
  plantedCount: number;
}

/**
 * Creates the Users: the integration user (the connector logs in as it and, standing for the
 * org's setup, creates the others), a general manager, one sales manager per store, the
 * salespeople (ManagerId = their store's manager, Department = the store) and one BDC agent.
 */
export function hireStaff(options: DemoOptions, calendar: BusinessCalendar, factory: RecordFactory): Staff {
  const historyStartMs = calendar.epochOf(0);
  let nameIndex = 0;
  const nextName = (): PersonName => staffName(nameIndex++);
  // Usernames are unique in an org; names repeat only at huge scales, and then get a number.
  const usernames = new Set<string>();
  const username = (person: PersonName): string => {
    let name = emailAddress(person, STAFF_DOMAIN);
    for (let n = 2; usernames.has(name); n++) name = emailAddress(person, STAFF_DOMAIN, n);
    usernames.add(name);
    return name;
  };
  const userFields = (
    person: PersonName,
    title: string,
    store: string | null,
    managerId: string | null,
    goal: number | null,
  ) => ({
    Username: username(person),
    FirstName: person.firstName,
    LastName: person.lastName,
    Name: person.name,
    Alias: (person.firstName.slice(0, 1) + person.lastName.slice(0, 4)).toLowerCase(),
    Email: emailAddress(person, STAFF_DOMAIN),
    Title: title,
    Department: store,
    ManagerId: managerId,
    IsActive: true,
    Monthly_Unit_Goal__c: goal,
    TimeZoneSidKey: options.timeZone,
  });
  // Long-serving staff were created months to years before the history starts.
  const seniorCreatedMs = (i: number) => historyStartMs - (30 + ((i * 97) % 900)) * MS_PER_DAY;

  const integrationUserId = factory.user(
    userFields(
      { firstName: 'Integration', lastName: 'User', name: 'Integration User' },
      'Integration',
      null,
      null,
      null,
    ),
    seniorCreatedMs(0),
    null,
  ).Id as string;
  const hire = (
    person: PersonName,
    title: string,
    store: string | null,
    managerId: string | null,
    goal: number | null,
    createdMs: number,
  ) => factory.user(userFields(person, title, store, managerId, goal), createdMs, integrationUserId).Id as string;

  const generalManagerId = hire(nextName(), 'General Manager', storeName(0), null, null, seniorCreatedMs(1));
  const extraReps = Math.round((options.scale - 1) * options.reps);
  const storeCount = BASE_STORES + Math.ceil(extraReps / EXTRA_STORE_SIZE);
  const stores: Array<{ name: string; managerId: string }> = [];
  for (let s = 0; s < storeCount; s++) {
    const name = storeName(s);
    stores.push({
      name,
      managerId: hire(nextName(), 'Sales Manager', name, generalManagerId, null, seniorCreatedMs(2 + s)),
    });
  }

  const newHireStartB = Math.max(0, calendar.nowB - NEW_HIRE_BUSINESS_DAYS * BUSINESS_DAY_SECONDS);
  const salespeople: LeadWorker[] = [];
  for (let i = 0; i < options.reps + extraReps; i++) {
    const profile = i < options.reps ? profileOfRep(i) : 'ordinary';
    // Planted salespeople alternate between the two first stores; extra ones fill new stores.
    const storeIndex =
      i < options.reps ? i % BASE_STORES : BASE_STORES + Math.floor((i - options.reps) / EXTRA_STORE_SIZE);
    const store = stores[storeIndex];
    if (store === undefined) throw new Error(`no store for salesperson ${i}`);
    const traits = traitsAtStore(profile, storeIndex);
    const startB = profile === 'new_hire' ? newHireStartB : 0;
    const person = nextName();
    const createdMs = profile === 'new_hire' ? calendar.epochOf(startB) : seniorCreatedMs(storeCount + 2 + i);
    const id = hire(person, 'Sales Consultant', store.name, store.managerId, traits.monthlyGoal, createdMs);
    salespeople.push({ id, person, profile, store: store.name, traits, startB, index: i });
  }

  const bdcPerson = nextName();
  const firstStore = stores[0] as { name: string };
  const bdcId = hire(bdcPerson, 'BDC Agent', firstStore.name, generalManagerId, null, seniorCreatedMs(1 + storeCount));
  const bdc: LeadWorker = {
    id: bdcId,
    person: bdcPerson,
    profile: 'bdc',
    store: firstStore.name,
    traits: traitsOf('bdc'),
    startB: 0,
    index: -1,
  };
  return { integrationUserId, salespeople, bdc, plantedCount: options.reps };
}
