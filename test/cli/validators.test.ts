// The validators generated at build time (Ajv standalone code, esbuild.mjs) behave exactly as
// the schemas compiled at run time: same verdicts, same errors. `npm test` builds first.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import type { ValidateFunction } from 'ajv';
import { compiled, getAjv } from '../../server/src/engine/ajv.js';
import { REPO } from './helpers.js';

const GENERATED = join(REPO, 'server/src/engine/generated/validators.js');
const schema = (f: string): { $id: string } => JSON.parse(readFileSync(join(REPO, 'schemas', f), 'utf8'));
const strip = (errs: ValidateFunction['errors']) => JSON.parse(JSON.stringify(errs ?? null));

describe('ahead-of-time validators', () => {
  it('the build generated them, and the engine uses them', () => {
    expect(existsSync(GENERATED)).toBe(true);
    const gen = require(GENERATED) as Record<string, ValidateFunction>;
    const plan = schema('sentence-plan.schema.json');
    expect(typeof gen[plan.$id]).toBe('function');
    expect(compiled(plan)).toBe(gen[plan.$id]);
    for (const f of readdirSync(join(REPO, 'schemas/policy'))) expect(typeof gen[schema(`policy/${f}`).$id]).toBe('function');
  });

  it('give the same verdicts and errors as a run-time compile on plans with and without defects', async () => {
    const plan = schema('sentence-plan.schema.json');
    const gen = (require(GENERATED) as Record<string, ValidateFunction>)[plan.$id];
    const runtime = getAjv().getSchema(plan.$id) ?? getAjv().compile(plan);
    const { makeCorpus } = (await import(pathToFileURL(join(REPO, 'bench/plans.mjs')).href)) as { makeCorpus: (n: number) => { text: string }[] };
    const docs: unknown[] = makeCorpus(60).map((p) => parseDocument(p.text, { version: '1.2' }).toJS());
    for (const dir of ['samples/good', 'samples/bad']) {
      for (const f of readdirSync(join(REPO, dir)).filter((x) => x.endsWith('.yaml'))) docs.push(parseDocument(readFileSync(join(REPO, dir, f), 'utf8')).toJS());
    }
    docs.push(null, 42, { sentence_plan: 'x', objectives: [{ id: 3, target_date: '2026-02-30' }], bogus: true });
    let invalid = 0;
    for (const d of docs) {
      const a = gen(d);
      const b = runtime(d);
      expect(a).toBe(b);
      expect(strip(gen.errors)).toEqual(strip(runtime.errors));
      if (!a) invalid++;
    }
    expect(invalid).toBeGreaterThan(3);
  });
});
