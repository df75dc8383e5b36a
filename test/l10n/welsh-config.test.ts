// Configuration problems in Welsh: broken `.planlintrc.yaml` files and policy packs, loaded for
// real, each problem rendered in Welsh (it must not be the English, nor carry English words
// outside `code` spans) and in the pseudo-locale (every text inside ⟦…⟧, so none escaped the
// catalogue).
import { describe, expect, it } from 'vitest';
import { loadConfigText, type ConfigProblem, type PackResolver } from '../../server/src/engine/config.js';
import { cfgMsg, CONFIG_MESSAGES } from '../../server/src/engine/configMessages.js';
import { catalogueFor, problemText } from '../../server/src/engine/l10n.js';
import { ensureLocales, PSEUDO_LOCALE } from '../../server/src/engine/locales.js';
import { isMsg, msg, parseTemplate, renderMsg, type MessageValue, type Msg } from '../../server/src/engine/messages.js';
import { WELSH } from '../../server/src/locales/cy/index.js';
import { ALL_RULES } from '../../server/src/rules/index.js';

ensureLocales();
const KNOWN = ALL_RULES.map((r) => r.meta.id);

/** Pack files by name; anything else is an error the resolver gives as a message. */
const resolver = (files: Record<string, string>, missing: Msg = cfgMsg('packNotText')): PackResolver => (ref) =>
  ref in files ? { file: ref, origin: ref, text: files[ref] } : { error: missing };

interface Case {
  name: string;
  text: string;
  /** The configuration message ids this case must report (at least these). */
  ids: string[];
  resolvePack?: PackResolver;
}

const CHECK = (require: string): string => `checks:\n  - id: local/x\n    message: m\n    require: ${require}\n`;

const CASES: Case[] = [
  { name: 'an unknown rule with a suggestion', text: 'rules:\n  smart/specfic: error\n', ids: ['config.unknownRule'] },
  { name: 'a bad severity', text: 'rules:\n  smart/specific: fatal\n', ids: ['config.notSeverity'] },
  { name: 'a bad locale', text: 'locale: fr\n', ids: ['config.notLocale'] },
  { name: 'an unknown key', text: 'rule:\n  smart/specific: error\n', ids: ['config.unknownKey'] },
  { name: 'YAML syntax', text: 'rules:\n  smart/specific: [error\n', ids: ['config.yamlSyntax'] },
  { name: 'a policy value of the wrong type', text: 'policy:\n  plan:\n    adult_age: eighteen\n', ids: ['config.ajv.type'] },
  { name: 'a policy value below its minimum', text: 'policy:\n  rmp:\n    reviewed_with_plan_gap_days: -3\n', ids: ['config.ajv.minimum'] },
  { name: 'a policy value outside its list', text: 'policy:\n  rmp:\n    required_from: huge\n', ids: ['config.ajv.enum'] },
  { name: 'an unknown policy key', text: 'policy:\n  rmp:\n    required_form: high\n', ids: ['config.unknownPolicyKey'] },
  { name: 'an unknown policy section', text: 'policy:\n  sentencing:\n    x: 1\n', ids: ['config.unknownSection'] },
  { name: 'a configuration value of the wrong type', text: 'programmes: 5\n', ids: ['config.schema'] },
  { name: 'a local check with an unknown operator', text: CHECK('{ path: sentence.release_date, equal: 1 }'), ids: ['config.unexpectedKey'] },
  { name: 'a local check with a bad duration', text: CHECK('{ path: sentence.release_date, within: { fortnights: 2 } }'), ids: ['config.duration'] },
  { name: 'a local check with a bad date', text: CHECK('{ path: sentence.release_date, before: 2027-13-45 }'), ids: ['config.notCalendarDate'] },
  { name: 'a local check without require', text: 'checks:\n  - id: local/x\n    message: m\n', ids: ['config.checkNeedsRequire'] },
  {
    name: 'a pack the resolver cannot read',
    text: 'extends: ./policy/missing.yaml\n',
    ids: ['config.packUnreadable'],
    resolvePack: resolver({}),
  },
  {
    name: 'a pack reference of the wrong shape',
    text: 'extends: "not a pack!"\n',
    ids: ['config.packUnreadable'],
    resolvePack: resolver({}, cfgMsg('packRefShape')),
  },
  {
    name: 'a pack without its version, and an unknown key in it',
    text: 'extends: ./a.yaml\n',
    ids: ['config.packNeeds', 'config.unknownKey'],
    resolvePack: resolver({ './a.yaml': 'name: a\neffective_from: 2025-04-01\nrulez: {}\n' }),
  },
  {
    name: 'a pack cycle',
    text: 'extends: ./a.yaml\n',
    ids: ['config.packCycle'],
    resolvePack: resolver({
      './a.yaml': 'name: a\nversion: 1.0.0\neffective_from: 2025-04-01\nextends: ./b.yaml\n',
      './b.yaml': 'name: b\nversion: 1.0.0\neffective_from: 2025-04-01\nextends: ./a.yaml\n',
    }),
  },
  { name: 'no reader for packs', text: 'extends: ./a.yaml\n', ids: ['config.packNoReader'] },
];

