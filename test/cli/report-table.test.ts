/**
 * The report's measure table: columns as wide as their widest cell, so a long cell (a response time with its
 * median) pushes its column out instead of running into the next one.
 */
import { tableLines } from '../../src/cli/wording';

describe("the report's measure table", () => {
  it('given a cell wider than the others, when laid out, then every row starts each column at the same place', () => {
    const lines = tableLines([
      ['measure', 'rep', 'team', 'target'],
      ['lead_response', '91% ≤ 30 min (median 15 min)', '85% ≤ 30 min (median 14 min)', '≥ 80%'],
      ['contact_rate', '69% of 96', '69% of 1000', '≥ 63%'],
    ]);
    const teamColumn = lines.map((line, i) => line.indexOf(['team', '85%', '69% of 1000'][i] as string, 20));
    expect(new Set(teamColumn).size).toBe(1);
    const targetColumn = lines.map((line, i) => line.indexOf(['target', '≥ 80%', '≥ 63%'][i] as string));
    expect(new Set(targetColumn).size).toBe(1);
    expect(lines[1]).toBe('  lead_response  91% ≤ 30 min (median 15 min)  85% ≤ 30 min (median 14 min)  ≥ 80%');
  });

  it('given a short last cell, then no line ends in spaces', () => {
    const lines = tableLines([
      ['measure', 'rep'],
      ['x', ''],
    ]);
    expect(lines.every((line) => line === line.trimEnd())).toBe(true);
  });
});
