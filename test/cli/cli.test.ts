// The command line's behaviour, in-process: exit codes, file selection, standard input,
// unreadable files, encodings and line endings, --fix / --fix-dry-run, configuration lookup
// and the JSON contract. Rules are the fixed test set from helpers.ts.
import { chmodSync, lstatSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FORMAT_NAMES } from '../../server/src/cli/formats/index.js';
import { writeIfUnchanged } from '../../server/src/cli/write.js';
import { ALL_RULES } from '../../server/src/rules/index.js';
import { tempTrees, AS_OF, cli, FIXTURES, PLAN, WORSENING_RULES } from './helpers.js';

const tree = tempTrees();

type JsonReport = { file: string; findings: { rule: string; severity: string; message: string; line: number; column: number; endLine: number; endColumn: number; policy: string; fixable: boolean }[] }[];
const json = async (argv: string[], cwd: string, opts: Parameters<typeof cli>[1] = {}) => {
  const r = await cli(['--format', 'json', '--as-of', AS_OF, ...argv], { cwd, ...opts });
  return { ...r, report: (r.stdout ? JSON.parse(r.stdout) : []) as JsonReport };
};
const rulesOf = (rep: JsonReport, i = 0): string[] => rep[i].findings.map((f) => f.rule);

describe('exit codes', () => {
  const d = tree({
    'clean.plan.yaml': PLAN(),
    'error.plan.yaml': PLAN('score: 48\n'),
    'warn.plan.yaml': 'sentence_plan: 1\nkind: plan\n',
    'warn2.plan.yaml': 'sentence_plan: 1\nkind: plan\n',
  });
  it('0 when there is nothing to report', async () => {
    expect((await cli(['--as-of', AS_OF, 'clean.plan.yaml'], { cwd: d })).code).toBe(0);
  });
  it('0 with warnings only', async () => {
    expect((await cli(['--as-of', AS_OF, 'warn.plan.yaml'], { cwd: d })).code).toBe(0);
  });
  it('1 with an error; --exit-zero makes it 0 and still prints the report', async () => {
    expect((await cli(['--as-of', AS_OF, 'error.plan.yaml'], { cwd: d })).code).toBe(1);
    const r = await cli(['--exit-zero', '--as-of', AS_OF, 'error.plan.yaml'], { cwd: d });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('cli-test/score');
  });
  it('--max-warnings: at the limit 0, one over 1', async () => {
    expect((await cli(['--max-warnings', '2', 'warn.plan.yaml', 'warn2.plan.yaml'], { cwd: d })).code).toBe(0);
    const over = await cli(['--max-warnings', '1', 'warn.plan.yaml', 'warn2.plan.yaml'], { cwd: d });
    expect(over.code).toBe(1);
    expect(over.stderr).toContain('2 warnings, more than --max-warnings 1');
    expect((await cli(['--max-warnings', '0', 'clean.plan.yaml'], { cwd: d })).code).toBe(0);
  });
  it('--quiet reports errors only, but warnings still count for --max-warnings', async () => {
    const q = await json(['--quiet', 'warn.plan.yaml', 'error.plan.yaml'], d);
    expect(q.report.flatMap((f) => f.findings.map((x) => x.severity))).toEqual(['error']);
    const r = await cli(['--quiet', '--max-warnings', '0', 'warn.plan.yaml'], { cwd: d });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('no problems');
  });
  it('2 for usage errors, with a message saying what to do', async () => {
    const cases: [string[], RegExp][] = [
      [['--bogus'], /unknown option --bogus/],
      [['--formt', 'json'], /did you mean --format/],
      [['--as-of', '2026-02-30'], /--as-of must be a calendar date/],
      [['--as-of', '23/11/2026'], /YYYY-MM-DD/],
      [['--max-warnings=-1'], /--max-warnings takes a whole number/],
      [['--max-warnings', 'many'], /--max-warnings/],
      [['--format', 'jsn'], /unknown --format `jsn` — did you mean `json`/],
      [['--rule', 'cli-test/scor:error'], /did you mean `cli-test\/score`/],
      [['--rule', 'cli-test/score:fatal'], /not a severity/],
      [['--rule', 'cli-test/score'], /RULE:SEVERITY/],
      [['--max-file-size', '0'], /--max-file-size/],
      [['--format', 'json', '--format', 'sarif'], /only one --format can write to standard output/],
      [['--stdin', '--fix'], /--fix cannot write to standard input/],
      [['--fix', '--fix-dry-run'], /either --fix/],
      [['--stdin-filename', 'a.plan.yaml'], /only makes sense with --stdin/],
      [['--config'], /--config needs a value/],
    ];
    for (const [argv, msg] of cases) {
      const r = await cli(argv, { cwd: d });
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr, argv.join(' ')).toMatch(msg);
      expect(r.stderr.startsWith('planlint: ')).toBe(true);
    }
  });
  it('--rule changes a severity or turns a rule (or a family) off', async () => {
    const w = await json(['--rule', 'cli-test/score:warning', 'error.plan.yaml'], d);
    expect(w.code).toBe(0);
    expect(w.report[0].findings.find((f) => f.rule === 'cli-test/score')?.severity).toBe('warning');
    const off = await json(['--rule', 'cli-test/*:off', 'error.plan.yaml'], d);
    expect(off.report[0].findings).toEqual([]);
  });
  it('--as-of defaults to today (the injected clock) and changes time-dependent findings', async () => {
    const dd = tree({ 'a.plan.yaml': PLAN('due: 2026-11-22\n') });
    const today = await cli(['--format', 'json', 'a.plan.yaml'], { cwd: dd });
    expect(rulesOf(JSON.parse(today.stdout))).toEqual(['cli-test/overdue']);
    expect((await json(['--as-of', '2026-11-22', 'a.plan.yaml'], dd)).report[0].findings).toEqual([]);
  });
  it('--version and --help', async () => {
    const v = await cli(['--version']);
    expect(v.code).toBe(0);
    expect(v.stdout).toMatch(/^\d+\.\d+\.\d+/);
    const h = await cli(['--help']);
    expect(h.code).toBe(0);
    for (const flag of ['--format', '--output-file', '--exit-zero', '--as-of', '--config', '--quiet', '--max-warnings', '--fix', '--fix-dry-run', '--stdin', '--max-file-size', '--rule']) {
      expect(h.stdout).toContain(flag);
    }
  });
});

