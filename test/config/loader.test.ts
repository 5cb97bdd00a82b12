import { stringify } from 'yaml';
import { loadConfig, type ConfigProblem } from '../../src/config';
import { CoachError, ExitCode } from '../../src/lib/errors';
import { minimalConfig, problemsOfText } from './builders';

/** A file system of one file, so the loader is exercised without touching the disk. */
function oneFile(path: string, text: string) {
  const reads: string[] = [];
  const readFile = (absolutePath: string): string => {
    reads.push(absolutePath);
    if (absolutePath !== path)
      throw Object.assign(new Error(`ENOENT: no such file, open '${absolutePath}'`), { code: 'ENOENT' });
    return text;
  };
  return { readFile, reads };
}

function caught(action: () => unknown): CoachError {
  try {
    action();
  } catch (error) {
    if (error instanceof CoachError) return error;
    throw error;
  }
  throw new Error('expected a CoachError');
}

describe('loadConfig', () => {
  it('given the bad fixture (misspelled step, time zone, cron, unknown key), then it reports all four with line, column and hint', () => {
    const error = caught(() => loadConfig('fixtures/bad.yaml', { cwd: __dirname }));

    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.exitCode).toBe(ExitCode.usage);
    const problems = error.data as ConfigProblem[];
    expect(problems.map(({ path, line, column, hint }) => ({ path, line, column, hint }))).toEqual([
      { path: 'dealership.timeZone', line: 6, column: 13, hint: 'did you mean "America/Chicago"?' },
      { path: 'measures[0].to', line: 19, column: 9, hint: 'did you mean "appointment_set"?' },
      { path: 'coaching.windowDay', line: 25, column: 3, hint: 'did you mean "windowDays"?' },
      { path: 'schedule.cron', line: 27, column: 9, hint: expect.stringContaining('"0 * * * *"') },
    ]);
    expect(problems.every((problem) => problem.file === 'fixtures/bad.yaml')).toBe(true);
    expect(problems[3]?.message).toContain('61 is a invalid expression for minute');
  });

  it('given the bad fixture, then the error message lists every problem in file:line:column form', () => {
    const error = caught(() => loadConfig('fixtures/bad.yaml', { cwd: __dirname }));
    expect(error.message).toContain(
      'fixtures/bad.yaml:19:9 measures[0].to: unknown step "apointment_set" — did you mean "appointment_set"?',
    );
    expect(error.message.split('\n')).toHaveLength(5);
  });

  it('given an injected reader, then it reads the path resolved against cwd and nothing else', () => {
    const files = oneFile('/store/config/coach.yaml', stringify(minimalConfig()));
    const config = loadConfig('config/coach.yaml', { cwd: '/store', readFile: files.readFile });
    expect(files.reads).toEqual(['/store/config/coach.yaml']);
    expect(config.dealership.name).toBe('Test Motors');
  });

  it('given a relative state path, then it is resolved against the config file’s directory; an absolute one is kept', () => {
    const relative = oneFile('/etc/coach/c.yaml', stringify({ ...minimalConfig(), state: { path: 'data/coach.db' } }));
    expect(loadConfig('/etc/coach/c.yaml', { cwd: '/', readFile: relative.readFile }).state.path).toBe(
      '/etc/coach/data/coach.db',
    );
    expect(loadConfig('coach/c.yaml', { cwd: '/etc', readFile: relative.readFile }).state.path).toBe(
      '/etc/coach/data/coach.db',
    );
    const absolute = oneFile('/store/c.yaml', stringify({ ...minimalConfig(), state: { path: '/var/lib/coach.db' } }));
    expect(loadConfig('c.yaml', { cwd: '/store', readFile: absolute.readFile }).state.path).toBe('/var/lib/coach.db');
  });

  it('given a missing file, then CONFIG_NOT_FOUND with exit code 2', () => {
    const error = caught(() => loadConfig('missing.yaml', { cwd: '/store', readFile: oneFile('/other', '').readFile }));
    expect(error.code).toBe('CONFIG_NOT_FOUND');
    expect(error.exitCode).toBe(ExitCode.usage);
    expect(error.message).toContain('missing.yaml');
  });

  it('given a file that cannot be read, then CONFIG_UNREADABLE with exit code 2', () => {
    const readFile = (): string => {
      throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    };
    const error = caught(() => loadConfig('c.yaml', { cwd: '/store', readFile }));
    expect(error.code).toBe('CONFIG_UNREADABLE');
    expect(error.exitCode).toBe(ExitCode.usage);
  });

  it('given a YAML syntax error, then CONFIG_UNREADABLE names its line and column, with a hint', () => {
    const text = 'version: 1\nsteps:\n  - id: lead\n   object: Lead\n';
    const error = caught(() => loadConfig('c.yaml', { cwd: '/s', readFile: oneFile('/s/c.yaml', text).readFile }));
    expect(error.code).toBe('CONFIG_UNREADABLE');
    expect(error.exitCode).toBe(ExitCode.usage);
    const [problem] = error.data as ConfigProblem[];
    expect(problem).toEqual({
      file: 'c.yaml',
      line: 4,
      column: 1,
      path: '',
      message: 'YAML syntax: Sequence item without - indicator',
      hint: expect.any(String),
    });
  });

  it('given a key written twice, then it is a syntax problem at the second one', () => {
    const problems = problemsOfText('version: 1\nversion: 1\n');
    expect(problems).toEqual([expect.objectContaining({ line: 2, message: expect.stringContaining('unique') })]);
  });

  it('given JSON instead of YAML, then it loads, and problems still carry JSON line numbers', () => {
    const valid = JSON.stringify(minimalConfig(), null, 2);
    const files = oneFile('/s/c.json', valid);
    expect(loadConfig('c.json', { cwd: '/s', readFile: files.readFile }).steps).toHaveLength(3);

    const broken = JSON.stringify({ ...minimalConfig(), sync: { pageSize: 50 } }, null, '\t');
    const problems = problemsOfText(broken, 'c.json');
    const line = broken.split('\n').findIndex((text) => text.includes('"pageSize"')) + 1;
    expect(problems).toEqual([
      expect.objectContaining({ path: 'sync.pageSize', line, message: 'must be at least 200' }),
    ]);
  });

  it('given an empty file, then one problem says it is empty and where to start', () => {
    expect(problemsOfText('')).toEqual([
      expect.objectContaining({ path: '', line: 1, column: 1, message: 'the file is empty: it has no keys' }),
    ]);
  });
});
