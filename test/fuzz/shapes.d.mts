// Types for shapes.mjs (plain JS so that bench/ can import it without a build).
export function deepFlowOpen(n: number, open?: '{' | '['): string;
export function deepFlowClosed(n: number, kind?: '{' | '['): string;
export function manyKeys(n: number, options?: { duplicate?: boolean }): string;
export function manyAnchors(n: number): string;
export function longReferences(ids?: number, idLength?: number, refLength?: number): string;
export function manyItems(objectives: number, actions?: number): string;
export function tabLines(n: number): string;
export function bigWordLists(n?: number, descriptionWords?: number): { config: string; plan: string };
export const ISSUE_CASES: Record<string, () => string>;
export function randomShape(rnd: () => number): { shape: string; text: string };
