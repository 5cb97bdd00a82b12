/**
 * REST queries paged explicitly through `nextRecordsUrl`: one page per request, handed over as
 * it arrives, as many pages as there are. jsforce's autoFetch is not used: it stops silently at
 * maxFetch (10,000 by default) and gathers everything in memory.
 */
import type { SfRecord } from '../core/model';
import { CoachError } from '../lib/errors';
import type { SalesforceHttp } from './http-client';

/** `query` skips deleted rows; `queryAll` includes them (IsDeleted = true) and archived activities. */
export type QueryEndpoint = 'query' | 'queryAll';

export interface QueryPage {
  records: SfRecord[];
  /** Rows matching the whole query, not just this page. */
  totalSize: number;
  done: boolean;
}

export interface QueryOptions {
  endpoint: QueryEndpoint;
  /** Sforce-Query-Options batchSize (200–2000); Salesforce may still send fewer. */
  batchSize?: number;
  /** Runs before each page is requested (the API budget guard). */
  beforePage?: () => void;
}

/** A locator URL is followed only if it points back at the query resource of this org. */
const NEXT_RECORDS_URL = /^\/services\/data\/v\d+\.\d+\/(?:query|queryAll)\/[^/?#\s]+$/;

function badResponse(detail: string): CoachError {
  return new CoachError({
    code: 'SF_BAD_RESPONSE',
    message: `Salesforce sent a query response the connector does not understand: ${detail}.`,
    actions: ["Report this with the org's API version; re-running will not help."],
  });
}

interface ParsedResult {
  page: QueryPage;
  nextRecordsUrl: string | null;
}

function parseResult(body: unknown): ParsedResult {
  if (typeof body !== 'object' || body === null) throw badResponse('the body is not a JSON object');
  const { records, totalSize, done, nextRecordsUrl } = body as Record<string, unknown>;
  if (!Array.isArray(records)) throw badResponse('`records` is not an array');
  if (typeof totalSize !== 'number') throw badResponse('`totalSize` is not a number');
  const next = typeof nextRecordsUrl === 'string' ? nextRecordsUrl : null;
  if (next !== null && !NEXT_RECORDS_URL.test(next))
    throw badResponse(`unexpected nextRecordsUrl ${JSON.stringify(next)}`);
  // `done` may be missing (jsforce tolerates it); then the locator alone says whether more follows.
  const finished = typeof done === 'boolean' ? done : next === null;
  if (!finished && next === null) throw badResponse('`done` is false but there is no nextRecordsUrl');
  return {
    page: { records: records as SfRecord[], totalSize, done: finished },
    nextRecordsUrl: finished ? null : next,
  };
}

/** Yields each page of a query as it arrives. */
export async function* queryPages(
  http: SalesforceHttp,
  soql: string,
  options: QueryOptions,
): AsyncGenerator<QueryPage> {
  const headers =
    options.batchSize === undefined ? undefined : { 'Sforce-Query-Options': `batchSize=${options.batchSize}` };
  options.beforePage?.();
  const first = await http.send<unknown>('query', {
    method: 'GET',
    path: `/${options.endpoint}?q=${encodeURIComponent(soql)}`,
    ...(headers === undefined ? {} : { headers }),
  });
  let result = parseResult(first.body);
  yield result.page;
  while (result.nextRecordsUrl !== null) {
    options.beforePage?.();
    const next = await http.send<unknown>('queryMore', {
      method: 'GET',
      path: result.nextRecordsUrl,
      ...(headers === undefined ? {} : { headers }),
    });
    result = parseResult(next.body);
    yield result.page;
  }
}

/** Runs a query to the end and returns every record (for small result sets only). */
export async function queryAllPages(http: SalesforceHttp, soql: string, options: QueryOptions): Promise<SfRecord[]> {
  const records: SfRecord[] = [];
  for await (const page of queryPages(http, soql, options)) records.push(...page.records);
  return records;
}

/** `SELECT COUNT() …`: Salesforce answers with totalSize and no rows. */
export async function countRecords(http: SalesforceHttp, soql: string, endpoint: QueryEndpoint): Promise<number> {
  const response = await http.send<unknown>('query', {
    method: 'GET',
    path: `/${endpoint}?q=${encodeURIComponent(soql)}`,
  });
  return parseResult(response.body).page.totalSize;
}
