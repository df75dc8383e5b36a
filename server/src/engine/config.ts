// Configuration: `.planlintrc.yaml` text -> validated settings. The engine never finds or
// reads the file (fronts do); it parses the text it is given and reports every problem
// with the file, line and column it is on. Config is data only: it never runs code.

import { distance } from 'fastest-levenshtein';
import configSchema from '../../../schemas/config.schema.json';
import { buildPolicy, defaultPolicy, type Catalogue, type Policy } from '../policy/index.js';
import { CHECK_LIMITS, compileChecks, nestsDeeper, type LocalCheck } from '../policy/checks.js';
import { compiled } from './ajv.js';
import { BUILT_IN_PACK, mergeLayers, packSchema, resolveExtends } from './packs.js';
import { isScalar } from 'yaml';
import { locate, spanFor } from './locate.js';
import { parseText } from './parse.js';
import type { Path, RuleSetting } from './types.js';
import { ajvMsg, cfgMsg, CONFIG_MESSAGES, didYouMean } from './configMessages.js';
import { COMMON_MESSAGES, renderMsg, type MessageCatalogue, type Msg } from './messages.js';
import { syntaxMessage, yamlSyntax } from '../rules/schema/yaml-syntax.js';

export interface ConfigProblem {
  /** The config file's name as given (never plan content). */
  file: string;
  /** 1-based. */
  line: number;
  column: number;
  /** In English; `msg` is the same by message id, for a front that speaks another locale. */
  message: string;
  msg?: Msg;
  /**
   * What found it: the YAML parser (`syntax`), the JSON Schema (`schema`: a YAML editor that
   * validates the file with planlint's schema reports the same), or planlint's own checks
   * (unset: unknown rule ids, policy values, local checks, packs — only planlint knows these).
   */
  kind?: 'syntax' | 'schema';
}

export interface ConfigData {
  rules?: Record<string, RuleSetting>;
  policy?: unknown;
  programmes?: unknown;
  availability?: unknown;
  checks?: unknown;
  extends?: unknown;
  locale?: unknown;
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
  /** The policy packs applied, base first (`psi-19-2014`), when the configuration extends any. */
  packs?: PackInfo[];
  /** The team's default locale (`locale:`), a fallback after a person's own choice (engine/locales.ts). */
  locale?: string;
}

