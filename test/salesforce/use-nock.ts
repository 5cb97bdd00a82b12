/**
 * Nock for one test file. Importing nock starts intercepting every HTTP request of the process, and jest runs many
 * files in one process, so a file that imports it must also restore it: useNock() does both ends. A file that left
 * nock on put the next files' requests through its mock sockets, and their socket errors reached no listener.
 */
import nock from 'nock';

/** Registers nock for the file: no real connection, mocks cleared between tests, interception ended after. */
export function useNock(): void {
  beforeAll(() => nock.disableNetConnect());
  afterEach(() => nock.cleanAll());
  afterAll(() => {
    nock.enableNetConnect();
    nock.restore();
  });
}
