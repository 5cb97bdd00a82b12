/**
 * What a scheduled `sync` pays before it does any work: loading the CLI. The sandbox org is a command of the same CLI
 * but no part of a sync; its SOQL parser alone was about a third of the CLI's start-up (found by `npm run soak`,
 * where start-up is most of an hourly run), so `sandbox` and `demo` load it when they run, not when the CLI starts
 * (src/cli/on-demand.ts). The same is checked on real processes, with every package they load, in
 * test/e2e/loaded-packages.test.ts.
 */
describe('the CLI at start-up', () => {
  it('given the CLI program, when it is loaded (as every sync loads it), then neither the sandbox server nor its SOQL parser is', () => {
    const loaded: string[] = [];
    jest.isolateModules(() => {
      jest.doMock('../../src/sandbox/server', () => {
        loaded.push('sandbox server');
        return {};
      });
      jest.doMock('@jetstreamapp/soql-parser-js', () => {
        loaded.push('SOQL parser');
        return {};
      });
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded inside the isolated registry
      const program = require('../../src/cli/program') as typeof import('../../src/cli/program');
      expect(typeof program.runCli).toBe('function');
    });
    expect(loaded).toEqual([]);
  });
});
