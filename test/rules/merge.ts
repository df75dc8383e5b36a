// Deep merge for building test plans from a base: objects merge; `undefined` deletes a key;
// anything else (lists too) replaces.

export type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export function merge(base: unknown, over: unknown): unknown {
  if (!isObj(base) || !isObj(over)) return over;
  const out: Obj = { ...base };
  for (const [k, v] of Object.entries(over)) {
    if (v === undefined) delete out[k];
    else out[k] = k in base ? merge(base[k], v) : v;
  }
  return out;
}
