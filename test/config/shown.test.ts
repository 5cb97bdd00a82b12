import { formatProblems, PROBLEMS_SHOWN } from '../../src/config/format';
import { escapeControls, shown, SHOWN_MAX } from '../../src/config/shown';

describe('values quoted back in messages', () => {
  it('given control characters, then they are written as escapes and the message stays one line', () => {
    expect(escapeControls('a\u0000b\nc\u001b[31md\u2028')).toBe('a\\x00b\\nc\\x1b[31md\\u2028');
  });

  it('given a long value, then only its start is quoted, with its length', () => {
    expect(shown('x'.repeat(5_000_000))).toBe(`"${'x'.repeat(SHOWN_MAX)}… (5,000,000 characters)"`);
  });

  it('given an access token, then it is named, not shown', () => {
    expect(shown('00D5g000004XyZ1!AQcAQH0dMHZfz972Szmpkb58urFRkgeBGsxL')).toBe(
      '(a Salesforce access token, not shown)',
    );
  });
});

describe('formatProblems', () => {
  it('given more problems than are shown, then the first ones are printed and the rest counted', () => {
    const problems = Array.from({ length: 2049 }, (_, index) => ({
      file: 'binary.yaml',
      line: index + 1,
      column: 1,
      path: '',
      message: 'YAML syntax: bad',
    }));
    const lines = formatProblems(problems).trimEnd().split('\n');
    expect(lines).toHaveLength(PROBLEMS_SHOWN + 1);
    expect(lines.at(-1)).toBe(`… and ${2049 - PROBLEMS_SHOWN} more (fix the first ones and check again)`);
  });
});
