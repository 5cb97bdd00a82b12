/** The Salesforce adapter's public surface: what the sync orchestrator and the CLI import. */
export { openSalesforceSession } from './session';
export type { SalesforceSession, SalesforceSessionDeps, SalesforceSessionSettings } from './session';
export { DEFAULT_ENV_NAMES, resolveCredentials } from './credentials';
export type { AuthMethod, Credentials, Environment, SalesforceEnvNames, SalesforceSettings } from './credentials';
export { checkConfigAgainstDescribe } from './describe';
export type { DescribeMap, DescribeProblem, FieldDescribe, FieldRequirement, ObjectDescribe } from './describe';
export type { SalesforceReader } from './reader';
export type { SalesforceWriter } from './writer';
export type { RetryEvent, RetryTiming } from './retry';
export { INTEGRATION_PERMISSION_SET } from './error-policy';
export * as soql from './soql-builder';
