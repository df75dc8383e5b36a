// The few `node:assert/strict` functions the VS Code suite uses, for its web build (the web
// worker extension host has no Node modules; test/vscode-host/run.mjs aliases
// node:assert/strict here when it bundles the suite for the browser). Same semantics for what
// the suite asserts: strict equality, deep strict equality of plain data, regular expressions.

export class AssertionError extends Error {
  override name = 'AssertionError';
}

const show = (v: unknown): string => {
  try {
    return typeof v === 'string' ? JSON.stringify(v) : (JSON.stringify(v) ?? String(v));
  } catch {
    return String(v);
  }
};

function fail(message: string | Error | undefined, fallback: string): never {
  if (message instanceof Error) throw message;
  throw new AssertionError(message ?? fallback);
}

export function ok(value: unknown, message?: string | Error): asserts value {
  if (!value) fail(message, `expected a truthy value, got ${show(value)}`);
}

export function equal<T>(actual: unknown, expected: T, message?: string | Error): asserts actual is T {
  if (!Object.is(actual, expected)) fail(message, `expected ${show(actual)} to equal ${show(expected)}`);
}
export const strictEqual = equal;

export function notEqual(actual: unknown, expected: unknown, message?: string | Error): void {
  if (Object.is(actual, expected)) fail(message, `expected ${show(actual)} not to equal ${show(expected)}`);
}

function deepEq(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((x, i) => deepEq(x, (b as unknown[])[i]));
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && deepEq((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

export function deepEqual<T>(actual: unknown, expected: T, message?: string | Error): asserts actual is T {
  if (!deepEq(actual, expected)) fail(message, `expected ${show(actual)} to deep-equal ${show(expected)}`);
}
export const deepStrictEqual = deepEqual;

export function match(actual: string, re: RegExp, message?: string | Error): void {
  if (typeof actual !== 'string' || !re.test(actual)) fail(message, `expected ${show(actual)} to match ${re}`);
}

export function doesNotMatch(actual: string, re: RegExp, message?: string | Error): void {
  if (typeof actual !== 'string' || re.test(actual)) fail(message, `expected ${show(actual)} not to match ${re}`);
}
