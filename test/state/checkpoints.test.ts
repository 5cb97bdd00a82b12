import { compareCheckpoints } from '../../src/state/state-store';

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
    expect(
      compareCheckpoints({ systemModstamp: at, id: '00Ta' }, { systemModstamp: '2026-11-20T15:04:05Z', id: '00Ta' }),
    ).toBe(0);
  });
});
