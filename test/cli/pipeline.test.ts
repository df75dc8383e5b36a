// The stages of the command line's pipeline (cli/pipeline/), each on its own:
// discover -> configs -> source -> check -> sink, and fixFile for --fix.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../server/src/engine/config.js';
import type { RuleMeta } from '../../server/src/engine/types.js';
import { ConfigHasher, type LintCache } from '../../server/src/cli/cache.js';
import type { CheckEnv } from '../../server/src/cli/check.js';
import { ConfigResolver } from '../../server/src/cli/configs.js';
import type { BaseContext } from '../../server/src/cli/emit.js';
import { CheckStage, type Prepared } from '../../server/src/cli/pipeline/check.js';
import { configureItems } from '../../server/src/cli/pipeline/configure.js';
import { discoverItems, type DiscoverOptions, type Item } from '../../server/src/cli/pipeline/discover.js';
import { describeFixes, fixFile, type FixEnv } from '../../server/src/cli/pipeline/fixFile.js';
import { Failure, Sink, type SinkOptions } from '../../server/src/cli/pipeline/sink.js';
import { readStdinSource, readTarget, unreadReport } from '../../server/src/cli/pipeline/source.js';
import type { CliFinding, FileReport } from '../../server/src/cli/report.js';
import { tempTrees, AS_OF, TEST_RULES } from './helpers.js';

const tree = tempTrees();

const META = new Map<string, RuleMeta>(TEST_RULES.map((r) => [r.meta.id, r.meta]));
const KNOWN = TEST_RULES.map((r) => r.meta.id);
const checkEnv: CheckEnv = { asOf: AS_OF, maxFileSize: 1_000_000, rules: TEST_RULES, ruleMeta: META };
const discoverOpts = (o: Partial<DiscoverOptions>): DiscoverOptions => ({ stdin: false, patterns: [], errorOnUnmatchedPattern: true, maxFileSize: 1_000_000, ...o });
const finding = (severity: CliFinding['severity'], rule = 'cli-test/score'): CliFinding => ({ rule, severity, message: 'm', line: 1, column: 1, endLine: 1, endColumn: 2, policy: '', fixable: false });

describe('source', () => {
  it('reads a regular file, refuses a folder, and refuses a file over the limit by its size', async () => {
    const d = tree({ 'a.plan.yaml': 'sentence_plan: 1\n', 'sub/x.txt': '' });
    const ok = await readTarget({ display: 'a.plan.yaml', absolute: join(d, 'a.plan.yaml') }, 100);
    expect(ok.kind === 'ok' && Buffer.from(ok.snapshot.bytes).toString()).toBe('sentence_plan: 1\n');
    expect((await readTarget({ display: 'sub', absolute: join(d, 'sub') }, 100)).kind).toBe('error');
    expect(await readTarget({ display: 'a.plan.yaml', absolute: join(d, 'a.plan.yaml') }, 5)).toEqual({ kind: 'too-large', size: 17 });
    expect(await readStdinSource(async () => new Uint8Array(10), 5)).toEqual({ kind: 'too-large', size: 10 });
    expect((await readStdinSource(async () => { throw Object.assign(new Error('x'), { code: 'EIO' }); }, 5)).kind).toBe('error');
  });

  it('an unread file gets one finding (and a message for stderr when it could not be read)', () => {
    const report: FileReport = { file: 'a', findings: [] };
    expect(unreadReport('a', report, { kind: 'error', reason: 'permission denied' }, 5)).toEqual({ failMsg: 'cannot read a: permission denied' });
    expect(report.findings.map((f) => f.rule)).toEqual(['meta/unreadable']);
    expect(report.readError).toBe('permission denied');
    const big: FileReport = { file: 'b', findings: [] };
    expect(unreadReport('b', big, { kind: 'too-large', size: 12_345 }, 5)).toEqual({});
    expect(big.findings[0].rule).toBe('meta/file-too-large');
    expect(big.findings[0].message).toContain('12,345 bytes');
    expect(unreadReport('c', { file: 'c', findings: [] }, { kind: 'ok', snapshot: { bytes: new Uint8Array(), mtimeMs: 0, size: 0, mode: 0, uid: 0, gid: 0 } }, 5)).toBeUndefined();
  });
});

