// The Welsh of the schema/*, template/*, meta/* and programme/* findings (and the eligibility
// wording the programme rules nest): plans that exercise these families are linted with
// `locale: 'cy'`, and every finding of theirs, its quick fixes' titles and its related messages
// must read as Welsh: never the English rendering, and no English-only word outside `code`
// spans and outside data (schema titles, catalogue programme names and notes, which the
// catalogue does not translate). The check is run on the English renderings too, so that it is
// known to catch English.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfigText, type ResolvedConfig } from '../../server/src/engine/config.js';
import { lint } from '../../server/src/engine/lint.js';
import type { Finding } from '../../server/src/engine/types.js';
import { ALL_RULES } from '../../server/src/rules/index.js';

const REPO = join(__dirname, '../..');
const AS_OF = '2026-11-23';
const FAMILIES = /^(schema|template|meta|programme)\//;

/** Strings that are data in a Welsh message: what a schema or catalogue file says in English. */
function dataStrings(): string[] {
  const out = new Set<string>();
  const walk = (v: unknown, key: string, inUncertain: boolean): void => {
    if (typeof v === 'string') {
      if (inUncertain || key === 'name' || key === 'title') out.add(v);
    } else if (Array.isArray(v)) v.forEach((x) => walk(x, key, inUncertain));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k, inUncertain || k === 'uncertain');
  };
  walk(JSON.parse(readFileSync(join(REPO, 'schemas/sentence-plan.schema.json'), 'utf8')), '', false);
  for (const f of ['programmes.json', 'risk.json']) walk(JSON.parse(readFileSync(join(REPO, 'server/src/policy', f), 'utf8')), '', false);
  // Only strings a finding can quote (the schema's long descriptions are never in one).
  return [...out].filter((s) => s.length <= 200).sort((a, b) => b.length - a.length);
}
const DATA = dataStrings();

/** Words that are English and not Welsh (nor a code a user types). */
const ENGLISH = [/\bthe\b/i, /\bmust\b/i, /\bshould\b/i, /\band\b/i, /objective/i, /\baction/i, /\bis not\b/i, /\bplease\b/i, /\bwith\b/i, /\bthis\b/i, /\bnot\b/i, /\bor\b/i, /\byou\b/i, /\bof\b/i, /\bfor\b/i, /\bhas\b/i, /\bwhich\b/i, /\bthat\b/i, /\bbe\b/i];

