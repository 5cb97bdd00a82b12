/**
 * The values of the reference dealership's standard picklists (ARCHITECTURE.md §5.1). The status and
 * stage tables also drive derived fields (Task.IsClosed, Opportunity.IsClosed/IsWon), and are
 * served as the TaskStatus, LeadStatus and OpportunityStage objects, as in a real org.
 */

export interface TaskStatusValue {
  value: string;
  isClosed: boolean;
  isDefault: boolean;
}

export const TASK_STATUSES: readonly TaskStatusValue[] = [
  { value: 'Not Started', isClosed: false, isDefault: true },
  { value: 'In Progress', isClosed: false, isDefault: false },
  { value: 'Completed', isClosed: true, isDefault: false },
  { value: 'Waiting on someone else', isClosed: false, isDefault: false },
  { value: 'Deferred', isClosed: false, isDefault: false },
];

export interface LeadStatusValue {
  value: string;
  isConverted: boolean;
  isDefault: boolean;
}

export const LEAD_STATUSES: readonly LeadStatusValue[] = [
  { value: 'Open - Not Contacted', isConverted: false, isDefault: true },
  { value: 'Working - Contacted', isConverted: false, isDefault: false },
  { value: 'Closed - Converted', isConverted: true, isDefault: false },
  { value: 'Closed - Not Converted', isConverted: false, isDefault: false },
];

export interface OpportunityStageValue {
  value: string;
  isClosed: boolean;
  isWon: boolean;
  defaultProbability: number;
  forecastCategoryName: string;
}

export const OPPORTUNITY_STAGES: readonly OpportunityStageValue[] = [
  { value: 'Needs Analysis', isClosed: false, isWon: false, defaultProbability: 20, forecastCategoryName: 'Pipeline' },
  { value: 'Demo', isClosed: false, isWon: false, defaultProbability: 40, forecastCategoryName: 'Pipeline' },
  { value: 'Write-Up', isClosed: false, isWon: false, defaultProbability: 60, forecastCategoryName: 'Best Case' },
  { value: 'Negotiation', isClosed: false, isWon: false, defaultProbability: 80, forecastCategoryName: 'Commit' },
  { value: 'Closed Won', isClosed: true, isWon: true, defaultProbability: 100, forecastCategoryName: 'Closed' },
  { value: 'Closed Lost', isClosed: true, isWon: false, defaultProbability: 0, forecastCategoryName: 'Omitted' },
];

export const FORECAST_CATEGORIES = ['Pipeline', 'Best Case', 'Commit', 'Closed', 'Omitted'] as const;
export const TASK_TYPES = ['Call', 'Follow-Up', 'Coaching', 'Email', 'Meeting', 'Other'] as const;
export const EVENT_TYPES = ['Appointment', 'Call', 'Email', 'Meeting', 'Other'] as const;
export const CALL_TYPES = ['Internal', 'Inbound', 'Outbound'] as const;
export const PRIORITIES = ['High', 'Normal', 'Low'] as const;
export const LEAD_SOURCES = ['Web', 'Phone Inquiry', 'Partner Referral', 'Purchased List', 'Walk-In', 'Other'] as const;
export const TIME_ZONES = [
  'America/New_York',
  'America/Chicago',
  'America/Denver',
  'America/Phoenix',
  'America/Los_Angeles',
  'America/Anchorage',
  'Pacific/Honolulu',
  'Europe/London',
  'GMT',
] as const;

export function taskStatusIsClosed(status: unknown): boolean {
  return TASK_STATUSES.some((s) => s.value === status && s.isClosed);
}

export function opportunityStage(stageName: unknown): OpportunityStageValue | undefined {
  return OPPORTUNITY_STAGES.find((s) => s.value === stageName);
}
