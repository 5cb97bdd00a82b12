import { createLogger, REDACTED, Redactor } from '../../src/lib/logger';

function capture(pretty = false): { lines: string[]; logger: ReturnType<typeof createLogger> } {
  const lines: string[] = [];
  const logger = createLogger({
    pretty,
    level: 'debug',
    write: (line) => lines.push(line),
    redactor: new Redactor(['s3cr3t-client-value']),
  });
  return { lines, logger };
}

const flush = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('the logger', () => {
  it('given a run logger, when it logs, then every JSON line carries the run id', async () => {
    const { lines, logger } = capture();
    const run = logger.child({ runId: 'run-42' });
    run.info('read page', { object: 'Task', records: 2000 });
    run.warn('slow page');
    await flush();
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(JSON.parse(line)).toMatchObject({ runId: 'run-42' });
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({ message: 'read page', object: 'Task', records: 2000 });
  });

  it('given secrets in the message, in metadata and inside an error, then none of them reaches the output', async () => {
    const { lines, logger } = capture();
    const token = '00D000000000001AAA!AQ.abcdefTOKENtail';
    logger.error(`request failed with Authorization: Bearer ${token}`, {
      accessToken: token,
      nested: {
        clientSecret: 'whatever-it-is',
        body: 'grant_type=client_credentials&client_secret=s3cr3t-client-value',
      },
      error: new Error(`token ${token} rejected`),
      note: 'contains s3cr3t-client-value inline',
    });
    await flush();
    const out = lines.join('\n');
    expect(out).not.toContain(token);
    expect(out).not.toContain('AQ.abcdefTOKENtail');
    expect(out).not.toContain('s3cr3t-client-value');
    expect(out).not.toContain('whatever-it-is');
    expect(out).toContain(REDACTED);
  });

  it('given a terminal, then lines are readable rather than JSON, and still redacted', async () => {
    const { lines, logger } = capture(true);
    logger.child({ runId: 'r1' }).info('sync finished', { token: 'abcdefghijk' });
    await flush();
    expect(lines[0]).toMatch(/info \[r1\] sync finished/);
    expect(lines[0]).not.toContain('abcdefghijk');
  });
});
