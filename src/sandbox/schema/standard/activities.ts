import type { FieldDef, ObjectDef } from '../types';
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
import { CALL_TYPES, EVENT_TYPES, PRIORITIES, TASK_STATUSES, TASK_TYPES } from './picklists';

/**
 * Task and Event (activities). WhoId and WhatId are polymorphic, like in a real org. Fields a
 * real org computes (IsClosed, CompletedDateTime, AccountId, ActivityDateTime…) are read-only
 * here too, and the store derives them.
 */

function linkFields(): FieldDef[] {
  return [
    reference('WhoId', 'Name ID', ['Contact', 'Lead'], 'Who'),
    reference('WhatId', 'Related To ID', ['Account', 'Opportunity'], 'What'),
    reference('AccountId', 'Account ID', ['Account'], 'Account', { ...readOnly }),
  ];
}

export function taskObject(): ObjectDef {
  const defaultStatus = TASK_STATUSES.find((s) => s.isDefault)?.value ?? null;
  return objectDef('Task', { label: 'Task', plural: 'Tasks' }, '00T', [
    idField(),
    ...linkFields(),
    text('Subject', 'Subject', 255),
    dateField('ActivityDate', 'Due Date Only'),
    picklist(
      'Status',
      'Status',
      TASK_STATUSES.map((s) => s.value),
      {
        nillable: false,
        defaultedOnCreate: true,
        defaultValue: defaultStatus,
        restrictedPicklist: true,
      },
    ),
    picklist('Priority', 'Priority', PRIORITIES, {
      nillable: false,
      defaultedOnCreate: true,
      defaultValue: 'Normal',
      restrictedPicklist: true,
    }),
    bool('IsHighPriority', 'High Priority', { ...calculated }),
    picklist('Type', 'Type', TASK_TYPES),
    picklist('TaskSubtype', 'Task Subtype', ['Task', 'Email', 'Call'], { updateable: false, restrictedPicklist: true }),
    ownerIdField(),
    longText('Description', 'Description'),
    bool('IsClosed', 'Closed', { ...calculated }),
    datetime('CompletedDateTime', 'Completed Date/Time', { ...readOnly }),
    field('CallDurationInSeconds', 'Call Duration', 'int', { digits: 8, precision: 0 }),
    picklist('CallType', 'Call Type', CALL_TYPES, { restrictedPicklist: true }),
    text('CallDisposition', 'Call Result', 255),
    text('CallObject', 'Call Object Identifier', 255),
    datetime('ReminderDateTime', 'Reminder Date/Time'),
    bool('IsReminderSet', 'Reminder Set'),
    bool('IsArchived', 'Archived', { ...readOnly }),
    bool('IsRecurrence', 'Create Recurring Series of Tasks', { updateable: false }),
    ...auditFields(),
  ]);
}

export function eventObject(): ObjectDef {
  return objectDef('Event', { label: 'Event', plural: 'Events' }, '00U', [
    idField(),
    ...linkFields(),
    text('Subject', 'Subject', 255),
    text('Location', 'Location', 255),
    bool('IsAllDayEvent', 'All-Day Event'),
    datetime('ActivityDateTime', 'Due Date Time'),
    dateField('ActivityDate', 'Due Date Only'),
    field('DurationInMinutes', 'Duration', 'int', { digits: 8, precision: 0 }),
    datetime('StartDateTime', 'Start Date Time'),
    datetime('EndDateTime', 'End Date Time'),
    dateField('EndDate', 'End', { ...readOnly }),
    longText('Description', 'Description'),
    ownerIdField(),
    picklist('Type', 'Type', EVENT_TYPES),
    picklist('EventSubtype', 'Event Subtype', ['Event'], { updateable: false, restrictedPicklist: true }),
    bool('IsPrivate', 'Private'),
    picklist('ShowAs', 'Show Time As', ['Busy', 'OutOfOffice', 'Free'], {
      defaultedOnCreate: true,
      defaultValue: 'Busy',
      restrictedPicklist: true,
    }),
    bool('IsChild', 'Is Child', { ...readOnly }),
    bool('IsGroupEvent', 'Group Event', { ...readOnly }),
    bool('IsArchived', 'Archived', { ...readOnly }),
    bool('IsRecurrence', 'Create Recurring Series of Events', { updateable: false }),
    ...auditFields(),
  ]);
}
