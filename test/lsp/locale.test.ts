// The language server renders findings in the locale the client names (issue 16 groundwork):
// `initializationOptions.locale` chooses one outright; the editor's display language is taken
// only when planlint has all of it, so a partial translation never mixes into English unasked.
import { afterAll, describe, expect, it } from 'vitest';
import { startClient, type TestClient } from './harness.js';

const PLAN = 'sentence_plan: 1\nkind: plan\nactions:\n  - id: ACT-1\n    objective: OBJ-1\n    description: Attend.\n';
const clients: TestClient[] = [];
afterAll(() => clients.forEach((c) => c.stop()));

async function messages(initializationOptions: Record<string, unknown>): Promise<string[]> {
  const { client } = await startClient({ initializationOptions });
  clients.push(client);
  const uri = 'file:///ws/a.plan.yaml';
  client.open(uri, PLAN);
  return (await client.diagnostics(uri, 1)).map((d) => d.message);
}

describe('the server in a locale', () => {
  it('initializationOptions.locale qps: every diagnostic from the catalogue', async () => {
    const ms = await messages({ locale: 'qps' });
    expect(ms.length).toBeGreaterThan(0);
    for (const m of ms) expect(m.startsWith("⟦"), m).toBe(true);
  });
  it('no locale named: English', async () => {
    const ms = await messages({});
    expect(ms.some((m) => /^Action ACT-1 does not say who carries it out/.test(m))).toBe(true);
  });
});
