// One Ajv instance for every schema the engine checks (plan, config, policy data).
// Schemas are compiled once, on first use, and cached by $id.
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

let ajv: Ajv | undefined;
const cache = new Map<string, ValidateFunction>();

export function getAjv(): Ajv {
  if (!ajv) {
    ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true, verbose: true });
    addFormats(ajv, ['date', 'uri']);
  }
  return ajv;
}

/**
 * Validators generated ahead of time by the build (esbuild.mjs, Ajv standalone code), by $id.
 * Null when the generated module is absent (before a build): schemas are then compiled here.
 */
let precompiled: Record<string, ValidateFunction> | null | undefined;
function aheadOfTime(id: string): ValidateFunction | undefined {
  if (precompiled === undefined) {
    try {
      precompiled = require('./generated/validators.js') as Record<string, ValidateFunction>;
    } catch {
      precompiled = null;
    }
  }
  return precompiled?.[id];
}

export function compiled(schema: { $id?: string } & object): ValidateFunction {
  const id = schema.$id ?? JSON.stringify(schema);
  let v = cache.get(id);
  if (!v) {
    v = (schema.$id !== undefined ? aheadOfTime(schema.$id) : undefined) ?? getAjv().compile(schema);
    cache.set(id, v);
  }
  return v;
}