export function defaultConfig(): ResolvedConfig {
  const d = defaultPolicy();
  return { rules: {}, policy: d.policy, catalogue: d.catalogue };
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A policy pack a configuration builds on (engine/packs.ts): who issued it and where it came from. */
export interface PackInfo {
  name: string;
  version: string;
  effective_from: string;
  /** The pack file as shown to people (a path relative to the config, or `built-in`). */
  source: string;
}

/**
 * How `extends:` entries are read: the front resolves a reference (relative to the file that
 * names it, whose `origin` it gave) and returns the pack's text, or why it cannot. The engine
 * never touches the file system; without a resolver, only the built-in pack can be extended.
 */
export type PackResolver = (ref: string, origin: string) => { file: string; origin: string; text: string } | { error: string | Msg };

export interface LoadOptions {
  resolvePack?: PackResolver;
  /** The configuration file's own origin for the resolver (its real path). Default: `file`. */
  origin?: string;
}

/** One file of configuration: the config itself or a pack it extends, validated on its own. */
export interface ConfigLayer {
  file: string;
  origin: string;
  data: ConfigData;
  checks: LocalCheck[];
  pack?: PackInfo;
  /** How many leading segments of a path this file writes (for locating problems of the merged policy). */
  writes(path: Path): number;
  /** Record a problem at a path in this file. */
  at(path: Path, message: Msg, anchor?: 'key' | 'value'): void;
}

/**
 * Parse and validate a config file's text. `knownRules` lets unknown rule ids be reported
 * with a "did you mean". Returns the resolved config (invalid parts fall back to defaults)
 * and every problem found, in this file or in a pack it extends.
 */
export function loadConfigText(
  text: string,
  file: string,
  knownRules: readonly string[],
  options: LoadOptions = {},
): { config: ResolvedConfig; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const top = readLayer(text, file, options.origin ?? file, 'config', knownRules, problems);
  const layers = [...resolveExtends(top, options.resolvePack, knownRules, problems), top];
  // Checks: a later layer's check replaces an earlier one with the same id.
  const byId = new Map<string, LocalCheck>();
  for (const l of layers) for (const c of l.checks) byId.set(c.id, c);
  const checks = [...byId.values()];
  const known = [...knownRules, ...checks.map((c) => c.id)];
  const rules: Record<string, RuleSetting> = {};
  for (const l of layers) {
    if (!isObj(l.data.rules)) continue;
    for (const [id, setting] of Object.entries(l.data.rules)) {
      if (!['off', 'info', 'warning', 'error'].includes(setting as string)) continue;
      if (!matchesAnyRule(id, known)) {
        l.at(['rules', id], cfgMsg('unknownRule', { id, suggest: didYouMean(nearest(id, known)) }));
        continue;
      }
      rules[id] = setting as RuleSetting;
    }
  }
  const merged = mergeLayers(layers.map((l) => l.data));
  const built = buildPolicy(merged);
  for (const problem of built.problems) {
    // A programme entry's index is its place in the merged list: said at its place in its own file.
    const p = problem;
    const origin = p.path[0] === 'programmes' && typeof p.path[1] === 'number' ? merged.programmeOrigin[p.path[1]] : undefined;
    if (origin) {
      layers[origin[0]].at(['programmes', origin[1], ...p.path.slice(2)], p.message, 'value');
      continue;
    }
    // Said where the value was written: the last layer that writes this path (or an ancestor).
    let owner = top;
    let best = 0;
    for (const l of layers) {
      const n = l.writes(p.path);
      if (n >= best && n > 0) [owner, best] = [l, n];
    }
    owner.at(p.path, p.message, 'value');
  }
  const packs = [BUILT_IN_PACK, ...layers.flatMap((l) => (l.pack ? [l.pack] : []))];
  // The team's default language: the last file that names one (a regional pack, then this file).
  const locale = layers.map((l) => l.data.locale).filter((v): v is string => typeof v === 'string' && LOCALES.includes(v)).pop();
  return {
    config: {
      rules,
      policy: built.policy,
      catalogue: built.catalogue,
      ...(checks.length ? { checks } : {}),
      ...(packs.length > 1 ? { packs } : {}),
      ...(locale ? { locale } : {}),
      source: file,
    },
    problems,
  };
}

/** Parse one file (config or pack) and check everything that can be checked in it alone. */
export function readLayer(
  text: string,
  file: string,
  origin: string,
  kind: 'config' | 'pack',
  knownRules: readonly string[],
  problems: ConfigProblem[],
): ConfigLayer {
  const pt = parseText(text);
  const at = (path: Path, m: Msg, anchor: 'key' | 'value' = 'key', kind?: 'schema'): void => {
    // A problem with a whole mapping or list points at its key; one with a scalar at the value.
    const node = locate(pt.doc, path).node;
    const span = spanFor(pt.doc, pt.lines, path, isScalar(node) ? anchor : 'key');
    const pos = pt.lines.positionAt(span.start);
    problems.push({ file, line: pos.line + 1, column: pos.character + 1, ...said(m), ...(kind ? { kind } : {}) });
  };
  for (const p of pt.problems) {
    if (p.severity !== 'error') continue;
    const pos = pt.lines.positionAt(p.span.start);
    const s = syntaxMessage(text, p);
    const detail: Msg = { id: `${yamlSyntax.meta.id}.${s.messageId}`, ...(s.data ? { data: s.data } : {}) };
    problems.push({ file, line: pos.line + 1, column: pos.character + 1, ...said(cfgMsg('yamlSyntax', { detail })), kind: 'syntax' });
  }
  let data: unknown = {};
  try {
    data = pt.doc?.toJS({ maxAliasCount: 100 }) ?? {};
  } catch (e) {
    problems.push({ file, line: 1, column: 1, ...said(cfgMsg('cannotRead', { what: kind, error: (e as Error).name })) });
    data = {};
  }
  if (data === null || data === undefined) data = {};
  if (!isObj(data)) {
    at([], cfgMsg(kind === 'pack' ? 'packNotMapping' : 'notMapping'));
    data = {};
  }
  const schema = kind === 'pack' ? packSchema() : configSchema;
  const validate = compiled(schema);
  const cfg = data as ConfigData & Record<string, unknown>;
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
        const known = Object.keys((schema as { properties: Record<string, unknown> }).properties);
        at([...segs, key], cfgMsg('unknownKey', { key, what: kind, suggest: didYouMean(nearest(key, known)) }), 'key', 'schema');
      } else if (e.keyword === 'type' && segs[0] === 'locale') {
        continue; // the enum's message says what to write
      } else if (e.keyword === 'enum' && segs[0] === 'locale') {
        at(segs, cfgMsg('notLocale', { value: String(e.data) }), 'value', 'schema');
      } else if (e.keyword === 'enum') {
        at(segs, cfgMsg('notSeverity', { value: String(e.data) }), 'value', 'schema');
      } else if (e.keyword === 'required') {
        at(segs, cfgMsg('packNeeds', { key: String((e.params as { missingProperty: string }).missingProperty) }), 'key', 'schema');
      } else if (e.keyword === 'oneOf' && segs[0] === 'extends') {
        at(segs, cfgMsg('extendsShape'), 'value', 'schema');
      } else if (e.keyword === 'oneOf' || e.keyword === 'if') {
        continue; // its branches' own errors say what is wrong
      } else at(segs, cfgMsg('schema', { where: segs.join('.') || cfgMsg(kind === 'pack' ? 'wherePack' : 'whereConfig'), problem: ajvMsg(e) }), 'value', 'schema');
    }
  }
  const local = compileChecks(cfg.checks, knownRules);
  for (const p of local.problems) at(p.path, p.message, p.anchor ?? 'value');
  const checks = kind === 'pack' ? local.checks.map((c) => ({ ...c, from: origin })) : local.checks;
  const pack: PackInfo | undefined =
    kind === 'pack' && typeof cfg.name === 'string' && typeof cfg.version === 'string' && typeof cfg.effective_from === 'string'
      ? { name: cfg.name, version: cfg.version, effective_from: cfg.effective_from, source: file }
      : undefined;
  return {
    file,
    origin,
    data: cfg,
    checks,
    ...(pack ? { pack } : {}),
    writes: (path) => {
      let n = 0;
      while (n < path.length && locate(pt.doc, path.slice(0, n + 1)).found) n++;
      return n;
    },
    at,
  };
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

/** The locales a configuration may name as the team's default (engine/locales.ts has them). */
const LOCALES = ['en', 'cy'];

/** The English of configuration messages (and of the syntax messages they nest). */
let englishConfig: MessageCatalogue | undefined;
function configEnglish(): MessageCatalogue {
  if (!englishConfig) {
    const messages: Record<string, string> = { ...COMMON_MESSAGES, ...CONFIG_MESSAGES };
    for (const [id, t] of Object.entries(yamlSyntax.meta.messages ?? {})) messages[`${yamlSyntax.meta.id}.${id}`] = t;
    englishConfig = { locale: 'en', messages };
  }
  return englishConfig;
}

/** A configuration message in English. */
export const configText = (m: Msg): string => renderMsg(m, configEnglish());

/** A problem's text fields: the English and the message it was rendered from. */
export function said(m: Msg): { message: string; msg: Msg } {
  return { message: renderMsg(m, configEnglish()), msg: m };
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
