import type { ObjectDef } from '../types';
import { objectDef } from '../object-builder';
import { bool, dateField, field, longText, picklist, readOnly, reference, text } from '../field-builders';
import { auditFields, idField, ownerIdField, personNameFields } from './system-fields';
import { LEAD_SOURCES, LEAD_STATUSES, TIME_ZONES } from './picklists';

/** The people of the dealership model: users (staff), leads and contacts, and accounts. */

export function userObject(): ObjectDef {
  return objectDef(
    'User',
    { label: 'User', plural: 'Users' },
    '005',
    [
      idField(),
      text('Username', 'Username', 80, { nillable: false, unique: true, idLookup: true }),
      ...personNameFields(),
      text('Alias', 'Alias', 8, { nillable: false }),
      field('Email', 'Email', 'email', { length: 128, nillable: false }),
      bool('IsActive', 'Active', { defaultValue: true }),
      text('Title', 'Title', 80),
      text('Department', 'Department', 80),
      text('Division', 'Division', 80),
      reference('ManagerId', 'Manager ID', ['User'], 'Manager'),
      picklist('TimeZoneSidKey', 'Time Zone', TIME_ZONES, {
        nillable: false,
        defaultedOnCreate: true,
        defaultValue: 'America/New_York',
      }),
      picklist('UserType', 'User Type', ['Standard'], {
        ...readOnly,
        defaultedOnCreate: true,
        defaultValue: 'Standard',
      }),
      ...auditFields({ isDeleted: false }),
    ],
    { deletable: false },
  );
}

export function accountObject(): ObjectDef {
  return objectDef('Account', { label: 'Account', plural: 'Accounts' }, '001', [
    idField(),
    text('Name', 'Account Name', 255, { nillable: false, nameField: true }),
    picklist('Type', 'Account Type', ['Prospect', 'Customer', 'Other']),
    field('Phone', 'Account Phone', 'phone', { length: 40 }),
    field('Website', 'Website', 'url', { length: 255 }),
    text('BillingCity', 'Billing City', 40),
    text('BillingState', 'Billing State/Province', 80),
    longText('Description', 'Account Description'),
    ownerIdField(),
    dateField('LastActivityDate', 'Last Activity', { ...readOnly }),
    ...auditFields(),
  ]);
}

export function contactObject(): ObjectDef {
  return objectDef('Contact', { label: 'Contact', plural: 'Contacts' }, '003', [
    idField(),
    reference('AccountId', 'Account ID', ['Account'], 'Account'),
    ...personNameFields(),
    field('Email', 'Email', 'email', { length: 80 }),
    field('Phone', 'Business Phone', 'phone', { length: 40 }),
    field('MobilePhone', 'Mobile Phone', 'phone', { length: 40 }),
    text('Title', 'Title', 128),
    picklist('LeadSource', 'Lead Source', LEAD_SOURCES),
    longText('Description', 'Contact Description'),
    ownerIdField(),
    dateField('LastActivityDate', 'Last Activity', { ...readOnly }),
    ...auditFields(),
  ]);
}

export function leadObject(): ObjectDef {
  const defaultStatus = LEAD_STATUSES.find((s) => s.isDefault)?.value ?? null;
  return objectDef('Lead', { label: 'Lead', plural: 'Leads' }, '00Q', [
    idField(),
    ...personNameFields(),
    text('Title', 'Title', 128),
    text('Company', 'Company', 255, { nillable: false }),
    text('City', 'City', 40),
    text('State', 'State/Province', 80),
    field('Email', 'Email', 'email', { length: 80 }),
    field('Phone', 'Phone', 'phone', { length: 40 }),
    field('MobilePhone', 'Mobile Phone', 'phone', { length: 40 }),
    picklist('LeadSource', 'Lead Source', LEAD_SOURCES),
    picklist(
      'Status',
      'Lead Status',
      LEAD_STATUSES.map((s) => s.value),
      {
        nillable: false,
        defaultedOnCreate: true,
        defaultValue: defaultStatus,
        restrictedPicklist: true,
      },
    ),
    picklist('Rating', 'Rating', ['Hot', 'Warm', 'Cold']),
    longText('Description', 'Description'),
    ownerIdField(),
    bool('IsConverted', 'Converted', { updateable: false }),
    dateField('ConvertedDate', 'Converted Date', { ...readOnly }),
    reference('ConvertedAccountId', 'Converted Account ID', ['Account'], 'ConvertedAccount', { ...readOnly }),
    reference('ConvertedContactId', 'Converted Contact ID', ['Contact'], 'ConvertedContact', { ...readOnly }),
    reference('ConvertedOpportunityId', 'Converted Opportunity ID', ['Opportunity'], 'ConvertedOpportunity', {
      ...readOnly,
    }),
    bool('IsUnreadByOwner', 'Unread By Owner'),
    dateField('LastActivityDate', 'Last Activity', { ...readOnly }),
    ...auditFields(),
  ]);
}

/** Queried by @salesforce/core's Org.create (determineOrg); one read-only row. */
export function organizationObject(): ObjectDef {
  return objectDef(
    'Organization',
    { label: 'Organization', plural: 'Organizations' },
    '00D',
    [
      idField(),
      text('Name', 'Name', 80, { ...readOnly, nameField: true }),
      text('InstanceName', 'Instance Name', 5, { ...readOnly }),
      bool('IsSandbox', 'Is Sandbox', { ...readOnly }),
      dateField('TrialExpirationDate', 'Trial Expiration Date', { ...readOnly }),
      text('NamespacePrefix', 'Namespace Prefix', 15, { ...readOnly }),
      picklist('OrganizationType', 'Edition', ['Enterprise Edition', 'Developer Edition'], { ...readOnly }),
      picklist('TimeZoneSidKey', 'Default Time Zone', TIME_ZONES, { ...readOnly }),
      ...auditFields({ isDeleted: false }),
    ],
    { createable: false, updateable: false, deletable: false },
  );
}