/** The English words left in a message once its code spans, citations and data are taken out. */
export function englishLeft(message: string): string[] {
  let t = message.replace(/`[^`]*`/g, ' ').replace(/PSI \d+\/\d+ paras? [\d., ]+/g, ' ');
  for (const d of DATA) t = t.split(d).join(' ');
  return ENGLISH.filter((re) => re.test(t)).map((re) => re.source);
}

interface Plan {
  name: string;
  text: string;
  maxChars?: number;
  config?: ResolvedConfig;
}

/** Plans that make the families speak: the bad samples, and hostile texts built here. */
function plans(): Plan[] {
  const dir = join(REPO, 'samples/bad');
  const out: Plan[] = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => ({ name: f, text: readFileSync(join(dir, f), 'utf8') }));
  const base = readFileSync(join(dir, 'schema-shape.plan.yaml'), 'utf8');
  const head = 'sentence_plan: 1\nkind: plan\n';
  const add = (name: string, text: string, maxChars?: number, config?: string): void => {
    const cfg = config === undefined ? undefined : loadConfigText(config, '.planlintrc.yaml', ALL_RULES.map((r) => r.meta.id));
    if (cfg) expect(cfg.problems).toEqual([]);
    out.push({ name, text, ...(maxChars ? { maxChars } : {}), ...(cfg ? { config: cfg.config } : {}) });
  };
  add('empty', '');
  add('no version', 'kind: plan\nperson:\n  gender: male\n');
  add('wrong version', 'sentence_plan: 2\nkind: plan\n');
  add('top-level list', '- a\n- b\n');
  add('tab', `${head}person:\n\tgender: male\n`);
  add('unclosed bracket', `${head}actions: [ { id: ACT-1 }\n`);
  add('unclosed quote', `${head}person:\n  gender: "male\n`);
  add('two documents', `${head}---\nsentence_plan: 1\n`);
  add('directive', `%FOO bar\n---\n${head}`);
  add('two pairs', `${head}person: gender: male\n`);
  add('bad alias', `${head}person: *nowhere\n`);
  add('tag', `${head}person: !!python/object x\n`);
  add('deep', `${head}x: ${'['.repeat(200)}${']'.repeat(200)}\n`);
  add('too large', `${head}# ${'x'.repeat(400)}\n`, 100);
  add(
    'shape',
    `${head}person:\n  prison_number: a1234bc\n  gender: femail\n  date_of_birth: 1990-4-1\n  learning_disability: "no"\n  hair: brown\nsentence:\n  type: determinate\n  length_months: 12.5\n  sentenced_on: 2025-01-01T10:00\n  requirements: [unpaid_wrok, something_else_entirely]\n` +
      `assessment:\n  scores: { ogrs3_2yr: "0.4", ovp_2yr: 140, audit: 99 }\n  rosh: { overall: Very-High }\n` +
      `objectives:\n  - outcome: OUT-9\n    description: Do it.\n    status: 3\n  - id: OBJ 2\n    description: x\n    priority: 0\n` +
      `actions:\n  - id: OBJ-2\n    objective: OBJ-1\n    after: [OBJ-2, ACT-7]\n    description: \${what}\n    type: programme\n    programme: thinking_skils\nreviews:\n  - date: 2026-02-31\n`,
  );
  add('disable', `${head}# planlint-disable-next-line smart/specifc, not-a-rule\nperson:\n  gender: male # planlint-disable-line plan/action-owner\n`);
  add('shape sample with bad id list', base.replace(/\nactions:/, '\nactions:\n  - id: [1, 2]\n    description: x'));
  add('wrong kind', `${head}objectives:\n  - id: OBJ-1\n    description: x\nactions:\n  - id: ACT-1\n    objective: OBJ-1\n    after: [OBJ-1]\n    description: x\n`);
  add('anchors', `${head}x: &a &b 1\n`);
  add('tags', `${head}x: !a !b 1\n`);
  add('two directives', `%YAML 1.2\n%YAML 1.2\n---\n${head}`);
  add('bad start', `${head}person:\n  gender: @male\n`);
  add('block in flow', `${head}x: [\n  - a\n]\n`);
  add('long key', `${head}${'k'.repeat(1100)}: 1\n`);
  add('placeholder in flow', `${head}kind2: { a: \${b} }\n`);
  add('unclosed flow at end', `${head}x: [a, b\n`);
  add('multiline key', `${head}person:\n  gender male\n  name: x\n`);
  add('bad indent', `${head}person:\n    gender: male\n  name: x\n`);
  add('no values', `${head}person:\n  gender:\nobjectives:\n  - id:\n    description: x\n    target_date: tomorrow\n  - id: OBJ-2\n    description: ${'y'.repeat(4100)}\n    target_date: 2025-1-5\n`);
  add('too many', `${head}person:\n${Array.from({ length: 1100 }, (_, i) => `  k${i}: 1\n`).join('')}`);
  const leeds = readFileSync(join(dir, 'programme-risk-too-low.plan.yaml'), 'utf8');
  add('not here', leeds, undefined, 'availability:\n  HMP Leeds: [kaizen]\n  HMP Wakefield: [thinking_skills_programme]\n');
  return out;
}

interface Rendered {
  plan: string;
  rule: string;
  id: string;
  en: string;
  cy: string;
}

function pairs(): Rendered[] {
  const out: Rendered[] = [];
  const seen = new Set<string>();
  const texts = (f: Finding): string[] => [f.message, ...f.fixes.map((x) => x.title), ...f.related.map((r) => r.message)];
  for (const p of plans()) {
    const opts = { asOf: AS_OF, ...(p.maxChars ? { maxChars: p.maxChars } : {}), ...(p.config ? { config: p.config } : {}) };
    const en = lint(p.text, opts).findings;
    const cy = lint(p.text, { ...opts, locale: 'cy' }).findings;
    expect(cy.map((f) => f.messageId), p.name).toEqual(en.map((f) => f.messageId));
    cy.forEach((f, i) => {
      if (!FAMILIES.test(f.ruleId)) return;
      const e = texts(en[i]);
      texts(f).forEach((c, j) => {
        const id = j === 0 ? (f.messageId ?? '') : `${f.messageId} (fix or related ${j})`;
        // Each distinct rendering once (a plan with a thousand unknown keys says one sentence).
        const k = `${id}\0${c.replace(/\d+/g, '#')}`;
        if (seen.has(k)) return;
        seen.add(k);
        out.push({ plan: p.name, rule: f.ruleId, id, en: e[j], cy: c });
      });
    });
  }
  return out;
}

describe('Welsh findings of the schema, template, meta and programme families', () => {
  const all = pairs();

  it('the plans exercise every family, with many distinct messages', () => {
    const families = new Set(all.map((r) => r.rule.split('/')[0]));
    expect([...families].sort()).toEqual(['meta', 'programme', 'schema', 'template']);
    const ids = new Set(all.map((r) => r.id.split(' ')[0]));
    expect(ids.size).toBeGreaterThan(60);
    for (const rule of ['schema/shape', 'schema/yaml-syntax', 'schema/score-range', 'schema/dangling-reference', 'schema/duplicate-id', 'meta/unused-disable', 'meta/file-too-large', 'meta/too-complex', 'programme/not-available', 'programme/legacy']) {
      expect(all.some((r) => r.rule === rule), rule).toBe(true);
    }
  });

  it('the check catches English: it finds English words in the English renderings', () => {
    const flagged = all.filter((r) => englishLeft(r.en).length > 0);
    expect(flagged.length).toBeGreaterThan(all.length * 0.7);
    expect(englishLeft('Action ACT-1: the plan must name an objective.')).not.toEqual([]);
  });

  it('no Welsh rendering is the English one', () => {
    const same = all.filter((r) => r.cy === r.en && /[a-z]{3}/i.test(r.en.replace(/`[^`]*`/g, '')));
    expect(same.map((r) => `${r.plan}: ${r.id}: ${r.cy}`)).toEqual([]);
  });

  it('no English word is left outside code spans and data', () => {
    const left = all.filter((r) => englishLeft(r.cy).length > 0);
    expect(left.map((r) => `${r.plan}: ${r.id}: ${englishLeft(r.cy).join(' ')}: ${r.cy}`)).toEqual([]);
  });
});