/** English words that no Welsh configuration message should carry outside code spans and data. */
const ENGLISH = ['must', 'unknown', 'cannot', 'not', 'the', 'is', 'be', 'did', 'mean', 'key', 'section', 'configuration', 'pack', 'extends', 'itself', 'needs', 'duration', 'date', 'calendar', 'with', 'known', 'allowed', 'syntax', 'value', 'equal', 'one', 'of'];
const englishWords = (text: string): string[] => {
  const prose = text.replace(/`[^`]*`/g, ' ');
  return ENGLISH.filter((w) => new RegExp(`(^|[^\\p{L}'])${w}($|[^\\p{L}'])`, 'iu').test(prose));
};

/**
 * The problem's message with its data masked: a key list, a key, a reference or a message from
 * another part of planlint (the YAML parser's) becomes `§`, so what is left is this catalogue's
 * own words. Values a select or plural chooses by are kept (they pick the words).
 */
function masked(m: Msg): Msg {
  const template = WELSH[m.id] ?? '';
  const chooses = new Set(parseTemplate(template).flatMap((p) => (p.t === 'select' || p.t === 'plural' ? [p.name] : [])));
  const data: Record<string, MessageValue> = {};
  for (const [k, v] of Object.entries(m.data ?? {})) {
    if (isMsg(v)) data[k] = v.id.startsWith('config.') ? masked(v) : '§';
    else data[k] = chooses.has(k) ? v : '§';
  }
  return msg(m.id, data);
}

const ids = (m: Msg): string[] => [m.id, ...Object.values(m.data ?? {}).flatMap((v) => (isMsg(v) ? ids(v) : []))];

function load(c: Case): ConfigProblem[] {
  return loadConfigText(c.text, '.planlintrc.yaml', KNOWN, c.resolvePack ? { resolvePack: c.resolvePack, origin: '.planlintrc.yaml' } : {}).problems;
}

describe('configuration problems in Welsh', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const problems = load(c);
      expect(problems.length).toBeGreaterThan(0);
      const reported = problems.flatMap((p) => (p.msg ? ids(p.msg) : []));
      for (const id of c.ids) expect(reported, `${c.name}: ${problems.map((p) => p.message).join(' | ')}`).toContain(id);
      for (const p of problems) {
        expect(p.msg, p.message).toBeDefined();
        const cy = problemText(p, 'cy');
        expect(cy, p.message).not.toBe(p.message);
        expect(englishWords(renderMsg(masked(p.msg as Msg), catalogueFor('cy'))), `${p.message} → ${cy}`).toEqual([]);
        // Keys, rule ids and references a person typed are kept as they are.
        for (const span of p.message.match(/`[^`]*`/g) ?? []) expect(cy).toContain(span);
        const qps = problemText(p, PSEUDO_LOCALE);
        expect(qps, p.message).toMatch(/^⟦[\s\S]*⟧$/);
      }
    });
  }

  it('keeps the suggestion, and names a JSON Schema type in Welsh', () => {
    const [rule] = load(CASES[0]);
    expect(problemText(rule, 'cy')).toBe("rheol anhysbys `smart/specfic` — oeddech chi'n golygu `smart/specific`?");
    const [type] = load(CASES[5]);
    expect(type.message).toBe('must be integer');
    expect(problemText(type, 'cy')).toBe("rhaid i'r gwerth fod yn rhif cyfan");
    const cy = catalogueFor('cy');
    const names = ['string', 'number', 'integer', 'boolean', 'object', 'array'].map((type) => renderMsg(msg('config.ajv.type', { type }), cy));
    expect(new Set(names).size).toBe(6);
    for (const [i, code] of ['string', 'number', 'integer', 'boolean', 'object', 'array'].entries()) expect(names[i]).not.toContain(code);
    // A type the select does not know (a union, as the validator writes it) is shown as its code.
    expect(renderMsg(msg('config.ajv.type', { type: 'string,number' }), cy)).toBe("rhaid i'r gwerth fod yn string,number");
    expect(renderMsg(msg('config.ajv.type', { type: 'string,number' }), catalogueFor('en'))).toBe('must be string,number');
  });

  it('says where a schema problem is, and counts the files of a pack cycle in Welsh', () => {
    const [schema] = load(CASES[10]);
    expect(schema.message).toBe('programmes must be array');
    expect(problemText(schema, 'cy')).toBe("programmes: rhaid i'r gwerth fod yn rhestr");
    const cycle = load(CASES[18]).find((p) => p.msg?.id === 'config.packCycle');
    expect(cycle && problemText(cycle, 'cy')).toMatch(/^mae'r pecyn polisi `\.\/a\.yaml` yn adeiladu arno'i hun \(drwy 3 ffeil\): ni ddilynir y cylch$/);
  });

  it('has every configuration message in Welsh', () => {
    expect(Object.keys(CONFIG_MESSAGES).filter((id) => !(id in WELSH))).toEqual([]);
  });
});
