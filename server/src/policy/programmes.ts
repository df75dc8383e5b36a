// The programme catalogue's types (data in programmes.json, schema in schemas/policy/programmes.schema.json).
export interface Programme {
  id: string;
  name: string;
  accredited?: boolean;
}
export interface LegacyProgramme {
  id: string;
  name: string;
  replaced_by: string[];
}
export interface Catalogue {
  programmes: Programme[];
  legacy: LegacyProgramme[];
  /** Establishment -> programme ids delivered there. An establishment not listed: no restriction known. */
  availability: Record<string, string[]>;
}
