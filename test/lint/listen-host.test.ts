/**
 * Every listener names the address it binds (issue 13, item 3): Node's `listen(port)` without a host binds every
 * interface, so a listener added without one would serve the network by default. Each `.listen(…)` call in src and
 * scripts must pass a host as its second argument; test/e2e/listeners.test.ts checks the defaults are loopback.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const ROOT = path.resolve(__dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** `file:line` of each `.listen(…)` call whose second argument is missing or a callback (no host). */
function listensWithoutHost(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      node.expression.name.text === 'listen'
    ) {
      const host = node.arguments[1];
      if (host === undefined || ts.isArrowFunction(host) || ts.isFunctionExpression(host)) {
        const { line } = source.getLineAndCharacterOfPosition(node.getStart());
        found.push(`${path.relative(ROOT, file)}:${line + 1}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('the listeners in the code', () => {
  it('given a listen call with a port and a callback but no host, then the check finds it', () => {
    expect(listensWithoutHost('probe.ts', 'app.listen(8080, () => undefined);\napp.listen(0);')).toEqual([
      'probe.ts:1',
      'probe.ts:2',
    ]);
    expect(listensWithoutHost('probe.ts', "server.listen(port, '127.0.0.1', done);")).toEqual([]);
  });

  it('given every source file of src and scripts, then each listen call names its host', () => {
    const files = [...sourceFiles(path.join(ROOT, 'src')), ...sourceFiles(path.join(ROOT, 'scripts'))];
    const calls = files.filter((file) => readFileSync(file, 'utf8').includes('.listen('));
    expect(calls.length).toBeGreaterThanOrEqual(2);
    expect(calls.flatMap((file) => listensWithoutHost(file, readFileSync(file, 'utf8')))).toEqual([]);
  });
});
