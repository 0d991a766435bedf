import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/**
 * The contract as an outside team sees it: only the published docs/asyncapi.yaml, read with
 * generic tools (yaml, ajv). Deliberately no import from libs/contracts: this is what a
 * health system's own service would do to consume the platform's topics.
 */
export interface PublishedMessage {
  readonly headers: ValidateFunction;
  readonly payload: ValidateFunction;
  /** Topic addresses of the channels that list the message: where it may arrive. */
  readonly topics: readonly string[];
}

export interface PublishedContract {
  /** Topic address per channel, e.g. thc.scheduling.v1. */
  readonly topics: readonly string[];
  readonly messages: ReadonlyMap<string, PublishedMessage>;
}

interface AsyncApiDocument {
  channels: Record<string, { address: string; messages: Record<string, { $ref: string }> }>;
  components: { messages: Record<string, { headers: object; payload: object }> };
}

export function loadPublishedContract(root: string): PublishedContract {
  const document = parse(
    readFileSync(join(root, 'docs', 'asyncapi.yaml'), 'utf8'),
  ) as AsyncApiDocument;
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const messages = new Map<string, PublishedMessage>();
  const channels = Object.values(document.channels);
  for (const [type, message] of Object.entries(document.components.messages)) {
    messages.set(type, {
      headers: ajv.compile(message.headers),
      payload: ajv.compile(message.payload),
      topics: channels
        .filter((channel) =>
          Object.values(channel.messages).some(
            ({ $ref }) => $ref === `#/components/messages/${type}`,
          ),
        )
        .map((channel) => channel.address),
    });
  }
  return { topics: channels.map((c) => c.address), messages };
}
