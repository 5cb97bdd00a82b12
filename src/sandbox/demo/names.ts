import type { Rng } from './rng';

/** Given names and surnames common in the US, for staff and customers alike. */
const FIRST_NAMES = [
  'Dana',
  'Marcus',
  'Priya',
  'Luis',
  'Hannah',
  'Andre',
  'Mei',
  'Tyler',
  'Sofia',
  'Jamal',
  'Emily',
  'Carlos',
  'Grace',
  'Darnell',
  'Olivia',
  'Ravi',
  'Natalie',
  'Kevin',
  'Isabel',
  'Trevor',
  'Aisha',
  'Brandon',
  'Chloe',
  'Diego',
  'Megan',
  'Hiroshi',
  'Lauren',
  'Malik',
  'Rachel',
  'Victor',
  'Jasmine',
  'Ethan',
  'Camila',
  'Derek',
  'Nora',
  'Omar',
  'Brianna',
  'Sean',
  'Lucia',
  'Wesley',
  'Tanya',
  'Gabriel',
  'Fatima',
  'Connor',
  'Alicia',
  'Minh',
  'Kayla',
  'Rafael',
  'Whitney',
  'Samuel',
  'Yolanda',
  'Patrick',
  'Elena',
  'Jordan',
  'Monique',
  'Anthony',
  'Keiko',
  'Dylan',
  'Rosa',
  'Curtis',
  'Ingrid',
  'Terrence',
  'Ana',
  'Blake',
] as const;

const LAST_NAMES = [
  'Reyes',
  'Thompson',
  'Patel',
  'Nguyen',
  'Johnson',
  'Garcia',
  'Kim',
  'Williams',
  'Martinez',
  'Brooks',
  'Chen',
  'Davis',
  'Okafor',
  'Rodriguez',
  'Miller',
  'Hernandez',
  'Anderson',
  'Lopez',
  'Wilson',
  'Gonzalez',
  'Taylor',
  'Moore',
  'Jackson',
  'Lee',
  'Perez',
  'Harris',
  'Clark',
  'Ramirez',
  'Lewis',
  'Robinson',
  'Walker',
  'Young',
  'Allen',
  'Sanchez',
  'Wright',
  'King',
  'Scott',
  'Torres',
  'Hill',
  'Flores',
  'Green',
  'Adams',
  'Nelson',
  'Baker',
  'Rivera',
  'Campbell',
  'Mitchell',
  'Carter',
  'Roberts',
  'Phillips',
  'Evans',
  'Turner',
  'Diaz',
  'Parker',
  'Cruz',
  'Edwards',
  'Collins',
  'Stewart',
  'Morris',
  'Murphy',
  'Cook',
  'Rogers',
  'Morgan',
  'Tanaka',
] as const;

/** Towns the stores are named after; more stores than towns get a number. */
const STORE_TOWNS = [
  'Lakeview',
  'Cedar Park',
  'Riverside',
  'Oak Brook',
  'Fairview',
  'Maple Grove',
  'Westfield',
  'Brookside',
  'Hillcrest',
  'Pine Ridge',
  'Springdale',
  'Northgate',
  'Elm Creek',
  'Stonebridge',
  'Bayview',
  'Glenwood',
] as const;

export interface VehicleModel {
  name: string;
  /** Typical transaction price in USD, a round figure for a mid trim. */
  price: number;
}

export const VEHICLE_MODELS: readonly VehicleModel[] = [
  { name: 'Civic', price: 27_500 },
  { name: 'Accord', price: 31_500 },
  { name: 'CR-V', price: 34_500 },
  { name: 'HR-V', price: 27_000 },
  { name: 'Pilot', price: 44_500 },
  { name: 'Odyssey', price: 42_000 },
  { name: 'Ridgeline', price: 43_500 },
  { name: 'Passport', price: 45_000 },
];

const AREA_CODES = ['312', '773', '630', '847', '708', '815'] as const;

export interface PersonName {
  firstName: string;
  lastName: string;
  name: string;
}

/** The `index`-th staff name; distinct for the first 4,096 indexes (every pair of the lists). */
export function staffName(index: number): PersonName {
  const firstName = FIRST_NAMES[index % FIRST_NAMES.length] as string;
  const lastName = LAST_NAMES[(index * 7 + Math.floor(index / LAST_NAMES.length)) % LAST_NAMES.length] as string;
  return { firstName, lastName, name: `${firstName} ${lastName}` };
}

export function customerName(rng: Rng): PersonName {
  const firstName = rng.pick(FIRST_NAMES);
  const lastName = rng.pick(LAST_NAMES);
  return { firstName, lastName, name: `${firstName} ${lastName}` };
}

export function storeName(index: number): string {
  const town = STORE_TOWNS[index % STORE_TOWNS.length] as string;
  const round = Math.floor(index / STORE_TOWNS.length);
  return round === 0 ? `${town} Honda` : `${town} Honda ${round + 1}`;
}

/** A 555-01xx number, the range reserved for fiction. */
export function phoneNumber(rng: Rng): string {
  return `(${rng.pick(AREA_CODES)}) 555-01${String(rng.int(0, 99)).padStart(2, '0')}`;
}

/** An address at a reserved example domain. */
export function emailAddress(person: PersonName, domain: string, suffix?: number): string {
  const local = `${person.firstName}.${person.lastName}`.toLowerCase();
  return suffix === undefined ? `${local}@${domain}` : `${local}${suffix}@${domain}`;
}
