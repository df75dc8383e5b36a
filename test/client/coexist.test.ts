// Coexistence with Red Hat's YAML extension: nothing appears twice.
import { describe, expect, it } from 'vitest';
import { planlintServesOutline, planlintShowsDiagnostic } from '../../client/src/coexist.js';
import { isConfigPath } from '../../client/src/planService.js';
import { CONFIG_NAMES } from '../../server/src/project/planFiles.js';
import pkg from '../../package.json';

const plan = { languageId: 'sentence-plan', isConfig: false };
const yamlPlan = { languageId: 'yaml', isConfig: false };
const config = { languageId: 'yaml', isConfig: true };

describe('with and without the YAML extension', () => {
  it('without it, planlint shows everything', () => {
    for (const d of [plan, yamlPlan, config]) {
      expect(planlintShowsDiagnostic(d, 'schema/yaml-syntax', false)).toBe(true);
      expect(planlintShowsDiagnostic(d, 'config', false)).toBe(true);
      expect(planlintServesOutline(d, false)).toBe(true);
    }
  });
  it('with it, the config file is the YAML extension\'s (validated against planlint\'s config schema)', () => {
    // What the schema or the YAML parser finds, the YAML extension shows; what only planlint
    // knows (an unknown rule id, a policy value, a local check, a pack) planlint still shows.
    expect(planlintShowsDiagnostic(config, 'config', true, 'schema')).toBe(false);
    expect(planlintShowsDiagnostic(config, 'config', true, 'syntax')).toBe(false);
    expect(planlintShowsDiagnostic(config, 'config', true, 'planlint')).toBe(true);
    expect(planlintShowsDiagnostic(config, 'config', true)).toBe(false);
    const v = (pkg.contributes.yamlValidation as { fileMatch: string[]; url: string }[]).find((x) => x.fileMatch.includes('.planlintrc.yaml'));
    expect(v?.url).toBe('./schemas/config.schema.json');
  });
  it('with it, a plan opened as yaml: syntax errors and the outline come from the YAML extension, the policy checks from planlint', () => {
    expect(planlintShowsDiagnostic(yamlPlan, 'schema/yaml-syntax', true)).toBe(false);
    expect(planlintShowsDiagnostic(yamlPlan, 'schema/shape', true)).toBe(true);
    expect(planlintShowsDiagnostic(yamlPlan, 'smart/time-bound', true)).toBe(true);
    expect(planlintServesOutline(yamlPlan, true)).toBe(false);
    // No schema is associated with plans, so the YAML extension does not repeat schema/shape.
    const plans = (pkg.contributes.yamlValidation as { fileMatch: string[] }[]).filter((x) => x.fileMatch.some((f) => /plan\.ya?ml/.test(f)));
    expect(plans).toEqual([]);
  });
  it('with it, a plan in the sentence-plan language is all planlint\'s (the YAML extension ignores that language)', () => {
    expect(planlintShowsDiagnostic(plan, 'schema/yaml-syntax', true)).toBe(true);
    expect(planlintServesOutline(plan, true)).toBe(true);
  });
  it('knows a config file by the names the server gives', () => {
    const names = [...CONFIG_NAMES];
    expect(isConfigPath('/w/.planlintrc.yaml', names)).toBe(true);
    expect(isConfigPath('/w/team/.planlintrc.yml', names)).toBe(true);
    expect(isConfigPath('/w/x.planlintrc.yaml', names)).toBe(false);
    expect(isConfigPath('/w/a.plan.yaml', names)).toBe(false);
    // Before the server has answered, nothing is a config file.
    expect(isConfigPath('/w/.planlintrc.yaml', [])).toBe(false);
  });
});
