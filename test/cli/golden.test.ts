// Every report format against a golden file. The CLI runs in-process with the tests' fixed
// rule set (helpers.ts), so these files change only when a format changes.
// Regenerate after an intended change with: UPDATE_GOLDEN=1 npx vitest run test/cli/golden.test.ts
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AS_OF, cli } from './helpers.js';

const GOLDEN = join(__dirname, 'golden');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

function matchGolden(name: string, actual: string): void {
  const path = join(GOLDEN, name);
  if (UPDATE || !existsSync(path)) {
    if (!UPDATE) throw new Error(`golden file ${name} is missing: run with UPDATE_GOLDEN=1 to create it`);
    writeFileSync(path, actual);
    return;
  }
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

// A folder with one clean plan, plans with findings of every severity, a non-plan YAML file
// (skipped) and a missing file (reported as unreadable, exit 2).
const ARGS = ['--as-of', AS_OF, 'plans/', 'plans/missing.plan.yaml'];

describe('report formats (golden files)', () => {
  const cases: [string, string, boolean?][] = [
    ['stylish', 'stylish.txt'],
    ['stylish', 'stylish-color.txt', true],
    ['json', 'json.json'],
    ['sarif', 'sarif.json'],
    ['junit', 'junit.xml'],
    ['github', 'github.txt'],
    ['compact', 'compact.txt'],
    ['html', 'report.html'],
    ['gitlab', 'gitlab.json'],
  ];
  for (const [format, file, color] of cases) {
    it(`${format}${color ? ' (colour)' : ''} matches ${file}`, async () => {
      const r = await cli(['--format', format, ...ARGS], { color: color ?? false });
      expect(r.code).toBe(2);
      expect(r.stderr).toBe('planlint: cannot read plans/missing.plan.yaml: no such file or folder\n');
      matchGolden(file, r.stdout);
    });
  }

  it('stylish says so when there is nothing to report', async () => {
    const r = await cli(['--as-of', AS_OF, 'plans/clean.plan.yaml']);
    expect(r.code).toBe(0);
    matchGolden('stylish-clean.txt', r.stdout);
  });

  it('several formats in one run: each --output-file goes with the --format before it', async () => {
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const out = mkdtempSync(join(tmpdir(), 'planlint-out-'));
    const r = await cli([
      '--format', 'json', '--output-file', join(out, 'r.json'),
      '--format', 'stylish',
      '--format', 'sarif', '-o', join(out, 'nested/r.sarif'),
      ...ARGS,
    ]);
    expect(r.code).toBe(2);
    matchGolden('json.json', readFileSync(join(out, 'r.json'), 'utf8'));
    matchGolden('sarif.json', readFileSync(join(out, 'nested/r.sarif'), 'utf8'));
    matchGolden('stylish.txt', r.stdout);
  });
});
