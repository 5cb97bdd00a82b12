import type { ObjectDef } from '../types';
import { objectDef } from '../object-builder';
import {
  bool,
  calculated,
  dateField,
  datetime,
  field,
  longText,
  picklist,
  readOnly,
  reference,
  text,
} from '../field-builders';
import { auditFields, idField, ownerIdField } from './system-fields';
import { FORECAST_CATEGORIES, LEAD_SOURCES, LEAD_STATUSES, OPPORTUNITY_STAGES, TASK_STATUSES } from './picklists';

/**
 * Opportunity, its stage history, and the read-only setup objects whose rows define picklist
 * semantics (which stage is won, which task status is closed, which lead status converts).
 */

export function opportunityObject(): ObjectDef {
  return objectDef('Opportunity', { label: 'Opportunity', plural: 'Opportunities' }, '006', [
    idField(),
    reference('AccountId', 'Account ID', ['Account'], 'Account'),
    text('Name', 'Name', 120, { nillable: false, nameField: true }),
    longText('Description', 'Description'),
    picklist(
      'StageName',
      'Stage',
      OPPORTUNITY_STAGES.map((s) => s.value),
      { nillable: false, restrictedPicklist: true },
    ),
    field('Amount', 'Amount', 'currency'),
    field('Probability', 'Probability (%)', 'percent', { precision: 3, scale: 0, defaultedOnCreate: true }),
    field('ExpectedRevenue', 'Expected Amount', 'currency', { ...calculated }),
    dateField('CloseDate', 'Close Date', { nillable: false }),
    picklist('Type', 'Opportunity Type', ['New Vehicle', 'Used Vehicle', 'Lease']),
    text('NextStep', 'Next Step', 255),
    picklist('LeadSource', 'Lead Source', LEAD_SOURCES),
    bool('IsClosed', 'Closed', { ...calculated }),
    bool('IsWon', 'Won', { ...calculated }),
    picklist('ForecastCategoryName', 'Forecast Category', FORECAST_CATEGORIES, { defaultedOnCreate: true }),
    ownerIdField(),
    datetime('LastStageChangeDate', 'Last Stage Change Date', { ...readOnly }),
    dateField('LastActivityDate', 'Last Activity', { ...readOnly }),
    ...auditFields(),
  ]);
}

/** Written by the org itself when StageName, Amount, Probability or CloseDate change. */
export function opportunityHistoryObject(): ObjectDef {
  return objectDef(
    'OpportunityHistory',
    { label: 'Opportunity History', plural: 'Opportunity History' },
    '008',
    [
      idField(),
      reference('OpportunityId', 'Opportunity ID', ['Opportunity'], 'Opportunity', { ...readOnly, nillable: false }),
      picklist(
        'StageName',
        'Stage Name',
        OPPORTUNITY_STAGES.map((s) => s.value),
        { ...readOnly, nillable: false },
      ),
      field('Amount', 'Amount', 'currency', { ...readOnly }),
      field('ExpectedRevenue', 'Expected Revenue', 'currency', { ...readOnly }),
      dateField('CloseDate', 'Close Date', { ...readOnly }),
      field('Probability', 'Probability (%)', 'percent', { ...readOnly, precision: 3, scale: 0 }),
      picklist('ForecastCategory', 'Forecast Category', FORECAST_CATEGORIES, { ...readOnly }),
      field('PrevAmount', 'Previous Amount', 'currency', { ...readOnly }),
      dateField('PrevCloseDate', 'Previous Close Date', { ...readOnly }),
      ...auditFields({ lastModified: false }),
    ],
    { createable: false, updateable: false, deletable: false },
  );
}

const SETUP = { createable: false, updateable: false, deletable: false };

export function opportunityStageObject(): ObjectDef {
  return objectDef(
    'OpportunityStage',
    { label: 'Opportunity Stage', plural: 'Opportunity Stages' },
    '01J',
    [
      idField(),
      text('MasterLabel', 'Master Label', 255, { ...readOnly, nameField: true }),
      text('ApiName', 'Api Name', 255, { ...readOnly }),
      bool('IsActive', 'Is Active', { ...readOnly }),
      bool('IsClosed', 'Closed', { ...readOnly }),
      bool('IsWon', 'Won', { ...readOnly }),
      field('DefaultProbability', 'Probability', 'percent', { ...readOnly, precision: 3, scale: 0 }),
      text('ForecastCategoryName', 'Forecast Category Name', 40, { ...readOnly }),
      field('SortOrder', 'Sort Order', 'int', { ...readOnly }),
      ...auditFields({ isDeleted: false }),
    ],
    SETUP,
  );
}

export function taskStatusObject(): ObjectDef {
  return objectDef(
    'TaskStatus',
    { label: 'Task Status Value', plural: 'Task Status Values' },
    '01J',
    [
      idField(),
      text('MasterLabel', 'Master Label', 255, { ...readOnly, nameField: true }),
      text('ApiName', 'Api Name', 255, { ...readOnly }),
      bool('IsClosed', 'Closed', { ...readOnly }),
      bool('IsDefault', 'Is Default', { ...readOnly }),
      field('SortOrder', 'Sort Order', 'int', { ...readOnly }),
      ...auditFields({ isDeleted: false }),
    ],
    SETUP,
  );
}

export function leadStatusObject(): ObjectDef {
  return objectDef(
    'LeadStatus',
    { label: 'Lead Status Value', plural: 'Lead Status Values' },
    '01J',
    [
      idField(),
      text('MasterLabel', 'Master Label', 255, { ...readOnly, nameField: true }),
      text('ApiName', 'Api Name', 255, { ...readOnly }),
      bool('IsConverted', 'Is Converted', { ...readOnly }),
      bool('IsDefault', 'Is Default', { ...readOnly }),
      field('SortOrder', 'Sort Order', 'int', { ...readOnly }),
      ...auditFields({ isDeleted: false }),
    ],
    SETUP,
  );
}

/** The rows of the setup objects, built from the same picklist tables the schema uses. */
export function setupRows(): Record<string, Array<Record<string, string | number | boolean | null>>> {
  return {
    OpportunityStage: OPPORTUNITY_STAGES.map((s, i) => ({
      MasterLabel: s.value,
      ApiName: s.value,
      IsActive: true,
      IsClosed: s.isClosed,
      IsWon: s.isWon,
      DefaultProbability: s.defaultProbability,
      ForecastCategoryName: s.forecastCategoryName,
      SortOrder: i + 1,
    })),
    TaskStatus: TASK_STATUSES.map((s, i) => ({
      MasterLabel: s.value,
      ApiName: s.value,
      IsClosed: s.isClosed,
      IsDefault: s.isDefault,
      SortOrder: i + 1,
    })),
    LeadStatus: LEAD_STATUSES.map((s, i) => ({
      MasterLabel: s.value,
      ApiName: s.value,
      IsConverted: s.isConverted,
      IsDefault: s.isDefault,
      SortOrder: i + 1,
    })),
  };
}
