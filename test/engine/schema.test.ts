// The plan schema walked by instance path (engine/schema.ts), shared by the schema rules and
// the language server.
import { describe, expect, it } from 'vitest';
import { enumOf, knownKeys, propertiesOf, schemaAt } from '../../server/src/engine/schema.js';

describe('schemaAt', () => {
  it('follows properties, items and $refs', () => {
    expect(knownKeys([])).toContain('objectives');
    expect(knownKeys(['objectives', 0])).toEqual(expect.arrayContaining(['id', 'target_date']));
    expect(knownKeys(['objectives', 0])).toEqual(Object.keys(propertiesOf(schemaAt(['objectives', 0]))));
    expect(enumOf(schemaAt(['assessment', 'rosh', 'overall']))).toEqual(expect.arrayContaining(['low', 'medium', 'high', 'very_high']));
  });

  it('is off the schema for unknown keys, including Object.prototype names', () => {
    for (const k of ['key_workr', 'constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expect(schemaAt([k]), k).toBeUndefined();
      expect(schemaAt(['team', k]), k).toBeUndefined();
      expect(knownKeys([k]), k).toEqual([]);
    }
  });
});
