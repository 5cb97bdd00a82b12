import { parseFaultSpec, parseFaultSpecs } from '../../../src/sandbox/faults/parse-fault';

describe('--fault specs', () => {
  it.each([
    ['expire-session-after=25', { expireSessionAfterCalls: 25 }],
    ['unavailable=3', { unavailableRequests: 3 }],
    ['quote-authorization=1', { quoteAuthorizationRequests: 1 }],
    ['daily-limit=1000', { dailyApiLimit: 1000 }],
    ['lock-rows=0.25', { lockRowShare: 0.25 }],
    ['random-page-sizes', { randomPageSizes: true }],
    ['repeat-rows', { repeatRowAcrossPages: true }],
    ['latency=40', { latencyMinMs: 40, latencyMaxMs: 40 }],
    ['latency=10-90', { latencyMinMs: 10, latencyMaxMs: 90 }],
    ['stall=2:5000', { stallRequests: 2, stallMs: 5000 }],
    ['stall=1', { stallRequests: 1, stallMs: null }],
    ['seed=7', { seed: 7 }],
  ])('given %s, then it sets %j', (spec, expected) => {
    expect(parseFaultSpec(spec)).toEqual(expected);
  });

  it('given several specs, then they fold into one change', () => {
    expect(parseFaultSpecs(['unavailable=1', 'seed=3'])).toEqual({ unavailableRequests: 1, seed: 3 });
  });

  it.each(['teleport=1', 'lock-rows=2', 'latency=9-3', 'unavailable=-1'])(
    'given the bad spec %s, then it is refused',
    (spec) => {
      expect(() => parseFaultSpec(spec)).toThrow(/--fault/);
    },
  );
});
