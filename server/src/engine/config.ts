// Configuration: `.planlintrc.yaml` text -> validated settings. The engine never finds or
// reads the file (fronts do); it parses the text it is given and reports every problem
// with the file, line and column it is on. Config is data only: it never runs code.

import { distance } from 'fastest-levenshtein';
import configSchema from '../../../schemas/config.schema.json';
import { buildPolicy, defaultPolicy, type Catalogue, type Policy } from '../policy/index.js';
import { CHECK_LIMITS, compileChecks, nestsDeeper, type LocalCheck } from '../policy/checks.js';
import { compiled } from './ajv.js';
import { isScalar } from 'yaml';
import { locate, spanFor } from './locate.js';
import { parseText } from './parse.js';
import type { Path, RuleSetting } from './types.js';

export interface ConfigProblem {
  /** The config file's name as given (never plan content). */
  file: string;
  /** 1-based. */
  line: number;
  column: number;
  message: string;
}

export interface ConfigData {
  rules?: Record<string, RuleSetting>;
  policy?: unknown;
  programmes?: unknown;
  availability?: unknown;
  checks?: unknown;
}

/** Everything the engine needs from configuration, ready to use. */
export interface ResolvedConfig {
  /** Rule id -> setting; patterns like `smart/*` are expanded against the known rules at lint time. */
  rules: Record<string, RuleSetting>;
  policy: Policy;
  catalogue: Catalogue;
  /** Local checks (`checks:`), compiled to plain data; lint runs them as rules `local/...`. */
  checks?: LocalCheck[];
  /** Where the config came from, for messages (a path, never content). */
  source?: string;
}

