// Shared helpers for the CLI tests: a fixed rule set (so reports do not change as the real
// rules are written), an in-process runner, temp folders, and a one-off bundle of the CLI.

import { say, titled } from '../rules/inline.js';
import { build } from 'esbuild';
import { afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { Rule } from '../../server/src/engine/rule.js';
import { rules as metaRules } from '../../server/src/rules/meta/index.js';
import { run } from '../../server/src/cli/run.js';

export const REPO = resolve(__dirname, '../..');
export const FIXTURES = join(REPO, 'test/cli/fixtures');
export const AS_OF = '2026-11-23';

const docs = { rationale: 'A rule used only by the command-line tests.', bad: '', good: '' };
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A fixed rule set: an error with a fix-all fix, a warning, an info, plus the real meta rules. */
export const TEST_RULES: readonly Rule[] = [
  {
    meta: { id: 'cli-test/score', severity: 'error', policy: 'Test policy para 1', description: 'A score above 1.', fixable: 'fix-all', inTemplates: true, docs },
    check(ctx) {
      const root = ctx.root;
      if (!isObj(root) || typeof root.score !== 'number' || root.score <= 1) return;
      const edit = ctx.edit.replaceValue(['score'], String(root.score / 100));
      ctx.report({
        path: ['score'],
        at: 'value',
        ...say(`Score ${root.score} is above 1: write it as a fraction.`),
        fixes: edit ? [{ title: titled('Divide by 100'), edits: [edit], fixAll: true }] : [],
      });
    },
  },
  {
    meta: { id: 'cli-test/owner', severity: 'warning', policy: 'Test policy para 2', description: 'No owner.', fixable: 'none', inTemplates: true, docs },
    check(ctx) {
      const root = ctx.root;
      if (isObj(root) && !('owner' in root)) ctx.report({ path: ['sentence_plan'], at: 'key', ...say('The plan has no owner.') });
    },
  },
  {
    meta: { id: 'cli-test/note', severity: 'info', policy: '', description: 'A note.', fixable: 'none', inTemplates: true, docs },
    check(ctx) {
      const root = ctx.root;
      if (isObj(root) && 'note' in root) {
        ctx.report({ path: ['note'], at: 'key', ...say('Note: 50% done, "quoted" <b>&</b>, a:b\nsecond line') });
      }
    },
  },
  {
    meta: { id: 'cli-test/overdue', severity: 'warning', policy: '', description: 'A due date has passed.', fixable: 'none', inTemplates: true, usesAsOf: true, docs },
    check(ctx) {
      const root = ctx.root;
      if (isObj(root) && typeof root.due === 'string' && root.due < ctx.asOf) ctx.report({ path: ['due'], at: 'value', ...say('The due date has passed.') });
    },
  },
  ...metaRules,
];

/** Rules whose fix-all fix makes things worse: turning `flag: on` off raises two errors. */
export const WORSENING_RULES: readonly Rule[] = [
  {
    meta: { id: 'cli-test/flag', severity: 'warning', policy: '', description: 'flag is on.', fixable: 'fix-all', inTemplates: true, docs },
    check(ctx) {
      const root = ctx.root;
      if (!isObj(root) || root.flag !== 'on') return;
      const edit = ctx.edit.replaceValue(['flag'], 'off');
      ctx.report({ path: ['flag'], at: 'value', ...say('flag is on.'), fixes: edit ? [{ title: titled('Turn it off'), edits: [edit], fixAll: true }] : [] });
    },
  },
  {
    meta: { id: 'cli-test/flag-off', severity: 'error', policy: '', description: 'flag is off.', fixable: 'none', inTemplates: true, docs },
    check(ctx) {
      const root = ctx.root;
      if (!isObj(root) || root.flag !== 'off') return;
      ctx.report({ path: ['flag'], at: 'key', ...say('flag is off (1).') });
      ctx.report({ path: ['flag'], at: 'value', ...say('flag is off (2).') });
    },
  },
  ...metaRules,
];

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd?: string;
  stdin?: string | Uint8Array;
  rules?: readonly Rule[];
  color?: boolean;
  /** The environment the locale is chosen from (default: none). */
  env?: Readonly<Record<string, string | undefined>>;
}

/** Run the CLI in-process with the fixed rule set and a fixed clock. */
export async function cli(argv: readonly string[], o: RunOptions = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, {
    cwd: o.cwd ?? FIXTURES,
    stdout: (s) => void (stdout += s),
    stderr: (s) => void (stderr += s),
    readStdin: async () => (typeof o.stdin === 'string' ? Buffer.from(o.stdin, 'utf8') : (o.stdin ?? new Uint8Array())),
    color: o.color ?? false,
    now: () => new Date(2026, 10, 23, 12, 0, 0),
    rules: o.rules ?? TEST_RULES,
    ...(o.env ? { env: o.env } : {}),
  });
  return { code, stdout, stderr };
}

/** A fresh temp folder with a root config (so no config above it applies) and the given files. */
/**
 * A `tempTree` for one test file: every folder it makes is removed after the file's tests.
 * Call once at the top of a test file: `const tree = tempTrees();`.
 */
export function tempTrees(): (files?: Record<string, string | Uint8Array>) => string {
  const made: string[] = [];
  afterAll(() => made.forEach(removeTree));
  return (files = {}) => {
    const d = tempTree(files);
    made.push(d);
    return d;
  };
}

export function tempTree(files: Record<string, string | Uint8Array> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'planlint-cli-'));
  writeFileSync(join(dir, '.planlintrc.yaml'), 'rules: {}\n');
  for (const [rel, content] of Object.entries(files)) {
    const p = join(dir, rel);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, content);
  }
  return dir;
}

export const removeTree = (dir: string): void => rmSync(dir, { recursive: true, force: true });

/** Bundle the CLI exactly as esbuild.mjs does, into a temp folder (not dist/, which others rebuild). */
export async function bundleCli(): Promise<string> {
  const out = join(mkdtempSync(join(tmpdir(), 'planlint-bundle-')), 'cli.js');
  await build({
    entryPoints: [join(REPO, 'server/src/cli/main.ts')],
    outfile: out,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'warning',
    minifySyntax: true,
    banner: { js: '#!/usr/bin/env node' },
  });
  return out;
}

export function spawnCli(bundle: string, argv: readonly string[], o: { cwd: string; input?: string | Uint8Array; env?: Record<string, string> }): CliResult {
  const r = spawnSync(process.execPath, [bundle, ...argv], {
    cwd: o.cwd,
    input: o.input,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', ...o.env },
    encoding: 'utf8',
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** A minimal plan in the fixed rule set's terms. */
export const PLAN = (extra = ''): string => `sentence_plan: 1\nkind: plan\nowner: POM 1\n${extra}`;
