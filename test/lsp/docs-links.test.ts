// Rule documentation links: the published docs by default; a base URL the editor gives
// (an intranet mirror, or local files on an offline laptop) replaces it everywhere the
// server links to a rule (diagnostics, hover, the "show documentation" command).
import { afterEach, describe, expect, it } from 'vitest';
import { startClient, type TestClient } from './harness.js';

const PLAN = 'sentence_plan: 1\nkind: plan\nperson:\n  gender: Female\n';
let c: TestClient | undefined;
afterEach(() => c?.stop());

async function shapeLink(initializationOptions?: Record<string, unknown>) {
  const started = await startClient({ initializationOptions });
  c = started.client;
  const uri = 'file:///ws/a.plan.yaml';
  c.open(uri, PLAN);
  const ds = await c.diagnostics(uri, 1);
  return { ds, client: c, href: ds.find((d) => d.code === 'schema/shape')?.codeDescription?.href };
}

describe('rule documentation links', () => {
  it('default to the published docs', async () => {
    expect((await shapeLink()).href).toBe('https://github.com/planlint/planlint/blob/main/docs/rules/schema.md#shape');
  });
  it('follow initializationOptions.docsBaseUrl, in diagnostics and in the show-documentation command', async () => {
    const { href, client } = await shapeLink({ docsBaseUrl: 'https://intranet.example/planlint' });
    expect(href).toBe('https://intranet.example/planlint/docs/rules/schema.md#shape');
    await client.conn.sendRequest('workspace/executeCommand', { command: 'planlint.showRuleDoc', arguments: ['schema/shape'] });
    const shown = client.requests.find((r) => r.method === 'window/showDocument');
    expect(shown?.params).toMatchObject({ uri: 'https://intranet.example/planlint/docs/rules/schema.md#shape' });
  });
  it('take docs.baseUrl from pushed settings (clients without workspace/configuration)', async () => {
    const { href } = await shapeLink({ planlint: { docs: { baseUrl: 'file:///opt/planlint/' } } });
    expect(href).toBe('file:///opt/planlint/docs/rules/schema.md#shape');
  });
  it('ignore a base that is not an http(s) or file URL, and say so in the log', async () => {
    const { href, client } = await shapeLink({ docsBaseUrl: 'javascript:alert(1)' });
    expect(href).toBe('https://github.com/planlint/planlint/blob/main/docs/rules/schema.md#shape');
    expect(client.logs.some((l) => /docsBaseUrl ignored/.test(l))).toBe(true);
  });
});