describe('which files are linted', () => {
  const d = tree({
    'plans/b.plan.yaml': PLAN(),
    'plans/a.plan.yml': PLAN(),
    'plans/c.yaml': '# a plan without the name\nsentence_plan: 1\nowner: x\n',
    'plans/notes.yaml': 'title: not a plan\n',
    'plans/nested/sentence_plan.yaml': 'list:\n  sentence_plan: 1\n',
    'plans/node_modules/dep.plan.yaml': PLAN(),
    'plans/.git/x.plan.yaml': PLAN(),
    'plans/.hidden/y.plan.yaml': PLAN(),
    'plans/deep/z/d.plan.yaml': PLAN(),
    'other/config.yaml': 'title: named explicitly\n',
  });
  it('folders: plan files by name or top-level key, sorted, skipping node_modules, .git and hidden folders', async () => {
    const r = await json(['plans'], d);
    expect(r.report.map((f) => f.file)).toEqual(['plans/a.plan.yml', 'plans/b.plan.yaml', 'plans/c.yaml', 'plans/deep/z/d.plan.yaml']);
  });
  it('a path given explicitly is always linted; the same file twice is linted once', async () => {
    const r = await json(['other/config.yaml', 'plans/b.plan.yaml', './plans/b.plan.yaml'], d);
    expect(r.report.map((f) => f.file)).toEqual(['other/config.yaml', 'plans/b.plan.yaml']);
  });
  it('globs select plan files', async () => {
    const r = await json(['plans/**/*.yaml'], d);
    expect(r.report.map((f) => f.file)).toEqual(['plans/b.plan.yaml', 'plans/c.yaml', 'plans/deep/z/d.plan.yaml']);
  });
  it('a glob or folder with no plan is an error (exit 2) unless --no-error-on-unmatched-pattern', async () => {
    const r = await cli(['plans/*.json'], { cwd: d });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no plan files match `plans/*.json`');
    const empty = await cli(['other'], { cwd: d });
    expect(empty.code).toBe(2);
    const ok = await cli(['--no-error-on-unmatched-pattern', 'plans/*.json'], { cwd: d });
    expect(ok.code).toBe(0);
  });
  it('a missing path is reported and the other files are still linted (exit 2)', async () => {
    const r = await json(['nope.plan.yaml', 'plans/b.plan.yaml'], d);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('planlint: cannot read nope.plan.yaml: no such file or folder\n');
    expect(r.report.map((f) => f.file)).toEqual(['nope.plan.yaml', 'plans/b.plan.yaml']);
    expect(rulesOf(r.report)).toEqual(['meta/unreadable']);
  });
  it('an unreadable file (a broken symbolic link) is reported, the others linted, even with --exit-zero (exit 2)', async () => {
    const dd = tree({ 'ok.plan.yaml': PLAN('score: 48\n') });
    symlinkSync(join(dd, 'gone.plan.yaml'), join(dd, 'broken.plan.yaml'));
    const r = await json(['--exit-zero', 'broken.plan.yaml', 'ok.plan.yaml'], dd);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cannot read broken.plan.yaml: a broken symbolic link');
    expect(rulesOf(r.report, 0)).toEqual(['meta/unreadable']);
    expect(rulesOf(r.report, 1)).toEqual(['cli-test/score']);
  });
  it('a device is not read (it could be endless): reported as unreadable', async () => {
    const r = await json(['/dev/zero'], tree());
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cannot read /dev/zero: not a regular file');
  });
  it('with no arguments the working directory is searched', async () => {
    const dd = tree({ 'x.plan.yaml': PLAN() });
    const r = await json([], dd);
    expect(r.report.map((f) => f.file)).toEqual(['x.plan.yaml']);
  });
});