describe('discover', () => {
  it('standard input is one item, named by --stdin-filename, never writable', async () => {
    const items = await discoverItems(discoverOpts({ stdin: true, stdinFilename: 'x.plan.yaml' }), '/w', async () => Buffer.from('a: 1\n'), () => expect.fail());
    expect(items.map((i) => [i.display, i.absolute, i.writable])).toEqual([['x.plan.yaml', '/w/x.plan.yaml', false]]);
    expect((await items[0].read()).kind).toBe('ok');
  });

  it('reports a pattern that matches nothing, and shards split the files without loss or overlap', async () => {
    const d = tree(Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`p${i}.plan.yaml`, 'sentence_plan: 1\n'])));
    const fails: string[] = [];
    const all = await discoverItems(discoverOpts({ patterns: ['.', 'nothing-*.yaml'] }), d, async () => new Uint8Array(), (m) => fails.push(m));
    expect(all).toHaveLength(12);
    expect(fails).toHaveLength(1);
    expect(fails[0]).toContain('no plan files match');
    const shards = await Promise.all([1, 2, 3].map((index) => discoverItems(discoverOpts({ shard: { index, count: 3 } }), d, async () => new Uint8Array(), () => undefined)));
    expect(shards.flat().map((i) => i.display).sort()).toEqual(all.map((i) => i.display).sort());
    const empty = tree({});
    const none: string[] = [];
    expect(await discoverItems(discoverOpts({}), empty, async () => new Uint8Array(), (m) => none.push(m))).toEqual([]);
    expect(none).toHaveLength(1);
    expect(none[0]).toMatch(/^no plan files/);
  });
});

describe('configs', () => {
  it('one configuration per item; a broken one stops the run with its problems located', async () => {
    const d = tree({ 'a.plan.yaml': '', 'b/b.plan.yaml': '' });
    const items: Item[] = [join(d, 'a.plan.yaml'), join(d, 'b/b.plan.yaml')].map((absolute) => ({ display: absolute, absolute, writable: true, read: async () => ({ kind: 'error', reason: '' }) }));
    let err = '';
    const ok = await configureItems(items, new ConfigResolver(d, KNOWN, {}, undefined, [d]), d, new Map(META), (s) => void (err += s));
    expect(ok).toHaveLength(2);
    expect(err).toBe('');
    writeFileSync(join(d, 'b/.planlintrc.yaml'), 'rules:\n  cli-test/score: loud\n');
    const bad = await configureItems(items, new ConfigResolver(d, KNOWN, {}, undefined, [d]), d, new Map(META), (s) => void (err += s));
    expect(bad).toBeUndefined();
    expect(err).toMatch(/\.planlintrc\.yaml:2:\d+: /);
    expect(err).toContain('the configuration above has problems');
  });
});

describe('check', () => {
  const snapshot = (text: string) => ({ kind: 'ok' as const, snapshot: { bytes: Buffer.from(text), mtimeMs: 0, size: text.length, mode: 0o644, uid: 0, gid: 0 } });
  const item = (text: string): Item => ({ display: 'a.plan.yaml', absolute: '/w/a.plan.yaml', writable: true, read: async () => snapshot(text) });

  it('answers from the cache when it holds the file, else leaves a job; finishing stores the result', async () => {
    const stored = new Map<string, unknown>();
    const cache = {
      get: (_abs: string, key: string) => (stored.get(key) as ReturnType<LintCache['get']>),
      set: (_abs: string, e: { key: string }) => void stored.set(e.key, e),
      delete: () => undefined,
    } as unknown as LintCache;
    const stage = new CheckStage({ asOf: AS_OF, maxFileSize: 1_000, cache, hasher: new ConfigHasher(TEST_RULES, AS_OF), fix: false, fixDryRun: false, wantTimeline: false, showUpcoming: false });
    const config = defaultConfig();
    const p = await stage.prepare(item('sentence_plan: 1\n'), config);
    expect(p.job?.cacheKey).toMatch(/^[0-9a-f]{64}:/);
    stage.finish(item(''), p, { findings: [finding('error')], upcoming: [] });
    expect(p.job).toBeUndefined();
    expect(stored.size).toBe(1);
    const again = await stage.prepare(item('sentence_plan: 1\n'), config);
    expect(again.job).toBeUndefined();
    expect(again.report.findings).toEqual([finding('error')]);
    // Different bytes: a miss.
    expect((await stage.prepare(item('sentence_plan: 2\n'), config)).job).toBeDefined();
  });

  it('a file that was not read is reported without a job', async () => {
    const stage = new CheckStage({ asOf: AS_OF, maxFileSize: 3, hasher: new ConfigHasher(TEST_RULES, AS_OF), fix: false, fixDryRun: false, wantTimeline: false, showUpcoming: false });
    const p = await stage.prepare({ ...item(''), read: async () => ({ kind: 'too-large', size: 17 }) }, defaultConfig());
    expect(p.job).toBeUndefined();
    expect(p.report.findings.map((f) => f.rule)).toEqual(['meta/file-too-large']);
  });
});

