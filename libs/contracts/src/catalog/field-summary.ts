/** Enough of a JSON Schema node to describe a field in one table cell. */
export interface SchemaNode {
  readonly type?: string;
  readonly format?: string;
  readonly const?: unknown;
  readonly enum?: readonly unknown[];
  readonly pattern?: string;
  readonly items?: SchemaNode;
  readonly oneOf?: readonly SchemaNode[];
  readonly properties?: Readonly<Record<string, SchemaNode>>;
  readonly required?: readonly string[];
  readonly description?: string;
}

/** `uuid`, `date-time`, `video \| audio`, `array of object`, `encrypted (PHI)`, ... */
export function fieldType(node: SchemaNode): string {
  if (node.properties?.['ciphertext']) return 'encrypted (PHI)';
  if (node.oneOf) {
    const kinds = node.oneOf.map((branch) => branch.properties?.['kind']?.const);
    return kinds.every((kind) => typeof kind === 'string')
      ? `one of kind ${kinds.join(' \\| ')}`
      : 'one of several shapes';
  }
  if (node.const !== undefined) return `\`${String(node.const)}\``;
  if (node.enum) return node.enum.map((value) => `\`${String(value)}\``).join(' \\| ');
  if (node.type === 'array' && node.items) return `array of ${fieldType(node.items)}`;
  if (node.format) return node.format;
  // A `|` would end the table cell, even inside a code span.
  if (node.pattern)
    return `${node.type ?? 'string'} matching \`${node.pattern.replace(/\|/g, '\\|')}\``;
  return node.type ?? 'any';
}

/** One markdown table row per top-level field of an event's data. */
export function fieldRows(schema: SchemaNode): string[] {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).map(
    ([name, node]) =>
      `| \`${name}\` | ${fieldType(node)} | ${required.has(name) ? 'yes' : 'no'} | ${node.description ?? ''} |`,
  );
}
