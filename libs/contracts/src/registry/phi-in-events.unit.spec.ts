import { allEventDefinitions } from './event-registry';

/** Field names that would carry PHI in clear; an id (patientId) is what events carry instead. */
const PHI_NAMES =
  /^(name|firstName|lastName|fullName|givenName|familyName|email|phone|phoneNumber|address|street|postalCode|zip|birthDate|dateOfBirth|dob|ssn|mrn|contact|reason|comment|description|notes?)$/i;

interface SchemaNode {
  readonly properties?: Readonly<Record<string, SchemaNode>>;
  readonly items?: SchemaNode;
  readonly oneOf?: readonly SchemaNode[];
  readonly enum?: readonly unknown[];
}

/** Every property of a schema with its path, through nested objects, arrays and unions. */
function properties(node: SchemaNode, path = 'data'): [string, string, SchemaNode][] {
  const own = Object.entries(node.properties ?? {}).flatMap(([name, child]) => [
    [`${path}.${name}`, name, child] as [string, string, SchemaNode],
    ...properties(child, `${path}.${name}`),
  ]);
  const nested = [...(node.items ? [node.items] : []), ...(node.oneOf ?? [])];
  return [...own, ...nested.flatMap((child) => properties(child, path))];
}

const isEncrypted = (node: SchemaNode): boolean =>
  node.properties?.['alg'] !== undefined && node.properties?.['ciphertext'] !== undefined;
/** A coded value (`reason: consent-missing`) is a closed list, so it cannot hold free text. */
const isCoded = (node: SchemaNode): boolean => node.enum !== undefined;

/**
 * The directory's streams name the organization, its clinics and its staff: public facts, the
 * kind a provider directory prints. No patient is ever in them (their schemas have no patient
 * field, which the last test below keeps true).
 */
const DIRECTORY_STREAMS = ['organization', 'clinic', 'staffMember'];
const isDirectory = (definition: { stream: string }) =>
  DIRECTORY_STREAMS.includes(definition.stream);

describe('PHI in events', () => {
  const patientRecords = allEventDefinitions().filter((definition) => !isDirectory(definition));
  test.each(patientRecords.map((definition) => [definition.type, definition] as const))(
    '%s carries PHI-prone fields only encrypted or as codes',
    (_type, definition) => {
      const inClear = properties(definition.schema as SchemaNode)
        .filter(([, name, node]) => PHI_NAMES.test(name) && !isEncrypted(node) && !isCoded(node))
        .map(([path]) => path);
      expect(inClear).toEqual([]);
    },
  );

  it('keeps patients out of the directory: no directory event has a patient field', () => {
    const directory = allEventDefinitions().filter(isDirectory);
    expect(directory.map((definition) => definition.type)).toHaveLength(3);
    for (const definition of directory)
      expect(properties(definition.schema as SchemaNode).map(([, name]) => name)).not.toContain(
        'patientId',
      );
  });

  it('rejects a patient name slipped into an event, since every schema is closed', () => {
    for (const definition of allEventDefinitions()) {
      expect(definition.schema).toMatchObject({ type: 'object', additionalProperties: false });
    }
  });
});
