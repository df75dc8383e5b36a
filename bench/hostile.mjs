// Time and memory per hostile file (issue 18 items 4 and 5): each case runs in its own Node
// process, through the engine (`lint`, every rule) and through the bundled CLI
// (`--format json`), with a time limit. Prints one row per case; not a timed test.
// Usage: npm run build && node bench/hostile.mjs [--timeout 60] [--only name,name] [--no-cli]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { bigWordLists, ISSUE_CASES } from '../test/fuzz/shapes.mjs';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const CASES = { ...ISSUE_CASES, 'word-lists-20000': () => bigWordLists(), 'word-lists-2000': () => bigWordLists(2000, 20_000),
  // The matcher alone: 20,000-entry lists put into the policy directly, past the schema's cap.
  'word-lists-20000-direct': () => ({ ...bigWordLists(), direct: true }),
};
const { values } = parseArgs({
  options: {
    timeout: { type: 'string', default: '60' },
    only: { type: 'string' },
    'no-cli': { type: 'boolean', default: false },
    child: { type: 'string' },
  },
});

const input = (name) => {
  const v = CASES[name]();
  return typeof v === 'string' ? { plan: v } : v;
};

if (values.child) {
  // One case through the engine, in this process; prints a JSON line.
  const engine = createRequire(import.meta.url)(join(REPO, 'dist/engine.js'));
  const { plan, config, direct } = input(values.child);
  let cfg = config && !direct ? engine.loadConfigText(config, '.planlintrc.yaml', engine.ALL_RULES.map((r) => r.meta.id)) : undefined;
  if (direct) {
    const list = [...config.matchAll(/- "([^"]+)"/g)].map((m) => m[1]).slice(0, 20_000);
    const d = engine.defaultConfig();
    cfg = { config: { ...d, policy: { ...d.policy, smart: { ...d.policy.smart, vague_phrases: list, observable_words: list } } }, problems: [] };
  }
  engine.lint('sentence_plan: 1\n', { asOf: '2026-11-23' }); // warm-up: schemas compiled
  const t0 = performance.now();
  const r = engine.lint(plan, { asOf: '2026-11-23', config: cfg?.config });
  const ms = performance.now() - t0;
  const rules = {};
  for (const f of r.findings) rules[f.ruleId] = (rules[f.ruleId] ?? 0) + 1;
  process.stdout.write(`${JSON.stringify({ ms, rssMB: process.resourceUsage().maxRSS / 1024, findings: r.findings.length, configProblems: cfg?.problems.length ?? 0, rules })}\n`);
  process.exit(0);
}

const timeoutMs = Number(values.timeout) * 1000;
const names = values.only ? values.only.split(',') : Object.keys(CASES);
const mb = (x) => `${x.toFixed(0)} MB`;
const s = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
const top = (rules) => Object.entries(rules).sort((a, b) => b[1] - a[1]).slice(0, 5).map(([k, v]) => `${k}×${v}`).join(' ');

console.log(`Node ${process.version}, time limit ${values.timeout} s per run, load average ${(await import('node:os')).loadavg().map((l) => l.toFixed(1)).join(' ')}`);
for (const name of names) {
  const { plan, config, direct } = input(name);
  const size = `${(plan.length / 1024).toFixed(0)} KB`;
  // Engine.
  const t0 = performance.now();
  const e = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', name], { encoding: 'utf8', timeout: timeoutMs, maxBuffer: 1 << 26 });
  let engineCol;
  if (e.error?.code === 'ETIMEDOUT' || e.signal) engineCol = `over ${values.timeout} s (killed)`;
  else if (e.status !== 0) engineCol = `exit ${e.status}: ${(e.stderr.split('\n').find((l) => /Error/.test(l)) ?? '').slice(0, 80)}`;
  else {
    const j = JSON.parse(e.stdout.trim().split('\n').pop());
    engineCol = `${s(j.ms)}, ${mb(j.rssMB)}, ${j.findings} findings (${top(j.rules)})`;
  }
  let cliCol = '';
  if (!values['no-cli'] && !direct) {
    const dir = mkdtempSync(join(tmpdir(), 'planlint-hostile-'));
    try {
      const file = join(dir, 'case.plan.yaml');
      writeFileSync(file, plan);
      const args = [join(REPO, 'dist/cli.js'), '--format', 'json', file];
      if (config) {
        writeFileSync(join(dir, '.planlintrc.yaml'), config);
        args.push('--config', join(dir, '.planlintrc.yaml'));
      }
      const c = spawnSync('/usr/bin/time', ['-f', '%e %M', process.execPath, ...args], { encoding: 'utf8', timeout: timeoutMs, maxBuffer: 1 << 28, cwd: dir });
      if (c.error?.code === 'ETIMEDOUT' || c.signal) cliCol = `CLI over ${values.timeout} s (killed)`;
      else {
        const lines = c.stderr.trim().split('\n');
        const [sec, kb] = lines.pop().split(' ').map(Number);
        const trace = lines.some((l) => /^\s+at /.test(l)) ? ', STACK TRACE' : '';
        const err = lines.find((l) => /RangeError|heap out of memory|Error:/.test(l));
        cliCol = `CLI exit ${c.status}, ${s(sec * 1000)}, ${mb(kb / 1024)}${trace}${err ? `: ${err.trim().slice(0, 60)}` : ''}`;
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  console.log(`${name.padEnd(20)} ${size.padStart(8)}  engine ${engineCol}${cliCol ? `  |  ${cliCol}` : ''}  [${s(performance.now() - t0)} wall]`);
}
