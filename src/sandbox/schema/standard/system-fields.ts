import type { FieldDef } from '../types';
import { bool, calculated, datetime, field, readOnly, reference, text } from '../field-builders';

/**
 * Fields every object carries (Id and the audit fields), plus the owner and person-name
 * fields several objects share. Objects differ in which audit fields exist: User has no
 * IsDeleted, history rows have no LastModified fields, exactly as in a real org.
 */
export interface SystemFieldOptions {
  isDeleted?: boolean;
  lastModified?: boolean;
}

export function idField(): FieldDef {
  return field('Id', 'Record ID', 'id', {
    ...readOnly,
    nillable: false,
    length: 18,
    idLookup: true,
    defaultedOnCreate: true,
    caseSensitive: false,
  });
}

export function auditFields(options: SystemFieldOptions = {}): FieldDef[] {
  const fields: FieldDef[] = [];
  if (options.isDeleted !== false) fields.push(bool('IsDeleted', 'Deleted', { ...readOnly }));
  fields.push(
    datetime('CreatedDate', 'Created Date', { ...readOnly, nillable: false, defaultedOnCreate: true }),
    reference('CreatedById', 'Created By ID', ['User'], 'CreatedBy', {
      ...readOnly,
      nillable: false,
      defaultedOnCreate: true,
    }),
  );
  if (options.lastModified !== false) {
    fields.push(
      datetime('LastModifiedDate', 'Last Modified Date', { ...readOnly, nillable: false, defaultedOnCreate: true }),
      reference('LastModifiedById', 'Last Modified By ID', ['User'], 'LastModifiedBy', {
        ...readOnly,
        nillable: false,
        defaultedOnCreate: true,
      }),
    );
  }
  fields.push(datetime('SystemModstamp', 'System Modstamp', { ...readOnly, nillable: false, defaultedOnCreate: true }));
  return fields;
}

/** OwnerId: defaults to the calling user on create. */
export function ownerIdField(): FieldDef {
  return reference('OwnerId', 'Owner ID', ['User'], 'Owner', { nillable: false, defaultedOnCreate: true });
}

/** FirstName, LastName and the calculated Name of people (User, Lead, Contact). */
export function personNameFields(): FieldDef[] {
  return [
    text('FirstName', 'First Name', 40),
    text('LastName', 'Last Name', 80, { nillable: false }),
    text('Name', 'Full Name', 121, { ...calculated, nameField: true }),
  ];
}