export function defaultConfig(): ResolvedConfig {
  const d = defaultPolicy();
  return { rules: {}, policy: d.policy, catalogue: d.catalogue };
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Parse and validate a config file's text. `knownRules` lets unknown rule ids be reported
 * with a "did you mean". Returns the resolved config (invalid parts fall back to defaults)
 * and every problem found.
 */
export function loadConfigText(text: string, file: string, knownRules: readonly string[]): { config: ResolvedConfig; problems: ConfigProblem[] } {
  const pt = parseText(text);
  const problems: ConfigProblem[] = [];
  const at = (path: Path, message: string, anchor: 'key' | 'value' = 'key'): void => {
    // A problem with a whole mapping or list points at its key; one with a scalar at the value.
    const node = locate(pt.doc, path).node;
    const span = spanFor(pt.doc, pt.lines, path, isScalar(node) ? anchor : 'key');
    const pos = pt.lines.positionAt(span.start);
    problems.push({ file, line: pos.line + 1, column: pos.character + 1, message });
  };
  for (const p of pt.problems) {
    if (p.severity !== 'error') continue;
    const pos = pt.lines.positionAt(p.span.start);
    problems.push({ file, line: pos.line + 1, column: pos.character + 1, message: `YAML syntax: ${p.message.split('\n')[0]}` });
  }
  let data: unknown = {};
  try {
    data = pt.doc?.toJS({ maxAliasCount: 100 }) ?? {};
  } catch (e) {
    problems.push({ file, line: 1, column: 1, message: `cannot read configuration: ${(e as Error).name}` });
    data = {};
  }
  if (data === null || data === undefined) data = {};
  if (!isObj(data)) {
    at([], 'configuration must be a mapping with keys rules, policy, programmes, availability');
    data = {};
  }
  const validate = compiled(configSchema);
  const cfg = data as ConfigData;
  // Checks nested far too deep are refused by compileChecks (located); the schema's recursive
  // validation is not run on them, so it cannot overflow the stack.
  const tooDeep = nestsDeeper(cfg.checks, CHECK_LIMITS.depth * 4);
  if (!validate(tooDeep ? { ...cfg, checks: [] } : cfg)) {
    for (const e of validate.errors ?? []) {
      // Local checks are validated (again, with their own messages) by compileChecks below.
      if (e.instancePath === '/checks' || e.instancePath.startsWith('/checks/')) continue;
      const segs: Path = e.instancePath.split('/').slice(1).map((s) => (/^\d+$/.test(s) ? Number(s) : s.replace(/~1/g, '/').replace(/~0/g, '~')));
      if (e.keyword === 'additionalProperties') {
        const key = String((e.params as { additionalProperty: string }).additionalProperty);
        const known = Object.keys((configSchema as { properties: Record<string, unknown> }).properties);
        at([...segs, key], `unknown key \`${key}\` in configuration${suggest(key, known)}`);
      } else if (e.keyword === 'enum') {
        at(segs, `\`${String(e.data)}\` is not a severity: use off, info, warning or error`, 'value');
      } else at(segs, `${segs.join('.') || 'configuration'} ${e.message ?? 'is invalid'}`, 'value');
    }
  }
  const local = compileChecks(cfg.checks, knownRules);
  for (const p of local.problems) at(p.path, p.message, p.anchor ?? 'value');
  knownRules = [...knownRules, ...local.checks.map((c) => c.id)];
  const rules: Record<string, RuleSetting> = {};
  if (isObj(cfg.rules)) {
    for (const [id, setting] of Object.entries(cfg.rules)) {
      if (!['off', 'info', 'warning', 'error'].includes(setting as string)) continue;
      if (!matchesAnyRule(id, knownRules)) {
        at(['rules', id], `unknown rule \`${id}\`${suggest(id, knownRules)}`);
        continue;
      }
      rules[id] = setting as RuleSetting;
    }
  }
  const built = buildPolicy({ policy: cfg.policy, programmes: cfg.programmes, availability: cfg.availability });
  for (const p of built.problems) at(p.path, p.message, 'value');
  return { config: { rules, policy: built.policy, catalogue: built.catalogue, ...(local.checks.length ? { checks: local.checks } : {}), source: file }, problems };
}

function matchesAnyRule(pattern: string, known: readonly string[]): boolean {
  if (pattern.endsWith('/*')) return known.some((k) => k.startsWith(pattern.slice(0, -1)));
  return known.includes(pattern);
}

/** " — did you mean `x`?" for the nearest candidate within a small edit distance, else "". */
export function suggest(word: string, candidates: readonly string[]): string {
  const best = nearest(word, candidates);
  return best ? ` — did you mean \`${best}\`?` : '';
}

export function nearest(word: string, candidates: readonly string[], maxRatio = 0.4): string | undefined {
  // Bounded: a did-you-mean is for a typo in a short name. A long string gets none (a 300 KB
  // reference against 100 ids of 4 KB took 23 s), nor does a list of many candidates; and a
  // candidate whose length alone puts it past the allowed distance is not compared.
  if (word.length > NEAREST_MAX_LENGTH || candidates.length > NEAREST_MAX_CANDIDATES) return undefined;
  const w = word.toLowerCase();
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    if (c.length > NEAREST_MAX_LENGTH) continue;
    const allowed = Math.max(1, Math.floor(Math.max(w.length, c.length) * maxRatio));
    if (Math.abs(c.length - w.length) > allowed) continue;
    const d = distance(w, c.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  if (best === undefined) return undefined;
  return bestD <= Math.max(1, Math.floor(Math.max(w.length, best.length) * maxRatio)) ? best : undefined;
}

/** Names longer than this get no did-you-mean (ids, keys and rule names are far shorter). */
export const NEAREST_MAX_LENGTH = 64;
/** More candidates than this: no did-you-mean (each is a Levenshtein distance). */
export const NEAREST_MAX_CANDIDATES = 5_000;

/** The setting for a rule: an exact id beats a family pattern, which beats the default. */
export function ruleSetting(rules: Record<string, RuleSetting>, id: string, fallback: RuleSetting): RuleSetting {
  if (id in rules) return rules[id];
  const fam = `${id.split('/')[0]}/*`;
  if (fam in rules) return rules[fam];
  return fallback;
}

/** Layer severity overrides (e.g. editor settings) over a resolved config without touching it. */
export function withRuleOverrides(cfg: ResolvedConfig, overrides: Record<string, RuleSetting>): ResolvedConfig {
  return { ...cfg, rules: { ...cfg.rules, ...overrides } };
}
