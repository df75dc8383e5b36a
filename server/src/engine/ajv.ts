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

export function compiled(schema: { $id?: string } & object): ValidateFunction {
  const id = schema.$id ?? JSON.stringify(schema);
  let v = cache.get(id);
  if (!v) {
    v = getAjv().compile(schema);
    cache.set(id, v);
  }
  return v;
}
