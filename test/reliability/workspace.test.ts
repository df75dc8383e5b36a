// A hostile workspace (issue 18 item 6): configuration files that are devices, pipes, huge, or
// links out of the workspace, and a `configPath` setting naming a file elsewhere on the
// machine. One config reader (server/src/project/configFiles.ts) serves the CLI and the
// server: a regular file (after resolving links) under a size cap, confined where it must be,
// and no value from the file echoed in a log.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfigText } from '../../server/src/engine/config.js';
import { lint } from '../../server/src/engine/lint.js';
import { ALL_RULES } from '../../server/src/rules/index.js';
import { ConfigFiles, MAX_CONFIG_BYTES, type ConfigFs, type FileInfo } from '../../server/src/project/configFiles.js';
import { cli, removeTree, tempTree } from '../cli/helpers.js';
import { GOOD_PLAN, startClient, type TestClient } from '../lsp/harness.js';

const ROOT = join(__dirname, '../..');
/** A value planted in config files outside the workspace: it must never reach a log. */
const CANARY = 'zqxcanarysecret';

describe('the config reader, with a file system made up in the test', () => {
  /** A fake file system: paths map to files, folders, devices or links. */
  function fakeFs(entries: Record<string, { kind: FileInfo['kind']; text?: string; size?: number } | { link: string }>): ConfigFs & { reads: string[] } {
    const reads: string[] = [];
    const real = (p: string): string => {
      for (let i = 0; i < 40; i++) {
        const e = entries[p];
        if (!e) throw Object.assign(new Error('missing'), { code: 'ENOENT' });
        if (!('link' in e)) return p;
        p = e.link;
      }
      throw Object.assign(new Error('loop'), { code: 'ELOOP' });
    };
    const info = (p: string): FileInfo => {
      const e = entries[real(p)] as { kind: FileInfo['kind']; text?: string; size?: number };
      return { kind: e.kind, size: e.size ?? Buffer.byteLength(e.text ?? ''), mtimeMs: 1 };
    };
    return {
      reads,
      exists: (p) => p in entries,
      realpath: real,
      stat: info,
      readRegular(p, limit) {
        reads.push(p);
        const e = entries[real(p)] as { kind: FileInfo['kind']; text?: string };
        const bytes = Buffer.from(e.text ?? '').subarray(0, limit);
        return { info: info(p), bytes, truncated: bytes.length >= limit };
      },
    };
  }
  const rules = ['smart/achievable'];

  it('refuses a device, a folder and a file over the cap without reading them', () => {
    const fs = fakeFs({
      '/ws/.planlintrc.yaml': { link: '/dev/zero' },
      '/dev/zero': { kind: 'other', size: 0 },
      '/ws/dir.yaml': { kind: 'directory' },
      '/ws/big.yaml': { kind: 'file', size: MAX_CONFIG_BYTES + 1 },
    });
    const files = new ConfigFiles(fs, rules);
    expect(files.load('/ws/.planlintrc.yaml').refused).toMatch(/not a regular file/);
    expect(files.load('/ws/dir.yaml').refused).toMatch(/folder/);
    expect(files.load('/ws/big.yaml').refused).toMatch(/over the limit of 1,000,000 bytes/);
    expect(fs.reads).toEqual([]);
  });

  it('a link inside the roots leading out is refused; a file above the roots is read; `inside` refuses anything outside', () => {
    const fs = fakeFs({
      '/ws/.planlintrc.yaml': { link: '/home/u/secret.yaml' },
      '/home/u/secret.yaml': { kind: 'file', text: `${CANARY}: 1\n` },
      '/home/.planlintrc.yaml': { kind: 'file', text: 'rules:\n  smart/achievable: off\n' },
      '/ws/team.yaml': { kind: 'file', text: 'rules:\n  smart/achievable: off\n' },
    });
    const files = new ConfigFiles(fs, rules);
    const roots = ['/ws'];
    const out = files.load('/ws/.planlintrc.yaml', { roots, confine: 'links' });
    expect(out.refused).toMatch(/symbolic link to a file outside the workspace/);
    expect(JSON.stringify(out)).not.toContain(CANARY);
    expect(files.load('/home/.planlintrc.yaml', { roots, confine: 'links' }).config.rules).toEqual({ 'smart/achievable': 'off' });
    expect(files.load('/home/u/secret.yaml', { roots, confine: 'inside' }).refused).toMatch(/outside the workspace folders/);
    expect(files.load('/ws/team.yaml', { roots, confine: 'inside' }).config.rules).toEqual({ 'smart/achievable': 'off' });
    expect(fs.reads).toEqual(['/home/.planlintrc.yaml', '/ws/team.yaml']);
  });

  it('the nearest entry with a config name is the config, even when it is not a file (refused, not skipped)', () => {
    const fs = fakeFs({ '/ws/a/.planlintrc.yaml': { link: '/dev/zero' }, '/dev/zero': { kind: 'other' }, '/ws/.planlintrc.yaml': { kind: 'file', text: 'rules: {}\n' } });
    const files = new ConfigFiles(fs, rules);
    expect(files.nearest('/ws/a/b')).toBe('/ws/a/.planlintrc.yaml');
    expect(files.load('/ws/a/.planlintrc.yaml').refused).toMatch(/not a regular file/);
  });
});

