/**
 * An Event that ends before it starts, refused over HTTP as a real org refuses it: on insert, on an
 * update that moves the start past the end, and not when the end meets the start.
 */
import type { RunningSandbox } from '../../../src/sandbox/server';
import { api, startTestSandbox } from '../support/sandbox-fixture';

const REFUSED = [
  {
    message: "End Date/Time: End time can't be before start time",
    errorCode: 'FIELD_INTEGRITY_EXCEPTION',
    fields: ['EndDateTime'],
  },
];

describe('Event times: no end before the start', () => {
  let sandbox: RunningSandbox;
  beforeAll(async () => {
    sandbox = await startTestSandbox();
  });
  afterAll(() => sandbox.close());

  const post = (body: Record<string, unknown>) =>
    api(sandbox, '/sobjects/Event', { method: 'POST', body: JSON.stringify({ Subject: 'Visit', ...body }) });

  it('given an insert whose end is before its start, then 400 FIELD_INTEGRITY_EXCEPTION on EndDateTime', async () => {
    const res = await post({ StartDateTime: '2026-11-21T15:00:00.000Z', EndDateTime: '2026-11-21T14:00:00.000Z' });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual(REFUSED);
  });

  it('given an insert whose end is its start, then 201: an event may last no time', async () => {
    const res = await post({ StartDateTime: '2026-11-21T15:00:00.000Z', EndDateTime: '2026-11-21T15:00:00.000Z' });
    expect(res.status).toBe(201);
  });

  it('given an update that moves the start past the end, then 400 and the event keeps its times', async () => {
    const created = await post({ StartDateTime: '2026-11-21T15:00:00.000Z', EndDateTime: '2026-11-21T16:00:00.000Z' });
    const { id } = (await created.json()) as { id: string };
    const res = await api(sandbox, `/sobjects/Event/${id}`, {
      method: 'PATCH',
      body: JSON.stringify({ StartDateTime: '2026-11-21T17:00:00.000Z' }),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual(REFUSED);
    const kept = (await (await api(sandbox, `/sobjects/Event/${id}?fields=StartDateTime`)).json()) as {
      StartDateTime: string;
    };
    expect(kept.StartDateTime).toBe('2026-11-21T15:00:00.000+0000');
  });
});
