// Hovers are for people: on every finding of every bad sample, the hover names the rule, says
// the message once, the policy and a link, and stays within about 600 characters; no hover
// shows the rule's internal policy-data keys.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, startClient, type TestClient } from './harness.js';

let c: TestClient;
beforeAll(async () => {
  c = (await startClient()).client;
});
afterAll(() => c.stop());

const DIR = join(ROOT, 'samples/bad');
const files = readdirSync(DIR).filter((f) => f.endsWith('.plan.yaml'));

describe('hover length', () => {
  it('every finding in samples/bad: at most 600 characters, the message once, a More… link', async () => {
    let longest = 0;
    let checked = 0;
    for (const f of files) {
      const uri = `file:///ws/${f}`;
      const text = readFileSync(join(DIR, f), 'utf8');
      c.open(uri, text);
      const ds = await c.diagnostics(uri, 1);
      for (const d of ds) {
        const h = (await c.request('textDocument/hover', { textDocument: { uri }, position: d.range.start })) as { contents: { value: string } } | null;
        const v = h?.contents.value ?? '';
        // What a person reads: link targets and Markdown markers are not shown.
        const visible = v.replace(/\]\([^)]*\)/g, ']').replace(/\*\*|`|^---$/gm, '');
        checked++;
        longest = Math.max(longest, visible.length);
        expect(visible.length, `${f} ${d.code}: ${v}`).toBeLessThanOrEqual(600);
        expect(v, `${f} ${d.code}`).toContain('[More…](');
        expect(v.split(d.message).length - 1, `${f} ${d.code}: message once`).toBeLessThanOrEqual(1);
        expect(v, `${f} ${d.code}`).not.toMatch(/\(policy: `?[a-z_]+\.[a-z_.]+`?\)/);
      }
    }
    expect(checked).toBeGreaterThan(50);
    console.log(`hover length: ${checked} findings, longest ${longest} visible characters`);
  }, 60_000);
});