describe('which config applies in an editor (the server and the VS Code client share editorConfigFor)', () => {
  it('configPath is resolved against the folder and confined inside; otherwise the nearest file, which may not link out', () => {
    const files = new ConfigFiles(
      {
        exists: (p) => p === '/ws/a/.planlintrc.yaml',
        realpath: (p) => p,
        stat: () => ({ kind: 'file', size: 1, mtimeMs: 1 }),
        readRegular: () => ({ info: { kind: 'file', size: 1, mtimeMs: 1 }, bytes: Buffer.from('{}'), truncated: false }),
      },
      [],
    );
    expect(files.editorConfigFor('/ws/a/p.plan.yaml', 'team.yaml', '/ws')).toEqual({ path: '/ws/team.yaml', confine: 'inside' });
    expect(files.editorConfigFor('/ws/a/p.plan.yaml', '/etc/passwd', '/ws')).toEqual({ path: '/etc/passwd', confine: 'inside' });
    expect(files.editorConfigFor('/ws/a/p.plan.yaml', '', '/ws')).toEqual({ path: '/ws/a/.planlintrc.yaml', confine: 'links' });
    expect(files.editorConfigFor('/ws/b/p.plan.yaml', '', '/ws')).toBeUndefined();
    expect(files.editorConfigFor(undefined, 'team.yaml', undefined)).toBeUndefined();
    expect(files.load('/etc/passwd', { roots: ['/ws'], confine: 'inside' }).refused).toMatch(/outside the workspace folders/);
  });
});

describe('a hostile workspace against the command line', () => {
  let d: string;
  beforeAll(() => {
    d = tempTree({ 'zero/p.plan.yaml': 'sentence_plan: 1\n', 'fifo/p.plan.yaml': 'sentence_plan: 1\n', 'big/p.plan.yaml': 'sentence_plan: 1\n', 'out/p.plan.yaml': 'sentence_plan: 1\n' });
    symlinkSync('/dev/zero', join(d, 'zero', '.planlintrc.yaml'));
    execFileSync('mkfifo', [join(d, 'fifo', '.planlintrc.yaml')]);
    writeFileSync(join(d, 'big', '.planlintrc.yaml'), 'rules: {}\n' + '#'.repeat(MAX_CONFIG_BYTES) + '\n');
    const outside = mkdtempSync(join(tmpdir(), 'planlint-outside-'));
    writeFileSync(join(outside, 'secret.yaml'), `rules:\n  smart/achievable: ${CANARY}\n`);
    symlinkSync(join(outside, 'secret.yaml'), join(d, 'out', '.planlintrc.yaml'));
  });
  afterAll(() => removeTree(d));

  it.each([
    ['zero', /zero\/\.planlintrc\.yaml:1:1: cannot read configuration: it is not a regular file/],
    ['fifo', /fifo\/\.planlintrc\.yaml:1:1: cannot read configuration: it is not a regular file/],
    ['big', /big\/\.planlintrc\.yaml:1:1: cannot read configuration: it is 1,000,011 bytes, over the limit/],
    ['out', /out\/\.planlintrc\.yaml:1:1: cannot read configuration: it is a symbolic link to a file outside/],
  ])('%s: a clear configuration error, exit 2, quickly', async (folder, message) => {
    const t0 = Date.now();
    const r = await cli([folder], { cwd: d });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toContain(CANARY);
    expect(Date.now() - t0).toBeLessThan(10_000); // does not hang on the pipe or read the device
  });

  it('--config /dev/zero is refused the same way', async () => {
    const r = await cli(['--config', '/dev/zero', 'zero/p.plan.yaml'], { cwd: d });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('/dev/zero:1:1: cannot read configuration: it is not a regular file');
  });
});

