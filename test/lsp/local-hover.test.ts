// Local checks in the editor like built-in rules (issue 17): a finding from a pack's check has a
// hover that says what the check is for, its policy and where it is defined; no link to a rule
// page that does not exist; and a pack that cannot be read is a located problem.
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startClient, type TestClient } from './harness.js';
import { removeTree, tempTree } from '../cli/helpers.js';

const PACK = `name: region
version: 1.0.0
effective_from: 2025-04-01
checks:
  - id: local/needs-outcome
    severity: warning
    policy: "Regional protocol (example), section 2"
    description: Every plan says what it is for in at least one outcome.
    require: { some: outcomes }
    message: "This plan has no outcome: add one under outcomes."
`;
let c: TestClient;
let dir: string;
beforeAll(async () => {
  dir = tempTree({ '.planlintrc.yaml': 'extends: ./policy/region.yaml\n', 'policy/region.yaml': PACK });
  c = (await startClient({ rootUri: pathToFileURL(dir).href })).client;
});
afterAll(() => {
  c.stop();
  removeTree(dir);
});

describe("a pack's local check in the editor", () => {
  it('gets a finding with a hover naming its purpose, policy and origin, and no rule-page link', async () => {
    const uri = pathToFileURL(join(dir, 'a.plan.yaml')).href;
    c.open(uri, 'sentence_plan: 1\nkind: plan\noutcomes: []\n');
    const ds = await c.diagnostics(uri, 1);
    const d = ds.find((x) => x.code === 'local/needs-outcome');
    expect(d, JSON.stringify(ds.map((x) => x.code))).toBeDefined();
    expect(d!.codeDescription).toBeUndefined();
    const h = (await c.request('textDocument/hover', { textDocument: { uri }, position: d!.range.start })) as { contents: { value: string } };
    const v = h.contents.value;
    expect(v).toContain('**local/needs-outcome**');
    expect(v).toContain('This plan has no outcome');
    expect(v).toContain('Policy: Regional protocol (example), section 2');
    expect(v).toContain('Every plan says what it is for in at least one outcome.');
    expect(v).toContain('a local check from a policy pack');
    // The local check's own section (the first) links to no rule page; a built-in rule's may follow.
    expect(v.split('\n---')[0]).not.toContain('[More…](');
  });
});
