import { studentTQuantile } from '../../src/lib/student-t';

describe('the Student t quantile', () => {
  // 30-digit values (mpmath: the root of the regularised incomplete beta): the table's figures to 15 places.
  it.each([
    [3, 0.975, 3.182446305283708],
    [4, 0.995, 4.604094871349992],
    [5, 0.975, 2.570581835636315],
    [10, 0.975, 2.228138851986274],
    [250, 0.975, 1.9694983934211532],
  ])('given %i degrees of freedom, when the %f quantile is asked, then it is the exact value (%f)', (df, p, exact) => {
    expect(studentTQuantile(p, df)).toBeCloseTo(exact, 12);
  });

  it('given a lower tail, then it mirrors the upper one', () => {
    expect(studentTQuantile(0.025, 7)).toBeCloseTo(-studentTQuantile(0.975, 7), 12);
  });

  it('given a probability outside (0, 1) or no degrees of freedom, then it refuses', () => {
    expect(() => studentTQuantile(1, 5)).toThrow(RangeError);
    expect(() => studentTQuantile(0.975, 0)).toThrow(RangeError);
  });
});
