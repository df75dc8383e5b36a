// Runs the composite GitHub Action in action.yml here, the way the runner does, so CI
// exercises its real scripts: each `run` step goes to `bash --noprofile --norc -eo pipefail`
// with its `env`, `${{ inputs.* }}`, `${{ github.action_path }}` and `${{ steps.*.outputs.* }}`
// filled in, GITHUB_OUTPUT / GITHUB_STEP_SUMMARY / RUNNER_TEMP set, and step outputs read
// back. `uses` steps (setup-node, the SARIF upload) cannot run offline: their `if` is
// evaluated and their inputs are resolved and printed, so a wrong reference still fails.
//
//   node test/action/run-action.mjs [--input NAME=VALUE ...] [--expect-exit N] [--expect-output NAME=VALUE ...]
//
// Exits 0 when the action ends with the expected status and outputs, 1 otherwise.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8'));

const given = {};
const expectOutputs = {};
let expectExit = 0;
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const [flag, value] = [argv[i], argv[++i]];
  const eq = value?.indexOf('=') ?? -1;
  if (flag === '--input' && eq > 0) given[value.slice(0, eq)] = value.slice(eq + 1);
  else if (flag === '--expect-output' && eq > 0) expectOutputs[value.slice(0, eq)] = value.slice(eq + 1);
  else if (flag === '--expect-exit') expectExit = Number(value);
  else {
    console.error(`run-action: unknown argument ${flag}`);
    process.exit(2);
  }
}
for (const k of Object.keys(given)) if (!(k in action.inputs)) throw new Error(`action.yml has no input ${k}`);
const inputs = Object.fromEntries(Object.entries(action.inputs).map(([k, v]) => [k, given[k] ?? String(v.default ?? '')]));

const tmp = mkdtempSync(join(tmpdir(), 'planlint-action-'));
const steps = {};

/** `${{ … }}` with the few expressions action.yml uses. */
function expr(e) {
  e = e.trim();
  let m;
  if ((m = /^inputs\.([\w-]+)$/.exec(e))) {
    if (!(m[1] in inputs)) throw new Error(`unknown input ${m[1]}`);
    return inputs[m[1]];
  }
  if (e === 'github.action_path') return ROOT;
  if ((m = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(e))) return steps[m[1]]?.[m[2]] ?? '';
  throw new Error(`run-action does not know the expression ${e}`);
}
const fill = (s) => String(s).replace(/\$\{\{(.*?)\}\}/g, (_, e) => expr(e));

/** `if:` conditions: `a == 'x'`, `a != ''`, joined by `&&`. */
function condition(c) {
  return String(c)
    .split('&&')
    .every((part) => {
      const m = /^\s*(.+?)\s*(==|!=)\s*'([^']*)'\s*$/.exec(part);
      if (!m) throw new Error(`run-action does not know the condition ${part}`);
      const left = expr(m[1]);
      return m[2] === '==' ? left === m[3] : left !== m[3];
    });
}

function readOutputs(file) {
  const out = {};
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const i = line.indexOf('=');
    if (i > 0) out[line.slice(0, i)] = line.slice(i + 1);
  }
  return out;
}

let status = 0;
try {
  for (const [n, step] of action.runs.steps.entries()) {
    const name = step.name ?? step.id ?? `step ${n + 1}`;
    if (step.if !== undefined && !condition(step.if)) {
      console.log(`[action] skip (if false): ${name}`);
      continue;
    }
    if (step.uses) {
      const withs = Object.fromEntries(Object.entries(step.with ?? {}).map(([k, v]) => [k, fill(v)]));
      console.log(`[action] not run offline: ${name} (uses ${step.uses}, with ${JSON.stringify(withs)})`);
      continue;
    }
    if (step.shell !== 'bash') throw new Error(`${name}: only bash steps are expected`);
    if (/\$\{\{/.test(step.run)) throw new Error(`${name}: an expression inside a script (pass it through env instead)`);
    const output = join(tmp, `output-${n}`);
    writeFileSync(output, '');
    const env = {
      ...process.env,
      ...Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, fill(v)])),
      GITHUB_OUTPUT: output,
      GITHUB_STEP_SUMMARY: join(tmp, 'summary.md'),
      RUNNER_TEMP: tmp,
      GITHUB_ACTIONS: 'true',
    };
    const script = join(tmp, `step-${n}.sh`);
    writeFileSync(script, step.run);
    console.log(`[action] run: ${name}`);
    const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], { cwd: process.cwd(), env, stdio: ['ignore', 'inherit', 'inherit'] });
    if (step.id) steps[step.id] = readOutputs(output);
    if (r.status !== 0) {
      status = r.status ?? 1;
      console.log(`[action] ${name} exited ${status}`);
      break;
    }
  }
  const outputs = Object.fromEntries(Object.entries(action.outputs).map(([k, v]) => [k, fill(v.value)]));
  console.log(`[action] outputs ${JSON.stringify(outputs)}`);
  let ok = status === expectExit;
  if (!ok) console.error(`run-action: the action ended with ${status}, expected ${expectExit}`);
  for (const [k, v] of Object.entries(expectOutputs)) {
    if (outputs[k] !== v) {
      console.error(`run-action: output ${k} is ${JSON.stringify(outputs[k])}, expected ${JSON.stringify(v)}`);
      ok = false;
    }
  }
  const sarif = outputs['sarif-file'];
  if (sarif) {
    const doc = JSON.parse(readFileSync(resolve(process.cwd(), sarif), 'utf8'));
    if (doc.version !== '2.1.0') {
      console.error('run-action: the SARIF report is not SARIF 2.1.0');
      ok = false;
    }
  }
  console.log(ok ? 'run-action: as expected' : 'run-action: FAILED');
  process.exitCode = ok ? 0 : 1;
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
