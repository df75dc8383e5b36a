// The SMART analysis works in a browser build: esbuild bundles the engine (with wink-nlp and its
// model) for `platform: 'browser'`, and the bundle runs where there is no require, process or fs.
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createContext, runInContext } from 'node:vm';
import { describe, expect, it } from 'vitest';

describe('browser build', () => {
  it('bundles for the browser and judges objectives with no Node API', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'planlint-browser-'));
    try {
      const entry = join(dir, 'entry.ts');
      const engine = resolve('server/src/engine/index.ts').replace(/\\/g, '/');
      writeFileSync(entry, `import { lint } from ${JSON.stringify(engine)};\n(globalThis as any).planlintLint = lint;\n`);
      const out = join(dir, 'bundle.js');
      await build({ entryPoints: [entry], bundle: true, platform: 'browser', format: 'iife', outfile: out, logLevel: 'silent' });
      const code = readFileSync(out, 'utf8');
      expect(code).not.toMatch(/require\(["']wink-nlp["']\)/); // bundled, not left for a loader
      const ctx: Record<string, unknown> = { console, atob, btoa, TextEncoder, TextDecoder, URL, Intl, structuredClone };
      ctx.globalThis = ctx;
      ctx.self = ctx;
      createContext(ctx);
      runInContext(code, ctx);
      const lint = ctx.planlintLint as (t: string, o: { asOf: string }) => { findings: { ruleId: string }[] };
      const plan = (d: string, m: string) => `sentence_plan: 1\nobjectives:\n  - id: OBJ-1\n    need: finance\n    description: ${d}\n    measure: ${m}\n`;
      const rules = (t: string) => lint(t, { asOf: '2026-11-23' }).findings.map((f) => f.ruleId).filter((r) => /^(smart\/specific|smart\/measurable|meta\/)/.test(r)).sort();
      expect(rules(plan('Address his financial issues.', 'Better at managing money.'))).toEqual(['smart/measurable', 'smart/specific']);
      expect(rules(plan('Open a basic bank account before release.', 'Debit card received.'))).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
