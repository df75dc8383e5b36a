import { describe, expect, it } from 'vitest';
import { programmeFacts } from '../../server/src/lsp/programmes.js';
import { defaultPolicy } from '../../server/src/policy/index.js';

describe('programme facts for hover', () => {
  it('names the replacements of a legacy programme by id', () => {
    const facts = programmeFacts(defaultPolicy().catalogue, 'enhanced_thinking_skills')!;
    expect(facts.legacy).toBe(true);
    expect(facts.lines.join('\n')).toContain('`thinking_skills_programme`');
    expect(facts.lines.join('\n')).not.toContain('[object');
  });
  it('describes a current programme without object dumps', () => {
    const facts = programmeFacts(defaultPolicy().catalogue, 'kaizen')!;
    expect(facts.legacy).toBe(false);
    expect(facts.lines.join('\n')).not.toContain('[object');
  });
});