describe('a hostile workspace against the language server', () => {
  let c: TestClient;
  let ws: string;
  let outside: string;
  const planUri = (rel: string): string => pathToFileURL(join(ws, rel)).toString();
  beforeAll(async () => {
    ws = mkdtempSync(join(tmpdir(), 'planlint-hostile-ws-'));
    outside = mkdtempSync(join(tmpdir(), 'planlint-outside-'));
    mkdirSync(join(ws, 'zero'));
    symlinkSync('/dev/zero', join(ws, 'zero', '.planlintrc.yaml'));
    mkdirSync(join(ws, 'link'));
    writeFileSync(join(outside, 'secret.yaml'), `rules:\n  ${CANARY}: off\n`);
    symlinkSync(join(outside, 'secret.yaml'), join(ws, 'link', '.planlintrc.yaml'));
    writeFileSync(join(ws, 'team.yaml'), `rules:\n  ${CANARY}: off\n  smart/achievable: off\n`);
    ({ client: c } = await startClient({ rootUri: pathToFileURL(ws).toString(), workspaceFolders: true }));
  }, 60_000);
  afterAll(async () => {
    await c.stop();
    rmSync(ws, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });

  const rssMb = (): number => {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${c.proc.pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : 0;
  };

  it('a .planlintrc.yaml linked to /dev/zero: refused, said so, the plan checked with the defaults, memory flat', async () => {
    const u = planUri('zero/a.plan.yaml');
    c.open(u, GOOD_PLAN);
    await c.diagnostics(u, 1, 10_000);
    expect(c.logs.some((l) => l.includes('zero/.planlintrc.yaml was not read: it is not a regular file'))).toBe(true);
    expect(c.requests.some((r) => r.method === 'window/showMessage' && JSON.stringify(r.params).includes('not a regular file'))).toBe(true);
    expect(rssMb()).toBeLessThan(400);
  });

  it('a .planlintrc.yaml linked out of the workspace: refused, its content not echoed', async () => {
    const u = planUri('link/a.plan.yaml');
    c.open(u, GOOD_PLAN);
    await c.diagnostics(u, 1, 10_000);
    expect(c.logs.some((l) => l.includes('link/.planlintrc.yaml was not read: it is a symbolic link to a file outside the workspace folders'))).toBe(true);
    expect(c.logs.join('\n')).not.toContain(CANARY);
  });

  it('configPath naming /dev/zero or a file outside the workspace: refused with a clear message, nothing echoed', async () => {
    for (const [n, configPath, why] of [
      [2, '/dev/zero', 'it is not a regular file'],
      [3, join(outside, 'secret.yaml'), 'the file is outside the workspace folders'],
      [4, '../' + outside.split('/').pop() + '/secret.yaml', 'the file is outside the workspace folders'],
    ] as const) {
      c.settings = { ...c.settings, configPath };
      c.notify('workspace/didChangeConfiguration', { settings: {} });
      const u = planUri(`cp${n}.plan.yaml`);
      c.open(u, GOOD_PLAN);
      await c.diagnostics(u, 1, 10_000);
      await c.until(() => c.logs.some((l) => l.includes(`was not read: ${why}`)), 5000, `refusal ${n}`);
    }
    expect(c.logs.join('\n')).not.toContain(CANARY);
    expect(rssMb()).toBeLessThan(400);
  });

  it('configPath inside the workspace is read; its problems are logged by line, never by value', async () => {
    c.settings = { ...c.settings, configPath: 'team.yaml' };
    c.notify('workspace/didChangeConfiguration', { settings: {} });
    await c.until(() => c.logs.some((l) => l.includes('team.yaml: 1 problem(s), at line 2')), 5000, 'problem logged by line');
    expect(c.logs.join('\n')).not.toContain(CANARY);
    c.settings = { ...c.settings, configPath: '' };
  });
});

describe('the manifest restricts configPath in untrusted workspaces', () => {
  it('declares limited support and lists planlint.configPath as restricted', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.capabilities.untrustedWorkspaces.supported).toBe('limited');
    expect(pkg.capabilities.untrustedWorkspaces.restrictedConfigurations).toContain('planlint.configPath');
    expect(pkg.contributes.configuration.properties['planlint.configPath']).toBeDefined();
  });
});

describe('durations and day counts in configuration are bounded (issue 18 item 9)', () => {
  const KNOWN = [...ALL_RULES.map((r) => r.meta.id)];
  const PLAN_TEXT = readFileSync(join(ROOT, 'samples/good/determinate.plan.yaml'), 'utf8');
  it.each([
    ['policy:\n  review:\n    periodic:\n      determinate:\n        applies_over_months: 24\n        interval: { years: 100000000 }\n', 6],
    ['policy:\n  review:\n    pre_tariff:\n      due_before_ped: { days: 1e12 }\n      window: { weeks: 8 }\n', 4],
    ['policy:\n  rmp:\n    reviewed_with_plan_gap_days: 99999999999\n', 3],
  ])('a huge value is a located configuration problem, and the plan lints with no internal error', (text, line) => {
    const { config, problems } = loadConfigText(text, 'cfg.yaml', KNOWN);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0].line).toBe(line);
    expect(problems.map((p) => p.message).join('\n')).toMatch(/must be <=/);
    const r = lint(PLAN_TEXT, { asOf: '2026-11-23', config });
    expect(r.findings.filter((f) => f.ruleId === 'meta/internal-error')).toEqual([]);
  });
  it('the largest values allowed (100 years) still lint without an internal error', () => {
    const { config, problems } = loadConfigText('policy:\n  review:\n    periodic:\n      determinate:\n        applies_over_months: 1200\n        interval: { years: 100, months: 1200, weeks: 5200, days: 36500 }\n', 'cfg.yaml', KNOWN);
    expect(problems).toEqual([]);
    const r = lint(PLAN_TEXT, { asOf: '2026-11-23', config });
    expect(r.findings.filter((f) => f.ruleId === 'meta/internal-error')).toEqual([]);
  });
});
