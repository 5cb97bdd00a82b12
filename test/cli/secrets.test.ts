/**
 * Secrets on the error path: an org's answer that quotes the session token reaches the CLI's final error line
 * redacted, under the variable's default name and under the name the config's `auth.env` gives it.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nock from 'nock';
import { stringify } from 'yaml';
import type { CliContext } from '../../src/cli/context';
import { runCli } from '../../src/cli/program';
import { redactorFor } from '../../src/cli/secrets';
import { REDACTED } from '../../src/lib/logger';
import { minimalConfig, parseYaml } from '../config/builders';
import { useNock } from '../salesforce/use-nock';

useNock();

const INSTANCE = 'http://127.0.0.1:8010';
/** Not shaped like a Salesforce token, so only knowing the variable's value can take it out. */
const TOKEN = 'opaque-session-value-4711';

function capture(env: Record<string, string>): CliContext & { stderr: () => string } {
  let err = '';
  return {
    out: () => undefined,
    err: (text) => void (err += text),
    env,
    cwd: process.cwd(),
    isTTY: false,
    stderr: () => err,
  };
}

/** A config in a folder of its own (its state file lands there), with `auth.env` as given. */
function givenAConfig(authEnv: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'ec-secrets-'));
  const file = join(dir, 'dealer.yaml');
  writeFileSync(file, stringify({ ...minimalConfig(), salesforce: { auth: { env: authEnv } } }));
  return file;
}

/** Every request is refused with an answer that quotes the token. */
function givenTheOrgQuotesTheToken(): void {
  const answer = [{ errorCode: 'UNKNOWN_EXCEPTION', message: `session ${TOKEN} may not do this` }];
  nock(INSTANCE).persist().get(/.*/).reply(400, answer).post(/.*/).reply(400, answer);
}

describe("the CLI's final error line", () => {
  it('given the org quotes SF_ACCESS_TOKEN in its answer, when sync fails, then the error line is redacted', async () => {
    givenTheOrgQuotesTheToken();
    const ctx = capture({ SF_INSTANCE_URL: INSTANCE, SF_ACCESS_TOKEN: TOKEN });

    const code = await runCli(['sync', '--config', givenAConfig()], ctx);

    expect(code).toBe(1);
    expect(ctx.stderr()).toContain(`error [SF_REQUEST_FAILED]:`);
    expect(ctx.stderr()).toContain(`session ${REDACTED} may not do this`);
    expect(ctx.stderr()).not.toContain(TOKEN);
  });

  it('given the token in a variable the config renames, when sync fails, then the error line is redacted', async () => {
    givenTheOrgQuotesTheToken();
    const ctx = capture({ DEALER_URL: INSTANCE, DEALER_TOKEN: TOKEN });

    const code = await runCli(
      ['sync', '--config', givenAConfig({ instanceUrl: 'DEALER_URL', accessToken: 'DEALER_TOKEN' })],
      ctx,
    );

    expect(code).toBe(1);
    expect(ctx.stderr()).toContain(`session ${REDACTED} may not do this`);
    expect(ctx.stderr()).not.toContain(TOKEN);
  });
});

describe('the redactor of a command', () => {
  it("given auth.env renames the client secret's variable, then that variable's value is redacted", () => {
    const config = parseYaml({ ...minimalConfig(), salesforce: { auth: { env: { clientSecret: 'DEALER_SECRET' } } } });

    const redactor = redactorFor({ DEALER_SECRET: 'dealer-client-secret' }, config);

    expect(redactor.text('refused dealer-client-secret')).toBe(`refused ${REDACTED}`);
  });

  it('given no config, then the default variables are still redacted', () => {
    expect(redactorFor({ SF_ACCESS_TOKEN: TOKEN }).text(`token ${TOKEN}`)).toBe(`token ${REDACTED}`);
  });
});

describe('the redactor of a command, for secrets read from files', () => {
  it('given SF_CLIENT_SECRET_FILE naming a file, when a text quotes its content, then the content is redacted', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ec-secret-file-'));
    const file = join(dir, 'secret');
    writeFileSync(file, 'client-secret-from-a-file\n');

    expect(redactorFor({ SF_CLIENT_SECRET_FILE: file }).text('refused client-secret-from-a-file')).toBe(
      `refused ${REDACTED}`,
    );
  });

  it('given a _FILE variable naming no file, when the redactor is built, then it does not throw (the login reports it)', () => {
    expect(() => redactorFor({ SF_ACCESS_TOKEN_FILE: '/nonexistent/token' })).not.toThrow();
  });
});
