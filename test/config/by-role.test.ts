import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { configJsonSchema, type ConfigInput, parseConfig, toCoachModel } from '../../src/config';
import { invalid, minimalConfig, parseYaml, problemsOf, problemsOfText, TEST_FILE } from './builders';

type JsonObject = Record<string, unknown>;

/** The minimal config with `byRole` on its ratio (written loosely, so a test may break it). */
function withRatioByRole(byRole: unknown): ConfigInput {
  const config = minimalConfig();
  config.measures = [
    { id: 'set_rate', kind: 'ratio', from: 'contact', to: 'appointment_set', target: 0.6, byRole: invalid(byRole) },
  ];
  return config;
}

/** 1-based line of the first line of `text` holding `needle`. */
const lineOf = (text: string, needle: string): number => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('thresholds per role in the config', () => {
  it('given a setters’ target and minimum sample on a ratio, then the core model carries them as written', () => {
    const config = parseYaml(withRatioByRole({ setter: { target: 0.45, minSample: 40 } }));
    expect(toCoachModel(config).measures[0]).toMatchObject({
      target: 0.6,
      byRole: { setter: { target: 0.45, minSample: 40 } },
    });
    expect(toCoachModel(parseYaml(minimalConfig())).measures[0]).not.toHaveProperty('byRole');
  });

  it('given the reference config’s commented setters’ set rate, when uncommented, then setters are held to 45%', () => {
    const root = join(__dirname, '..', '..');
    const text = readFileSync(join(root, 'config/dealership.yaml'), 'utf8');
    const example = '    # byRole:\n    #   setter: { target: 0.45 }\n';
    expect(text).toContain(example);
    const uncommented = text.replace(example, example.replace(/# /g, ''));
    const model = toCoachModel(parseConfig(uncommented, 'dealership.yaml', { cwd: root }));
    expect(model.measures.find((m) => m.id === 'appointment_set_rate')).toMatchObject({
      target: 0.6,
      byRole: { setter: { target: 0.45 } },
    });
  });

  it('given a threshold of another kind on a ratio’s role, then it is reported at its line with the valid keys', () => {
    const text = stringify(withRatioByRole({ setter: { maxSkipShare: 0.2 } }));
    expect(problemsOfText(text)).toEqual([
      {
        file: TEST_FILE,
        line: lineOf(text, 'maxSkipShare'),
        column: expect.any(Number),
        path: 'measures[0].byRole.setter.maxSkipShare',
        message: 'unknown key "maxSkipShare"',
        hint: 'valid keys here: "target", "minSample"',
      },
    ]);
  });

  it('given a role the model does not know, then it is reported with the roles there are', () => {
    const text = stringify(withRatioByRole({ bdc: { target: 0.45 } }));
    expect(problemsOfText(text)).toEqual([
      expect.objectContaining({
        line: lineOf(text, 'bdc:'),
        path: 'measures[0].byRole.bdc',
        message: 'unknown key "bdc"',
        hint: 'valid keys here: "salesperson", "setter"',
      }),
    ]);
  });

  it('given a role’s target outside [0, 1], then it is refused like the measure’s own', () => {
    expect(problemsOf(withRatioByRole({ setter: { target: 45 } }))).toEqual([
      expect.objectContaining({
        path: 'measures[0].byRole.setter.target',
        message: expect.stringContaining('between 0 and 1'),
      }),
    ]);
  });

  it('given setters’ calls to follow the goal, then it is refused: setters have no goal plan', () => {
    const config = minimalConfig();
    config.measures = [
      { id: 'calls', kind: 'volume', step: 'contact', perDay: 30, byRole: { setter: { perDay: 'goal' } } },
    ];
    expect(problemsOf(config)).toEqual([
      expect.objectContaining({
        path: 'measures[0].byRole.setter.perDay',
        message: 'setters have no goal plan, so perDay "goal" sets them no expectation',
        hint: 'give setters a number of events per working day, or leave perDay out',
      }),
    ]);
  });

  it('given salespeople’s calls to follow the goal on a step outside the funnel, then it is refused', () => {
    const config = minimalConfig();
    config.goals.funnel = ['appointment_set', 'sold'];
    config.measures = [
      { id: 'calls', kind: 'volume', step: 'contact', perDay: 30, byRole: { salesperson: { perDay: 'goal' } } },
    ];
    expect(problemsOf(config)).toEqual([
      expect.objectContaining({
        path: 'measures[0].byRole.salesperson.perDay',
        message: 'perDay "goal" needs step "contact" in goals.funnel, which the goal plan works along',
      }),
    ]);
  });
});

describe('thresholds per role in the JSON Schema', () => {
  const kinds = (configJsonSchema().properties as JsonObject).measures as { items: { oneOf: JsonObject[] } };
  const byRoleOf = (kind: string): JsonObject => {
    const option = kinds.items.oneOf.find((o) => ((o.properties as JsonObject).kind as JsonObject).const === kind);
    return (option?.properties as JsonObject).byRole as JsonObject;
  };

  it.each([
    ['volume', 'perDay'],
    ['ratio', 'target'],
    ['responseTime', 'target'],
    ['overdue', 'maxAllowed'],
    ['staleLead', 'maxAllowed'],
    ['sequence', 'maxSkipShare'],
    ['integrity', 'maxSuspiciousShare'],
  ])('given the %s kind, then editors offer each role its %s and minSample, and nothing else', (kind, key) => {
    const byRole = byRoleOf(kind);
    expect(byRole.additionalProperties).toBe(false);
    const roles = byRole.properties as Record<string, JsonObject>;
    expect(Object.keys(roles)).toEqual(['salesperson', 'setter']);
    for (const role of Object.values(roles)) {
      expect(role.additionalProperties).toBe(false);
      expect(Object.keys(role.properties as JsonObject)).toEqual([key, 'minSample']);
      expect(role.required).toBeUndefined();
    }
  });
});
