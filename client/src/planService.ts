// The client's one decision which documents get plan features (the timeline, the status bar):
// the language server's. The client keeps no plan test, config reader or list of file names
// of its own; it asks the server (`planlint/timeline`, protocol.ts), whose answer is `null`
// for a document that is not a plan. Pure (no `vscode` import): `send` is the language
// client's sendRequest, so the protocol tests run this module against the real server.

import { IS_PLAN_REQUEST, TIMELINE_REQUEST, type IsPlanParams, type PlanlintServerInfo, type TimelineParams, type TimelineResult } from '../../server/src/lsp/protocol.js';

export type Send = (method: string, params: unknown) => Promise<unknown>;

const isResult = (r: unknown): r is TimelineResult =>
  typeof r === 'object' && r !== null && typeof (r as TimelineResult).svg === 'string' && Array.isArray((r as TimelineResult).obligations);

/** The server's view of a document for the timeline and the status bar; undefined: not a plan (or no server). */
export async function planView(send: Send, uri: string, asOf?: string): Promise<TimelineResult | undefined> {
  const params: TimelineParams = asOf ? { uri, asOf } : { uri };
  try {
    const r = await send(TIMELINE_REQUEST, params);
    return isResult(r) ? r : undefined;
  } catch {
    return undefined;
  }
}

/** Whether the server treats the document as a plan. */
export async function isPlanDocument(send: Send, uri: string): Promise<boolean> {
  return (await planView(send, uri)) !== undefined;
}

/** Whether a file the client read itself (not open: a workspace template) is a plan, by the server's test. */
export async function isPlanText(send: Send, uri: string, text: string): Promise<boolean> {
  const params: IsPlanParams = { uri, text };
  try {
    return (await send(IS_PLAN_REQUEST, params)) === true;
  } catch {
    return false;
  }
}

/** The project's file names, from the server's initialize result (capabilities.experimental.planlint). */
export function serverInfo(initializeResult: unknown): PlanlintServerInfo {
  const info = (initializeResult as { capabilities?: { experimental?: { planlint?: Partial<PlanlintServerInfo> } } } | undefined)?.capabilities?.experimental?.planlint;
  const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  return { configFiles: strings(info?.configFiles), planSuffixes: strings(info?.planSuffixes), requests: strings(info?.requests) };
}

/** A planlint configuration file, by the names the server gave. */
export function isConfigPath(path: string, configFiles: readonly string[]): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return configFiles.includes(name);
}
