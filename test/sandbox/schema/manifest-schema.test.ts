import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeObject } from '../../../src/sandbox/http/describe';
import { buildCatalog } from '../../../src/sandbox/schema/build-catalog';
import { loadMetadataExtensions } from '../../../src/sandbox/schema/metadata/load-metadata';

describe('the product schema is read from manifests/salesforce', () => {
  const catalog = buildCatalog(loadMetadataExtensions());

  it('given Coaching_Flag__c, then its fields have the describe types of their metadata types', () => {
    const flag = catalog.object('coaching_flag__c');
    expect(flag?.def.custom).toBe(true);
    expect(flag?.field('Flag_Key__c')).toMatchObject({
      type: 'string',
      length: 255,
      externalId: true,
      unique: true,
      caseSensitive: true,
      nillable: false,
    });
    expect(flag?.field('Evidence__c')).toMatchObject({ type: 'textarea', filterable: false, sortable: false });
    expect(flag?.field('Sample_Size__c')).toMatchObject({ type: 'double', scale: 0 });
    expect(flag?.field('Is_Focus__c')).toMatchObject({ type: 'boolean', defaultValue: false, nillable: false });
    expect(flag?.field('Diagnosis__c')?.picklistValues.map((p) => p.value)).toEqual(['Knowledge', 'Skill', 'Activity']);
    expect(flag?.field('Scope__c')).toMatchObject({
      type: 'picklist',
      restrictedPicklist: true,
      defaultedOnCreate: true,
      defaultValue: 'Rep',
    });
    expect(flag?.field('Scope__c')?.picklistValues.map((p) => p.value)).toEqual(['Rep', 'Team']);
    expect(flag?.field('Salesperson__c')).toMatchObject({
      type: 'reference',
      referenceTo: ['User'],
      relationshipName: 'Salesperson__r',
    });
    expect(flag?.field('Managed_By_Me__c')).toMatchObject({ calculated: true, createable: false });
    expect(flag?.field('Name')).toMatchObject({ autoNumber: true, createable: false });
  });

  it('given the lookups to User, then User describes their child relationships by the metadata names', () => {
    const user = catalog.object('User');
    if (!user) throw new Error('no User');
    const children = describeObject(catalog, user, '62.0').childRelationships as Array<{
      childSObject: string;
      field: string;
      relationshipName: string | null;
    }>;
    expect(children.filter((c) => c.childSObject === 'Coaching_Flag__c' && c.relationshipName !== null)).toEqual([
      expect.objectContaining({ field: 'Manager__c', relationshipName: 'Managed_Coaching_Flags__r' }),
      expect.objectContaining({ field: 'Salesperson__c', relationshipName: 'Coaching_Flags__r' }),
    ]);
  });

  it('given Activity fields, then they are on both Task and Event', () => {
    for (const name of ['Task', 'Event']) {
      expect(catalog.object(name)?.field('Coaching_Key__c')).toMatchObject({
        type: 'string',
        externalId: true,
        unique: false,
      });
      expect(
        catalog
          .object(name)
          ?.field('Appointment_Status__c')
          ?.picklistValues.map((p) => p.value),
      ).toEqual(['Scheduled', 'Showed', 'No Show', 'Cancelled']);
    }
    expect(catalog.object('Task')?.field('WhatId')?.referenceTo).toContain('Coaching_Flag__c');
  });

  it('given the reference model, then Monthly_Unit_Goal__c is a number on User', () => {
    expect(catalog.object('User')?.field('Monthly_Unit_Goal__c')).toMatchObject({
      type: 'double',
      precision: 4,
      scale: 0,
    });
  });

  it('given a field type the sandbox cannot model, then loading says which file and type', () => {
    const dir = mkdtempSync(join(tmpdir(), 'manifests-'));
    const fields = join(dir, 'force-app/main/default/objects/Lead/fields');
    mkdirSync(fields, { recursive: true });
    writeFileSync(
      join(fields, 'Geo__c.field-meta.xml'),
      '<CustomField><fullName>Geo__c</fullName><type>Location</type></CustomField>',
    );
    expect(() => loadMetadataExtensions(dir)).toThrow(
      /Geo__c\.field-meta\.xml: field type 'Location' of Geo__c is not supported/,
    );
  });
});