describe('fixFile', () => {
  const env = (notes: string[], dryRun: boolean, roots: string[] = []): FixEnv => ({ check: checkEnv, dryRun, roots, note: (s) => void notes.push(s), fail: (m) => void notes.push(`FAIL ${m}`) });

  it('dry run: says what it would fix and shows the diff, writes nothing', async () => {
    const d = tree({ 'a.plan.yaml': 'sentence_plan: 1\nscore: 48\n' });
    const file = join(d, 'a.plan.yaml');
    const notes: string[] = [];
    const bytes = readFileSync(file);
    const out = await fixFile({ display: 'a.plan.yaml', absolute: file, writable: true, read: async () => expect.fail() }, { bytes, mtimeMs: 0, size: bytes.length, mode: 0o644, uid: 0, gid: 0 }, defaultConfig(), env(notes, true));
    expect(out.changed).toBe(true);
    expect(out.findings.some((f) => f.rule === 'cli-test/score')).toBe(false);
    expect(notes[0]).toBe('planlint: would fix a.plan.yaml: 1 fix (cli-test/score)\n');
    expect(notes[1]).toContain('+score: 0.48');
    expect(readFileSync(file, 'utf8')).toBe('sentence_plan: 1\nscore: 48\n');
  });

  it('text that is not UTF-8 is reported and never fixed', async () => {
    const notes: string[] = [];
    const bytes = new Uint8Array([0xff, 0xfe, 0x00, 0x41]);
    const out = await fixFile({ display: 'a', absolute: '/nowhere/a', writable: true, read: async () => expect.fail() }, { bytes, mtimeMs: 0, size: 4, mode: 0o644, uid: 0, gid: 0 }, defaultConfig(), env(notes, false));
    expect(out.changed).toBe(false);
    expect(out.findings.map((f) => f.rule)).toEqual(['meta/encoding']);
    expect(notes).toEqual([]);
  });

  it('describeFixes counts rule ids', () => {
    expect(describeFixes(['a/b', 'c/d', 'a/b'])).toBe('3 fixes (a/b ×2, c/d)');
    expect(describeFixes(['a/b'])).toBe('1 fix (a/b)');
  });
});

describe('sink', () => {
  const base: BaseContext = { cwd: '/w', color: false, version: '0', rules: META, asOf: AS_OF };
  const sinkOpts = (o: Partial<SinkOptions>): SinkOptions => ({ outputs: [{ format: 'json' }], quiet: false, exitZero: false, ...o });
  const make = (o: Partial<SinkOptions>, fixing = false) => {
    let out = '';
    let err = '';
    const io = { stdout: (s: string) => void (out += s), stderr: (s: string) => void (err += s) };
    const sink = new Sink(sinkOpts(o), base, io, '', undefined, fixing, new Failure(io.stderr));
    return { sink, out: () => out, err: () => err };
  };
  const prep = (file: string, findings: CliFinding[], failMsg?: string): Prepared => ({ report: { file, findings }, failMsg });

  it('streams files in order as they become ready, and lets them go', () => {
    const { sink, out } = make({ outputs: [{ format: 'compact' }] });
    expect(sink.streaming).toBe(true);
    const prepared: (Prepared | undefined)[] = new Array(2);
    prepared[1] = prep('second.plan.yaml', [finding('warning')]);
    sink.drain(prepared);
    expect(out()).toBe('');
    prepared[0] = prep('first.plan.yaml', [finding('error')]);
    sink.drain(prepared);
    expect(out().indexOf('first.plan.yaml')).toBeGreaterThanOrEqual(0);
    expect(out().indexOf('first.plan.yaml')).toBeLessThan(out().indexOf('second.plan.yaml'));
    expect(prepared[0]!.report.findings).toEqual([]);
  });

  it('exit status: 1 on errors, 0 with --exit-zero, 1 past --max-warnings, 2 on a failure; --quiet keeps errors', async () => {
    const errors = [prep('a', [finding('error'), finding('warning')])];
    expect(await make({}).sink.end(errors, async () => undefined)).toBe(1);
    expect(await make({ exitZero: true }).sink.end([prep('a', [finding('error')])], async () => undefined)).toBe(0);
    const warned = make({ maxWarnings: 0 });
    expect(await warned.sink.end([prep('a', [finding('warning')])], async () => undefined)).toBe(1);
    expect(warned.err()).toContain('1 warnings, more than --max-warnings 0 allows');
    expect(await make({}).sink.end([prep('a', [], 'cannot read a: gone')], async () => undefined)).toBe(2);
    const quiet = make({ quiet: true }, true);
    const p = [prep('a', [finding('error'), finding('warning'), finding('info')])];
    await quiet.sink.end(p, async () => undefined);
    expect(p[0].report.findings.map((f) => f.severity)).toEqual(['error']);
    expect(quiet.sink.summary.errors).toBe(1);
    expect(JSON.parse(quiet.out())[0].findings ?? JSON.parse(quiet.out())[0].messages).toBeDefined();
  });

  it('runs the hook (the cache save) after the last file and before the whole reports are written', async () => {
    const { sink, out } = make({}, true);
    let seen = 'unset';
    await sink.end([prep('a', [])], async () => void (seen = out()));
    expect(seen).toBe('');
    expect(out()).not.toBe('');
  });
});

