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

  it('given Coaching_Scorecard__c and Coaching_Effectiveness__c, then they are custom objects, and the improved share is a percent', () => {
    for (const name of ['Coaching_Scorecard__c', 'Coaching_Effectiveness__c']) {
      expect(catalog.object(name)?.def.custom).toBe(true);
      expect(catalog.object(name)?.field('Name')).toMatchObject({ autoNumber: true, createable: false });
    }
    expect(catalog.object('Coaching_Effectiveness__c')?.field('Improved_Share__c')).toMatchObject({
      type: 'percent',
      precision: 5,
      scale: 2,
    });
    expect(catalog.object('Coaching_Scorecard__c')?.field('Scorecard_Key__c')).toMatchObject({
      externalId: true,
      unique: true,
      nillable: false,
    });
  });

  it('given the product objects, then their key prefixes follow creation order, so adding objects kept the flag at a00', () => {
    expect(
      ['Coaching_Flag__c', 'Coaching_Scorecard__c', 'Coaching_Effectiveness__c'].map(
        (name) => catalog.object(name)?.def.keyPrefix,
      ),
    ).toEqual(['a00', 'a01', 'a02']);
  });

  it('given an object the product does not know, then it takes a prefix after the product objects, in name order', () => {
    const extensions = loadMetadataExtensions();
    const extra = {
      ...extensions.customObjects[0],
      name: 'Aardvark__c',
      fields: [],
    } as (typeof extensions.customObjects)[number];
    const withExtra = buildCatalog({ ...extensions, customObjects: [extra, ...extensions.customObjects] });
    expect(withExtra.object('Coaching_Flag__c')?.def.keyPrefix).toBe('a00');
    expect(withExtra.object('Aardvark__c')?.def.keyPrefix).toBe('a03');
  });

  it('given reports, report types, dashboards and layouts next to the objects, then loading reads the objects and leaves them alone', () => {
    const dir = mkdtempSync(join(tmpdir(), 'manifests-'));
    const base = join(dir, 'force-app/main/default');
    mkdirSync(join(base, 'objects/Thing__c/fields'), { recursive: true });
    writeFileSync(
      join(base, 'objects/Thing__c/Thing__c.object-meta.xml'),
      '<CustomObject><label>Thing</label><nameField><label>Name</label><type>Text</type></nameField></CustomObject>',
    );
    writeFileSync(
      join(base, 'objects/Thing__c/fields/Share__c.field-meta.xml'),
      '<CustomField><fullName>Share__c</fullName><type>Percent</type><precision>5</precision><scale>2</scale></CustomField>',
    );
    for (const [folder, file] of [
      ['reportTypes', 'Things.reportType-meta.xml'],
      ['reports/Folder', 'Report.report-meta.xml'],
      ['dashboards/Folder', 'Board.dashboard-meta.xml'],
      ['layouts', 'Thing__c-Thing Layout.layout-meta.xml'],
      ['objects/Thing__c/listViews', 'All.listView-meta.xml'],
    ] as const) {
      mkdirSync(join(base, folder), { recursive: true });
      writeFileSync(join(base, folder, file), '<NotSchema><broken></NotSchema>');
    }
    const loaded = loadMetadataExtensions(dir);
    expect(loaded.customObjects.map((o) => [o.name, o.fields.map((f) => [f.name, f.type])])).toEqual([
      ['Thing__c', [['Share__c', 'percent']]],
    ]);
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
