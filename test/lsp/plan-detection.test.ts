// The detection table (test/project/plan-detection.cases.ts) through the language server, over
// the protocol: each case opened as a document is linted (it gets findings) exactly when it is
// a plan; and through the VS Code client's decision (client/src/planService.ts), which asks
// the server: the timeline is offered exactly for plans, a workspace file read by the client
// is a plan exactly when the server says so, and the config names come from the server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isConfigPath, isPlanDocument, isPlanText, planView, serverInfo, type Send } from '../../client/src/planService.js';
import { CONFIG_NAMES, PLAN_SUFFIXES } from '../../server/src/project/planFiles.js';
import { DETECTION_CASES } from '../project/plan-detection.cases.js';
import { startClient, type LspDiagnostic, type TestClient } from './harness.js';

const uriOf = (file: string): string => `file:///ws/detect/${encodeURIComponent(file)}`;

describe('the language server and the client decide as the table says', () => {
  let c: TestClient;
  let init: { capabilities: Record<string, unknown> };
  let send: Send;
  beforeAll(async () => {
    ({ client: c, init } = await startClient({ pull: true }));
    send = (method, params) => c.request(method, params);
    DETECTION_CASES.forEach((k) => c.open(uriOf(k.file), k.text, k.languageId ?? 'yaml'));
  }, 30_000);
  afterAll(() => c.stop());

  for (const k of DETECTION_CASES) {
    it(`${k.name} -> ${k.plan ? 'linted' : 'not linted'}; the client ${k.plan ? 'offers' : 'does not offer'} the timeline`, async () => {
      const report = await c.request<{ items: LspDiagnostic[] }>('textDocument/diagnostic', { textDocument: { uri: uriOf(k.file) } });
      // A config file is checked as a config (its own diagnostics, code `config`), never as a plan.
      const planFindings = report.items.filter((d) => d.code !== 'config');
      if (k.plan) expect(planFindings.length, 'findings').toBeGreaterThan(0);
      else expect(planFindings).toEqual([]);
      if (k.file.startsWith('.planlintrc')) expect(report.items.length).toBeGreaterThan(0);
      expect(await isPlanDocument(send, uriOf(k.file))).toBe(k.plan);
      const view = await planView(send, uriOf(k.file));
      expect(view === undefined).toBe(!k.plan);
      // A file the client reads itself (a workspace template): the same answer.
      if (k.languageId === undefined) expect(await isPlanText(send, uriOf(k.file), k.text)).toBe(k.plan);
    });
  }

  it('the client takes the config file names from the server', () => {
    const info = serverInfo(init);
    expect(info.configFiles).toEqual([...CONFIG_NAMES]);
    expect(info.planSuffixes).toEqual([...PLAN_SUFFIXES]);
    expect(info.requests).toEqual(expect.arrayContaining(['planlint/timeline', 'planlint/lintWorkspace', 'planlint/isPlan']));
    expect(isConfigPath('/ws/.planlintrc.yml', info.configFiles)).toBe(true);
    expect(isConfigPath('/ws/x.plan.yaml', info.configFiles)).toBe(false);
    // An older server without the list: nothing is taken for a config file.
    expect(serverInfo({ capabilities: {} }).configFiles).toEqual([]);
  });

  it('the server watches the config files by the same names', async () => {
    const reg = await c.until(() => c.requests.find((r) => r.method === 'client/registerCapability' && JSON.stringify(r.params).includes('didChangeWatchedFiles')), 5000, 'watcher registration');
    expect(JSON.stringify(reg.params)).toContain(`**/{${CONFIG_NAMES.join(',')}}`);
  });

  it('a document that is not open, or a malformed request, is no plan', async () => {
    expect(await planView(send, 'file:///ws/never-opened.plan.yaml')).toBeUndefined();
    expect(await c.request('planlint/timeline', {})).toBeNull();
    expect(await c.request('planlint/isPlan', { uri: 1, text: 'sentence_plan: 1\n' })).toBe(false);
  });
});