describe('standard input', () => {
  const d = tree({ 'team/.planlintrc.yaml': 'rules:\n  cli-test/score: warning\n' });
  it('lints stdin, reported under --stdin-filename, with that file\'s configuration', async () => {
    const r = await json(['--stdin', '--stdin-filename', 'team/x.plan.yaml'], d, { stdin: PLAN('score: 48\n') });
    expect(r.code).toBe(0);
    expect(r.report[0].file).toBe('team/x.plan.yaml');
    expect(r.report[0].findings[0]).toMatchObject({ rule: 'cli-test/score', severity: 'warning', line: 4, column: 8 });
  });
  it('without a file name it is <stdin>, with the working directory\'s configuration', async () => {
    const r = await json(['--stdin'], d, { stdin: PLAN('score: 48\n') });
    expect(r.code).toBe(1);
    expect(r.report[0].file).toBe('<stdin>');
    expect(r.report[0].findings[0].severity).toBe('error');
  });
  it('--fix-dry-run on stdin prints the diff (on stderr when stdout is JSON)', async () => {
    const r = await json(['--stdin', '--fix-dry-run'], d, { stdin: PLAN('score: 48\n') });
    expect(r.stderr).toContain('-score: 48\n+score: 0.48\n');
    expect(r.report[0].findings).toEqual([]);
  });
  it('stdin in UTF-16 gives the encoding finding', async () => {
    const r = await json(['--stdin'], d, { stdin: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(PLAN(), 'utf16le')]) });
    expect(rulesOf(r.report)).toEqual(['meta/encoding']);
  });
});

