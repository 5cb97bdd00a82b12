import { formatPath, formatProblem, formatProblems } from '../../src/config';

describe('problem formatting', () => {
  const problem = {
    file: 'config/bad.yaml',
    line: 14,
    column: 9,
    path: 'measures[1].from',
    message: 'unknown step "apointment_set"',
  };

  it('given a problem with a hint, then it reads file:line:column path: message — hint', () => {
    expect(formatProblem({ ...problem, hint: 'did you mean "appointment_set"?' })).toBe(
      'config/bad.yaml:14:9 measures[1].from: unknown step "apointment_set" — did you mean "appointment_set"?',
    );
  });

  it('given a problem without a path or hint, then neither appears', () => {
    expect(formatProblem({ ...problem, path: '' })).toBe('config/bad.yaml:14:9 unknown step "apointment_set"');
  });

  it('given several problems, then each gets its own line', () => {
    expect(formatProblems([problem, problem]).split('\n')).toHaveLength(3);
  });

  it('given paths with indexes and odd keys, then they read as in JavaScript', () => {
    expect(formatPath(['measures', 2, 'from'])).toBe('measures[2].from');
    expect(formatPath(['steps', 0, 'match', 'Call Type'])).toBe('steps[0].match["Call Type"]');
    expect(formatPath([])).toBe('');
  });
});
