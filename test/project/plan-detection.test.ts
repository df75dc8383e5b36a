// One plan test for every front (project/planFiles.ts). This file runs the detection table
// against the pure test and the command line's discovery (a temp folder, a folder scan and a
// glob), and checks that the manifest's copies of the names agree with the module. The
// language server and the VS Code client's decision run the same table in
// test/lsp/plan-detection.test.ts (and the real VS Code suite).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discover } from '../../server/src/cli/files.js';
import { CONFIG_NAMES, isPlan, PLAN_FIRST_LINE, PLAN_LANGUAGE_ID, PLAN_SUFFIXES } from '../../server/src/project/planFiles.js';
import { CONFIG_NAMES as READER_CONFIG_NAMES } from '../../server/src/project/configFiles.js';
import { DETECTION_CASES } from './plan-detection.cases.js';
import pkg from '../../package.json';

const ROOT = resolve(__dirname, '../..');

describe('the detection table', () => {
  it('has cases both ways and distinct file names', () => {
    expect(DETECTION_CASES.filter((c) => c.plan).length).toBeGreaterThan(5);
    expect(DETECTION_CASES.filter((c) => !c.plan).length).toBeGreaterThan(5);
    expect(new Set(DETECTION_CASES.map((c) => c.file.toLowerCase())).size).toBe(DETECTION_CASES.length);
  });

  for (const c of DETECTION_CASES) {
    it(`isPlan: ${c.name} -> ${c.plan ? 'a plan' : 'not a plan'}`, () => {
      // As the CLI asks (a path), and as an editor asks (a URI and its language).
      expect(isPlan(`/w/${c.file}`, c.text)).toBe(c.plan);
      expect(isPlan(`file:///w/${encodeURIComponent(c.file)}`, c.text, c.languageId ?? 'yaml')).toBe(c.plan);
    });
  }

  it('the sentence-plan language is a plan whatever the name (but a config file never is); other languages never are', () => {
    expect(isPlan('untitled:Untitled-1', '', PLAN_LANGUAGE_ID)).toBe(true);
    expect(isPlan('file:///w/.planlintrc.yaml', 'sentence_plan: 1\n', PLAN_LANGUAGE_ID)).toBe(false);
    expect(isPlan('file:///w/x.plan.yaml', 'sentence_plan: 1\n', 'json')).toBe(false);
    // An untitled YAML document: its text decides.
    expect(isPlan('untitled:Untitled-2', 'sentence_plan: 1\n', 'yaml')).toBe(true);
    expect(isPlan('untitled:Untitled-3', 'a: 1\n', 'yaml')).toBe(false);
  });
});

describe('the CLI finds the same plans', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'planlint-detect-'));
    for (const c of DETECTION_CASES) {
      // One folder per case: a config file is then also a real config of nothing else.
      const sub = join(dir, 'cases', c.file.replace(/[^A-Za-z0-9]/g, '_'));
      mkdirSync(sub, { recursive: true });
      writeFileSync(join(sub, c.file), c.text);
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('by a folder scan', async () => {
    const { targets } = await discover(['cases'], dir);
    const found = new Set(targets.map((t) => t.absolute.split('/').pop()));
    for (const c of DETECTION_CASES) expect(found.has(c.file), c.name).toBe(c.plan);
  });

  it('by a glob', async () => {
    const { targets } = await discover(['cases/**/*'], dir);
    const found = new Set(targets.map((t) => t.absolute.split('/').pop()));
    for (const c of DETECTION_CASES) expect(found.has(c.file), c.name).toBe(c.plan);
  });
});

describe('one list of names', () => {
  const contributes = pkg.contributes as unknown as {
    languages: { id: string; filenamePatterns: string[]; firstLine: string }[];
    yamlValidation: { fileMatch: string[] }[];
  };
  const lang = contributes.languages.find((l) => l.id === PLAN_LANGUAGE_ID)!;

  it('the config reader takes the config names from the plan module', () => {
    expect(READER_CONFIG_NAMES).toBe(CONFIG_NAMES);
  });
  it("the manifest's file patterns are the plan suffixes", () => {
    expect(lang.filenamePatterns).toEqual(PLAN_SUFFIXES.map((s) => `*${s}`));
  });
  it("the manifest's config schema association names the config files", () => {
    expect(contributes.yamlValidation[0].fileMatch).toEqual([...CONFIG_NAMES]);
  });
  it("the manifest's firstLine is PLAN_FIRST_LINE, and every first line it matches is a plan", () => {
    expect(lang.firstLine).toBe(PLAN_FIRST_LINE);
    const re = new RegExp(lang.firstLine);
    for (const c of DETECTION_CASES) {
      const first = c.text.split(/\r\n|\r|\n/)[0];
      if (re.test(first) && !c.file.startsWith('.planlintrc')) expect(isPlan(`/w/${c.file.replace(/\.txt$/, '.yaml')}`, c.text), c.name).toBe(true);
    }
    expect(re.test('"sentence_plan": 1')).toBe(true);
    expect(re.test('sentence_plan:1')).toBe(false);
  });
  it('no other source file has a plan-key regex or a config-name list of its own', async () => {
    const { globSync } = await import('tinyglobby');
    const { readFileSync } = await import('node:fs');
    const sources = globSync(['server/src/**/*.ts', 'client/src/**/*.ts'], { cwd: ROOT });
    // Code only (comments and rule prose may name the files): a regex on the plan key, a
    // quoted config file name, or a regex on it.
    const code = (f: string): string =>
      readFileSync(join(ROOT, f), 'utf8')
        .split('\n')
        .filter((l) => !/^\s*(\/\/|\*|\/\*\*)/.test(l))
        .join('\n');
    const own = /\/[^/\n]*sentence_plan[^/\n]*\/|['"]\.planlintrc\.ya?ml['"]|planlintrc\\\./;
    const offenders = sources.filter((f) => f !== 'server/src/project/planFiles.ts' && own.test(code(f)));
    expect(offenders).toEqual([]);
  });
});