describe('encodings and line endings', () => {
  const lf = PLAN('score: 48\nnote: n\n# planlint-disable-next-line cli-test/score -- x\nlast: 1\n');
  const d = tree({
    'lf.plan.yaml': lf,
    'crlf.plan.yaml': lf.replace(/\n/g, '\r\n'),
    'bom.plan.yaml': '\uFEFF' + lf,
    'bomfirst.plan.yaml': '\uFEFFscore: 48\nsentence_plan: 1\nowner: x\n',
    'utf16le.plan.yaml': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(lf, 'utf16le')]),
    'utf16be.plan.yaml': Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(lf, 'utf16le').swap16()]),
    'latin1.plan.yaml': Buffer.concat([Buffer.from(PLAN('note: caf'), 'utf8'), Buffer.from([0xe9]), Buffer.from('\n')]),
    'binary.plan.yaml': Buffer.from([0x73, 0x65, 0x6e, 0x74, 0x0a, 0x00, 0x01, 0x02, 0xff]),
  });
  const strip = (rep: JsonReport) => rep[0].findings.map(({ rule, line, column, endLine, endColumn }) => ({ rule, line, column, endLine, endColumn }));

  it('CRLF files give the same lines and columns as LF', async () => {
    const base = strip((await json(['lf.plan.yaml'], d)).report);
    expect(base.length).toBe(3);
    expect(strip((await json(['crlf.plan.yaml'], d)).report)).toEqual(base);
  });
  it('a UTF-8 byte-order mark is accepted and does not shift columns on line 1', async () => {
    expect(strip((await json(['bom.plan.yaml'], d)).report)).toEqual(strip((await json(['lf.plan.yaml'], d)).report));
    const first = (await json(['bomfirst.plan.yaml'], d)).report[0].findings[0];
    expect(first).toMatchObject({ rule: 'cli-test/score', line: 1, column: 8 });
  });
  it('UTF-16 (either byte order) gives one clear finding and no crash', async () => {
    for (const [file, order] of [['utf16le.plan.yaml', 'little-endian'], ['utf16be.plan.yaml', 'big-endian']]) {
      const r = await json([file], d);
      expect(r.code).toBe(1);
      expect(r.report[0].findings).toHaveLength(1);
      expect(r.report[0].findings[0]).toMatchObject({ rule: 'meta/encoding', severity: 'error', line: 1, column: 1 });
      expect(r.report[0].findings[0].message).toContain(`UTF-16 (${order})`);
    }
  });
  it('invalid UTF-8 gives one finding on the line of the first bad byte', async () => {
    const r = await json(['latin1.plan.yaml'], d);
    expect(r.report[0].findings).toHaveLength(1);
    expect(r.report[0].findings[0]).toMatchObject({ rule: 'meta/encoding', line: 4, column: 10 });
    expect(r.report[0].findings[0].message).toContain('not valid UTF-8');
  });
  it('a binary file gives one finding', async () => {
    const r = await json(['binary.plan.yaml'], d);
    expect(r.report[0].findings).toHaveLength(1);
    expect(r.report[0].findings[0]).toMatchObject({ rule: 'meta/encoding', line: 2, column: 1 });
    expect(r.report[0].findings[0].message).toContain('NUL bytes');
  });
  it('--fix never writes a file it could not decode', async () => {
    const before = readFileSync(join(d, 'utf16le.plan.yaml'));
    const r = await cli(['--fix', 'utf16le.plan.yaml', 'latin1.plan.yaml', 'binary.plan.yaml'], { cwd: d });
    expect(r.code).toBe(1);
    expect(readFileSync(join(d, 'utf16le.plan.yaml')).equals(before)).toBe(true);
    expect(r.stdout).not.toContain('fixed');
  });
  it('a file over --max-file-size is refused without being linted', async () => {
    const r = await json(['--max-file-size', '20', 'lf.plan.yaml'], d);
    expect(r.code).toBe(1);
    expect(r.report[0].findings).toHaveLength(1);
    expect(r.report[0].findings[0]).toMatchObject({ rule: 'meta/file-too-large', severity: 'error' });
    expect(r.report[0].findings[0].message).toContain('over the limit of 20 bytes');
    expect((await json(['--max-file-size', '1k', 'lf.plan.yaml'], d)).report[0].findings.map((f) => f.rule)).not.toContain('meta/file-too-large');
  });
});

