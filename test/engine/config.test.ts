import { describe, expect, it } from 'vitest';
import { say } from '../rules/inline.js';
import { loadConfigText, ruleSetting, withRuleOverrides } from '../../server/src/engine/config.js';
import { lint } from '../../server/src/engine/lint.js';
import type { Rule } from '../../server/src/engine/rule.js';

const KNOWN = ['smart/specific', 'smart/measurable', 'plan/interpreter', 'meta/unused-disable'];

describe('config files', () => {
  it('reads severities and reports nothing for a valid file', () => {
    const { config, problems } = loadConfigText('rules:\n  smart/specific: error\n  plan/*: off\n', '.planlintrc.yaml', KNOWN);
    expect(problems).toEqual([]);
    expect(ruleSetting(config.rules, 'smart/specific', 'warning')).toBe('error');
    expect(ruleSetting(config.rules, 'plan/interpreter', 'info')).toBe('off');
    expect(ruleSetting(config.rules, 'smart/measurable', 'warning')).toBe('warning');
  });
  it('locates an unknown rule, with a suggestion', () => {
    const { problems } = loadConfigText('rules:\n  smart/specfic: error\n', 'cfg.yaml', KNOWN);
    expect(problems).toEqual([
      {
        file: 'cfg.yaml',
        line: 2,
        column: 3,
        message: 'unknown rule `smart/specfic` — did you mean `smart/specific`?',
        msg: { id: 'config.unknownRule', data: { id: 'smart/specfic', suggest: { id: 'config.didYouMean', data: { name: 'smart/specific' } } } },
      },
    ]);
  });
  it('locates a bad severity on its value', () => {
    const { problems } = loadConfigText('rules:\n  smart/specific: fatal\n', 'cfg.yaml', KNOWN);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 2, column: 19 });
    expect(problems[0].message).toMatch(/not a severity/);
  });
  it('locates an unknown top-level key, with a suggestion', () => {
    const { problems } = loadConfigText('rule:\n  smart/specific: error\n', 'cfg.yaml', KNOWN);
    expect(problems[0]).toMatchObject({ line: 1, column: 1 });
    expect(problems[0].message).toMatch(/unknown key `rule`.*did you mean `rules`/);
  });
  it('reports YAML syntax errors with their position', () => {
    const { problems } = loadConfigText('rules:\n  smart/specific: [error\n', 'cfg.yaml', KNOWN);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0].message).toMatch(/YAML syntax/);
  });
  it('rejects an unknown policy section and keeps the defaults', () => {
    const { problems, config } = loadConfigText('policy:\n  reveiw:\n    significant_event_weeks: 6\n', 'cfg.yaml', KNOWN);
    expect(problems[0].message).toMatch(/unknown policy section `reveiw`/);
    expect(problems[0].line).toBe(2);
    expect(config.policy.review.significant_event_weeks).toBe(4);
  });
  it('applies a valid policy override', () => {
    const { problems, config } = loadConfigText('policy:\n  review:\n    significant_event_weeks: 6\n', 'cfg.yaml', KNOWN);
    expect(problems).toEqual([]);
    expect(config.policy.review.significant_event_weeks).toBe(6);
  });
  it('an empty file is a valid, empty config', () => {
    expect(loadConfigText('', 'cfg.yaml', KNOWN).problems).toEqual([]);
  });
  it('never lets a config key pollute Object.prototype', () => {
    loadConfigText('policy:\n  __proto__:\n    polluted: true\n', 'cfg.yaml', KNOWN);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('severity precedence', () => {
  const rule: Rule = {
    meta: { id: 'smart/specific', severity: 'warning', policy: 'PSI', description: 'test double', fixable: 'none', inTemplates: true, docs: { rationale: 't', bad: '', good: '' } },
    check: (ctx) => ctx.report({ path: ['sentence_plan'], ...say('x') }),
  };
  const sev = (cfgText: string, overrides = {}) => {
    const { config } = loadConfigText(cfgText, 'c', KNOWN);
    return lint('sentence_plan: 1\n', { asOf: '2026-11-23', rules: [rule], config: withRuleOverrides(config, overrides) }).findings.map((f) => f.severity);
  };
  it('default, then file, then a front override', () => {
    expect(sev('')).toEqual(['warning']);
    expect(sev('rules:\n  smart/*: info\n')).toEqual(['info']);
    expect(sev('rules:\n  smart/*: info\n  smart/specific: error\n')).toEqual(['error']);
    expect(sev('rules:\n  smart/specific: error\n', { 'smart/specific': 'off' })).toEqual([]);
  });
});
