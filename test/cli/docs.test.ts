// The CI documentation's examples work with the real output: the VS Code problem matchers in
// docs/ci.md read the golden compact and stylish reports, and the pre-commit hook selects plans.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { REPO } from './helpers.js';

const golden = (name: string): string => readFileSync(join(REPO, 'test/cli/golden', name), 'utf8');
type Pattern = { regexp: string; file?: number; line?: number; column?: number; severity?: number; message?: number; code?: number; loop?: boolean };
type Task = { label: string; command: string; problemMatcher: { pattern: Pattern | Pattern[] } };

function tasksJson(): Task[] {
  const md = readFileSync(join(REPO, 'docs/ci.md'), 'utf8');
  const block = [...md.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1]).find((b) => b.includes('"tasks"'));
  expect(block).toBeDefined();
  return (JSON.parse(block!) as { tasks: Task[] }).tasks;
}

/** The golden JSON report's findings as [file, line, column, severity, rule]. */
function expected(): string[][] {
  const rep = JSON.parse(golden('json.json')) as { file: string; findings: { line: number; column: number; severity: string; rule: string }[] }[];
  return rep.flatMap((f) => f.findings.map((x) => [f.file, String(x.line), String(x.column), x.severity, x.rule]));
}

describe('docs/ci.md', () => {
  it('the compact problem matcher reads every finding of the compact report', () => {
    const task = tasksJson().find((t) => t.command.includes('--format compact'))!;
    const p = task.problemMatcher.pattern as Pattern;
    const re = new RegExp(p.regexp);
    const got = golden('compact.txt')
      .trimEnd()
      .split('\n')
      .map((l) => {
        const m = re.exec(l);
        expect(m, l).not.toBeNull();
        return [m![p.file!], m![p.line!], m![p.column!], m![p.severity!], m![p.code!]];
      });
    expect(got).toEqual(expected());
  });

  it('the stylish problem matcher (file line, then looped finding lines) reads every finding', () => {
    const task = tasksJson().find((t) => t.label.includes('stylish'))!;
    const [fileP, rowP] = task.problemMatcher.pattern as Pattern[];
    const fileRe = new RegExp(fileP.regexp);
    const rowRe = new RegExp(rowP.regexp);
    const got: string[][] = [];
    let file = '';
    for (const l of golden('stylish.txt').split('\n')) {
      const row = rowRe.exec(l);
      if (row) got.push([file, row[rowP.line!], row[rowP.column!], row[rowP.severity!], row[rowP.code!]]);
      else {
        const f = fileRe.exec(l);
        if (f) file = f[fileP.file!];
      }
    }
    expect(got).toEqual(expected());
  });
});

describe('.pre-commit-hooks.yaml', () => {
  it('defines the planlint hook on *.plan.yaml / *.plan.yml files', () => {
    const hooks = parseDocument(readFileSync(join(REPO, '.pre-commit-hooks.yaml'), 'utf8')).toJS() as { id: string; entry: string; files: string }[];
    const h = hooks.find((x) => x.id === 'planlint')!;
    expect(h.entry).toBe('planlint');
    const re = new RegExp(h.files);
    expect(['plans/a.plan.yaml', 'b.plan.yml'].every((f) => re.test(f))).toBe(true);
    expect(['c.yaml', 'a.plan.yaml.bak', 'plan.yaml'].some((f) => re.test(f))).toBe(false);
  });
});