describe('--fix and --fix-dry-run', () => {
  const SRC = '# owner below\nsentence_plan: 1\nkind: plan\nowner: POM 1\nscore: 48   # from OASys\n# planlint-disable-next-line cli-test/owner -- checked\nlast: 1\n';
  const FIXED = '# owner below\nsentence_plan: 1\nkind: plan\nowner: POM 1\nscore: 0.48   # from OASys\nlast: 1\n';

  it('writes the fixed text atomically (a new file renamed over the old), keeping the mode, and reports what is left', async () => {
    const d = tree({ 'a.plan.yaml': SRC, 'b.plan.yaml': PLAN() });
    const file = join(d, 'a.plan.yaml');
    chmodSync(file, 0o640);
    const inode = statSync(file).ino;
    const r = await json(['--fix', 'a.plan.yaml', 'b.plan.yaml'], d);
    expect(r.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(FIXED);
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(statSync(file).ino).not.toBe(inode);
    expect(readdirSync(d).filter((n) => n.includes('.tmp'))).toEqual([]);
    expect(r.report[0].findings).toEqual([]);
    expect(r.stderr).toContain('planlint: fixed a.plan.yaml: 2 fixes (cli-test/score, meta/unused-disable)');
    // b had nothing to fix: untouched.
    expect(readFileSync(join(d, 'b.plan.yaml'), 'utf8')).toBe(PLAN());
    // A second run is a no-op.
    const again = await cli(['--fix', 'a.plan.yaml'], { cwd: d });
    expect(again.stdout).not.toContain('fixed');
    expect(readFileSync(file, 'utf8')).toBe(FIXED);
  });

  it('keeps CRLF line endings and a UTF-8 byte-order mark', async () => {
    const d = tree({ 'a.plan.yaml': '\uFEFF' + SRC.replace(/\n/g, '\r\n') });
    await cli(['--fix', 'a.plan.yaml'], { cwd: d });
    expect(readFileSync(join(d, 'a.plan.yaml'), 'utf8')).toBe('\uFEFF' + FIXED.replace(/\n/g, '\r\n'));
  });

  it('writes through a symbolic link, keeping the link', async () => {
    const d = tree({ 'real/a.plan.yaml': SRC });
    symlinkSync(join(d, 'real/a.plan.yaml'), join(d, 'link.plan.yaml'));
    await cli(['--fix', 'link.plan.yaml'], { cwd: d });
    expect(lstatSync(join(d, 'link.plan.yaml')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(d, 'link.plan.yaml'))).toBe(join(d, 'real/a.plan.yaml'));
    expect(readFileSync(join(d, 'real/a.plan.yaml'), 'utf8')).toBe(FIXED);
  });

  it('--fix-dry-run prints a diff and a summary and writes nothing', async () => {
    const d = tree({ 'a.plan.yaml': SRC });
    const file = join(d, 'a.plan.yaml');
    const mtime = statSync(file).mtimeMs;
    const r = await cli(['--fix-dry-run', 'a.plan.yaml'], { cwd: d });
    expect(readFileSync(file, 'utf8')).toBe(SRC);
    expect(statSync(file).mtimeMs).toBe(mtime);
    expect(r.stdout).toContain('planlint: would fix a.plan.yaml: 2 fixes (cli-test/score, meta/unused-disable)');
    expect(r.stdout).toContain(
      '--- a.plan.yaml\n+++ a.plan.yaml (fixed)\n@@ -2,6 +2,5 @@\n sentence_plan: 1\n kind: plan\n owner: POM 1\n-score: 48   # from OASys\n-# planlint-disable-next-line cli-test/owner -- checked\n+score: 0.48   # from OASys\n last: 1\n',
    );
    expect(readdirSync(d).sort()).toEqual(['.planlintrc.yaml', 'a.plan.yaml']);
  });

  it('abandons the write when the fixed text would have more errors than the original', async () => {
    const d = tree({ 'a.plan.yaml': 'sentence_plan: 1\nflag: on\n' });
    const r = await cli(['--fix', 'a.plan.yaml'], { cwd: d, rules: WORSENING_RULES });
    expect(readFileSync(join(d, 'a.plan.yaml'), 'utf8')).toBe('sentence_plan: 1\nflag: on\n');
    expect(r.stdout).toContain('fixes for a.plan.yaml were not applied');
    expect(r.code).toBe(0);
  });

  it('does not write a file that changed on disk after it was read', async () => {
    const d = tree({ 'a.plan.yaml': SRC });
    const file = join(d, 'a.plan.yaml');
    const st = statSync(file);
    const snap = { bytes: readFileSync(file), mtimeMs: st.mtimeMs, size: st.size, mode: st.mode, uid: st.uid, gid: st.gid };
    writeFileSync(file, SRC + 'extra: 1\n');
    const out = await writeIfUnchanged(file, snap, FIXED);
    expect(out.written).toBe(false);
    expect(readFileSync(file, 'utf8')).toBe(SRC + 'extra: 1\n');
    // Unchanged: written.
    const st2 = statSync(file);
    const ok = await writeIfUnchanged(file, { bytes: readFileSync(file), mtimeMs: st2.mtimeMs, size: st2.size, mode: st2.mode, uid: st2.uid, gid: st2.gid }, FIXED);
    expect(ok.written).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe(FIXED);
  });

  it('an I/O error writing one file is reported (exit 2) and the other files are still fixed', async () => {
    // Tests run as root, so permissions cannot make a write fail. A 240-character file name can:
    // the temporary file's name (the original's plus a suffix) is over the 255-byte limit.
    const long = `${'x'.repeat(230)}.plan.yaml`;
    const d = tree({ [long]: SRC, 'b.plan.yaml': SRC });
    const r = await cli(['--fix', long, 'b.plan.yaml'], { cwd: d });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`planlint: ${long}: cannot write the fixed file (ENAMETOOLONG); the original is unchanged`);
    expect(readFileSync(join(d, long), 'utf8')).toBe(SRC);
    expect(readFileSync(join(d, 'b.plan.yaml'), 'utf8')).toBe(FIXED);
    expect(readdirSync(d).filter((n) => n.includes('.tmp'))).toEqual([]);
  });
});

