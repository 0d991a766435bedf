import type { StreamDefinition } from './event-definition';

const UUID_PATTERN = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';

/** Regular expression (JSON Schema `pattern`) of a stream's ids: `<prefix>-<uuid>`. */
export function streamKeyPattern(stream: StreamDefinition): string {
  return `^${stream.prefix}-${UUID_PATTERN}$`;
}
