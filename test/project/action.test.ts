// action.yml: every expression names a declared input or an earlier step's output, and no
// script pastes an expression into its text (inputs reach scripts through env only, so a
// path or an argument cannot inject shell). test/action/run-action.mjs runs the steps in CI.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const action = parse(readFileSync('action.yml', 'utf8'));
const steps: { id?: string; run?: string; uses?: string; env?: Record<string, string>; with?: Record<string, string>; if?: string }[] = action.runs.steps;

describe('the GitHub Action', () => {
  it('is a composite action with the documented inputs and outputs', () => {
    expect(action.runs.using).toBe('composite');
    expect(Object.keys(action.inputs)).toEqual(expect.arrayContaining(['paths', 'args', 'version', 'sarif-file', 'upload-sarif', 'fail-on-error']));
    expect(Object.keys(action.outputs)).toEqual(['exit-code', 'sarif-file']);
    for (const [k, v] of Object.entries(action.inputs as Record<string, { description?: string }>)) expect(v.description, k).toBeTruthy();
  });
  it('no script contains an expression', () => {
    for (const s of steps) if (s.run) expect(s.run).not.toMatch(/\$\{\{/);
  });
  it('every expression refers to a declared input or an output of an earlier step', () => {
    const text = readFileSync('action.yml', 'utf8');
    for (const m of text.matchAll(/\$\{\{\s*inputs\.([\w-]+)\s*\}\}|\binputs\.([\w-]+)/g)) expect(action.inputs, m[0]).toHaveProperty(m[1] ?? m[2]);
    const seen = new Set<string>();
    for (const s of steps) {
      const refs = JSON.stringify([s.env, s.with, s.if]).matchAll(/steps\.([\w-]+)\.outputs/g);
      for (const r of refs) expect(seen.has(r[1]), `${r[1]} before use`).toBe(true);
      if (s.id) seen.add(s.id);
    }
    for (const o of Object.values(action.outputs as Record<string, { value: string }>)) {
      const id = /steps\.([\w-]+)\.outputs/.exec(o.value)?.[1];
      expect(id && seen.has(id)).toBe(true);
    }
  });
  it('uploads SARIF only when asked, with its own category', () => {
    const upload = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif'));
    expect(upload?.if).toMatch(/inputs\.upload-sarif == 'true'/);
    expect(upload?.with?.category).toBe('planlint');
  });
});