describe('configuration lookup', () => {
  const d = tree({
    'a.plan.yaml': PLAN('score: 48\n'),
    'team/b.plan.yaml': PLAN('score: 48\n'),
    'team/.planlintrc.yaml': 'rules:\n  cli-test/score: warning\n',
    'team/sub/c.plan.yaml': PLAN('score: 48\n'),
    'yml/d.plan.yaml': PLAN('score: 48\n'),
    'yml/.planlintrc.yml': 'rules:\n  cli-test/score: info\n',
    'strict.yaml': 'rules:\n  cli-test/score: off\n',
    'broken/.planlintrc.yaml': 'rules:\n  cli-test/scor: error\n  cli-test/owner: loud\n',
    'broken/e.plan.yaml': PLAN(),
  });
  const sev = (rep: JsonReport, i: number) => rep[i].findings.find((f) => f.rule === 'cli-test/score')?.severity;

  it('the nearest .planlintrc.yaml (or .yml) up the tree applies to each file', async () => {
    const r = await json(['a.plan.yaml', 'team/b.plan.yaml', 'team/sub/c.plan.yaml', 'yml/d.plan.yaml'], d);
    expect([sev(r.report, 0), sev(r.report, 1), sev(r.report, 2), sev(r.report, 3)]).toEqual(['error', 'warning', 'warning', 'info']);
  });
  it('--config overrides discovery for every file; --rule overrides the config', async () => {
    const r = await json(['--config', 'strict.yaml', 'a.plan.yaml', 'team/b.plan.yaml'], d);
    expect([sev(r.report, 0), sev(r.report, 1)]).toEqual([undefined, undefined]);
    const o = await json(['--config', 'strict.yaml', '--rule', 'cli-test/score:error', 'team/b.plan.yaml'], d);
    expect(sev(o.report, 0)).toBe('error');
  });
  it('a broken configuration prints file:line:col: message and exits 2 without linting', async () => {
    const r = await cli(['broken/e.plan.yaml'], { cwd: d });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('broken/.planlintrc.yaml:2:3: unknown rule `cli-test/scor` — did you mean `cli-test/score`?');
    expect(r.stderr).toMatch(/broken\/\.planlintrc\.yaml:3:19: `loud` is not a severity/);
  });
  it('a missing --config file is a configuration error', async () => {
    const r = await cli(['--config', 'nope.yaml', 'a.plan.yaml'], { cwd: d });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('nope.yaml:1:1: cannot read configuration: no such file or folder');
  });
  it('--print-config shows the configuration file and every rule\'s setting', async () => {
    const r = await cli(['--print-config', 'team/sub/c.plan.yaml'], { cwd: d });
    expect(r.code).toBe(0);
    const cfg = JSON.parse(r.stdout);
    expect(cfg.configFile).toBe(join('team', '.planlintrc.yaml'));
    expect(cfg.rules['cli-test/score']).toBe('warning');
    expect(cfg.rules['cli-test/owner']).toBe('warning');
  });
});

