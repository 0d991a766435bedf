import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { allEventDefinitions } from '../registry/event-registry';
import { ASYNCAPI_FILE } from '../docs-paths';

/*
 * What an outside consumer (EHR integration, billing) does: read docs/asyncapi.yaml, take a
 * message's headers and payload schemas, and validate what arrives on Kafka. Nothing from the
 * registry's code is used to validate, only the published file.
 */
interface PublishedMessage {
  readonly name: string;
  readonly headers: object;
  readonly payload: object;
  readonly bindings: { readonly kafka: { readonly key: object } };
  readonly examples: readonly {
    readonly headers: Record<string, string>;
    readonly payload: unknown;
  }[];
}

const published = parse(readFileSync(ASYNCAPI_FILE, 'utf8')) as {
  readonly components: { readonly messages: Readonly<Record<string, PublishedMessage>> };
};
const ajv = addFormats(new Ajv({ strict: false }));
const definitions = allEventDefinitions().map(
  (definition) => [definition.type, definition] as const,
);

describe('an outside consumer validating messages with docs/asyncapi.yaml', () => {
  test.each(definitions)('finds %s and accepts its example', (type, definition) => {
    const message = published.components.messages[type];
    if (!message)
      throw new Error(`${type} is missing from docs/asyncapi.yaml: run \`npm run asyncapi\``);
    const [example] = message.examples;

    expect(message.name).toBe(type);
    expect(ajv.validate(message.payload, definition.example)).toBe(true);
    expect(ajv.validate(message.payload, example?.payload)).toBe(true);
    expect(ajv.validate(message.headers, example?.headers)).toBe(true);
    expect(ajv.validate(message.bindings.kafka.key, example?.headers['ce_subject'])).toBe(true);
  });

  it('rejects headers of another type and data missing a field', () => {
    const booked = published.components.messages['thc.scheduling.AppointmentBooked.v1']!;
    const [example] = booked.examples;
    const headers = { ...example!.headers, ce_type: 'thc.scheduling.AppointmentCancelled.v1' };
    const { patientId: _dropped, ...withoutPatient } = example!.payload as Record<string, unknown>;

    expect(ajv.validate(booked.headers, headers)).toBe(false);
    expect(ajv.validate(booked.payload, withoutPatient)).toBe(false);
  });
});
