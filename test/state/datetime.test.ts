import { compareCheckpoints, parseSalesforceDatetime, StateErrorCode } from '../../src/state/state-store';

describe('Salesforce datetimes', () => {
  it.each([
    ['2026-11-20T15:04:05.000+0000', Date.UTC(2026, 10, 20, 15, 4, 5)],
    ['2026-11-20T15:04:05.123Z', Date.UTC(2026, 10, 20, 15, 4, 5, 123)],
    ['2026-11-20T15:04:05Z', Date.UTC(2026, 10, 20, 15, 4, 5)],
    ['2026-11-20T15:04:05.5+00:00', Date.UTC(2026, 10, 20, 15, 4, 5, 500)],
    ['2026-11-20T10:04:05.000-0500', Date.UTC(2026, 10, 20, 15, 4, 5)],
    ['2026-11-21T00:34:05.000+0930', Date.UTC(2026, 10, 20, 15, 4, 5)],
  ])('given %s, when parsed, then it is the instant %d', (text, expected) => {
    expect(parseSalesforceDatetime(text)).toBe(expected);
  });

  it.each(['2026-11-20', '2026-11-20 15:04:05Z', '2026-02-30T00:00:00.000+0000', '2026-11-20T24:00:00Z', 'yesterday', ''])(
    'given %j, when parsed, then STATE_BAD_INPUT',
    (text) => {
      expect(() => parseSalesforceDatetime(text)).toThrow(expect.objectContaining({ code: StateErrorCode.badInput }));
    },
  );
});

describe('checkpoint order', () => {
  it('given two checkpoints at different instants spelled differently, when compared, then the instant decides, not the text', () => {
    // As text, "…15:04:05.000+0000" sorts after "…10:04:06.000-0500", but it is a second earlier.
    const earlier = { systemModstamp: '2026-11-20T15:04:05.000+0000', id: 'b' };
    const later = { systemModstamp: '2026-11-20T10:04:06.000-0500', id: 'a' };
    expect(compareCheckpoints(earlier, later)).toBe(-1);
    expect(compareCheckpoints(later, earlier)).toBe(1);
  });

  it('given two checkpoints at the same instant, when compared, then the Id decides, case-sensitively', () => {
    const at = '2026-11-20T15:04:05.000+0000';
    expect(compareCheckpoints({ systemModstamp: at, id: '00TA' }, { systemModstamp: at, id: '00Ta' })).toBe(-1);
    expect(compareCheckpoints({ systemModstamp: at, id: '00Ta' }, { systemModstamp: '2026-11-20T15:04:05Z', id: '00Ta' })).toBe(0);
  });
});