describe('the JSON report contract', () => {
  it('is an array of {file, findings} with exactly the documented keys, sorted by line then column', async () => {
    const d = tree({ 'a.plan.yaml': 'note: x\nsentence_plan: 1\nscore: 48\ndue: 2000-01-01\n', 'b.plan.yaml': PLAN() });
    const r = await json(['a.plan.yaml', 'b.plan.yaml'], d);
    expect(r.report.map((f) => Object.keys(f))).toEqual([['file', 'findings'], ['file', 'findings']]);
    expect(r.report[1].findings).toEqual([]);
    const keys = ['rule', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn', 'policy', 'fixable'];
    for (const f of r.report[0].findings) {
      expect(Object.keys(f)).toEqual(keys);
      expect(['error', 'warning', 'info']).toContain(f.severity);
      for (const k of ['line', 'column', 'endLine', 'endColumn'] as const) expect(Number.isInteger(f[k]) && f[k] >= 1).toBe(true);
      expect(typeof f.fixable).toBe('boolean');
      expect(typeof f.policy).toBe('string');
    }
    const pos = r.report[0].findings.map((f) => [f.line, f.column]);
    expect(pos).toEqual([...pos].sort((a, b) => a[0] - b[0] || a[1] - b[1]));
    expect(r.report[0].findings.map((f) => f.rule)).toEqual(['cli-test/note', 'cli-test/owner', 'cli-test/score', 'cli-test/overdue']);
    expect(r.report[0].findings.find((f) => f.rule === 'cli-test/score')?.fixable).toBe(true);
  });
  it('columns count UTF-16 code units', async () => {
    const d = tree({ 'a.plan.yaml': 'sentence_plan: 1\nowner: x\nname: "😀é"\nscore: 48\nx: {a: "😀", score2: 1}\n' });
    const r = await json(['a.plan.yaml'], d);
    expect(r.report[0].findings[0]).toMatchObject({ line: 4, column: 8, endColumn: 10 });
  });
  it('carries no plan content beyond the rule\'s own message', async () => {
    const d = tree({ 'a.plan.yaml': PLAN('name: Jane Example\nprison_number: A1234BC\nscore: 48\n') });
    const r = await cli(['--format', 'json', 'a.plan.yaml'], { cwd: d });
    for (const f of FORMAT_NAMES) {
      const out = (await cli(['--format', f, 'a.plan.yaml'], { cwd: d })).stdout;
      expect(out).not.toContain('Jane');
      expect(out).not.toContain('A1234BC');
    }
    expect(r.stdout).toContain('cli-test/score');
  });
});

describe('upcoming reviews (stylish only)', () => {
  // The plan-format.md example: determinate, in custody, release 2027-01-09, so the
  // pre-release review is due two weeks before, on 2026-12-26.
  const example = readFileSync(join(FIXTURES, 'real/example.plan.yaml'), 'utf8');
  const d = tree({ 'p.plan.yaml': example });
  const run = (argv: string[]) => cli(argv, { cwd: d, rules: ALL_RULES });

  it('lists a review due within 8 weeks, with its date, kind and rule', async () => {
    const r = await run(['--as-of', AS_OF, 'p.plan.yaml']);
    expect(r.stdout).toContain('Upcoming reviews (due within 8 weeks)\n  p.plan.yaml  2026-12-26  Pre-release review (in 33 days)  review/pre-release\n');
  });
  it('not when the due date is further off, already passed, or the rule is off; not with --quiet; not in machine formats', async () => {
    expect((await run(['--as-of', '2026-10-30', 'p.plan.yaml'])).stdout).not.toContain('Upcoming'); // 57 days
    expect((await run(['--as-of', '2026-10-31', 'p.plan.yaml'])).stdout).toContain('(in 56 days)');
    expect((await run(['--as-of', '2026-12-27', 'p.plan.yaml'])).stdout).not.toContain('Pre-release review (in');
    expect((await run(['--as-of', AS_OF, '--rule', 'review/pre-release:off', 'p.plan.yaml'])).stdout).not.toContain('Upcoming');
    expect((await run(['--as-of', AS_OF, '--quiet', 'p.plan.yaml'])).stdout).not.toContain('Upcoming');
    expect((await run(['--as-of', AS_OF, '--format', 'json', 'p.plan.yaml'])).stdout).not.toContain('Pre-release');
  });
});
