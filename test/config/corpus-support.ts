/**
 * What the broken-config corpus needs around each run: a fresh folder holding only the fixture
 * (so that anything written is seen), an org address that counts connections (so that anything
 * read from an org is seen), and the CLI run in-process like the other CLI tests.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/program';

/** A TCP listener standing in for the org: a config check must never connect to it. */
export interface FakeOrg {
  readonly url: string;
  connections(): number;
  close(): Promise<void>;
}

export async function fakeOrg(): Promise<FakeOrg> {
  let count = 0;
  const server: Server = createServer((socket) => {
    count += 1;
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    connections: () => count,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Credentials that would let a sync log in to the fake org, were the config ever accepted. */
export function orgEnv(org: FakeOrg): Record<string, string> {
  return {
    SF_INSTANCE_URL: org.url,
    SF_LOGIN_URL: org.url,
    SF_ACCESS_TOKEN: 'sentinel-token-not-for-output',
    EXECUTION_COACH_LOG_LEVEL: 'error',
  };
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runIn(cwd: string, args: readonly string[], env: Record<string, string>): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    out: (text) => void (stdout += text),
    err: (text) => void (stderr += text),
    env,
    cwd,
    isTTY: false,
  });
  return { code, stdout, stderr };
}

/** A fresh, empty folder for one case; removed by `dispose`. */
export function scratchFolder(): { path: string; listing: () => string[]; dispose: () => void } {
  const path = mkdtempSync(join(tmpdir(), 'coach-bad-config-'));
  return {
    path,
    listing: () => readdirSync(path, { recursive: true }).map(String).sort(),
    dispose: () => rmSync(path, { recursive: true, force: true }),
  };
}

const ROOT = join(__dirname, '..', '..');

/** The real command in its own process (`node --import tsx`): what only a process shows, its exit code and stack. */
export function runProcess(args: readonly string[], env: Record<string, string>): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), ...args],
      { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...env }, maxBuffer: 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = typeof error?.code === 'number' ? error.code : error === null ? 0 : -1;
        resolve({ code, stdout, stderr });
      },
    );
  });
}
