/*
 * The part of the AsyncAPI 3.0 document model that build-asyncapi produces; typed so that the
 * builder and its tests agree on the shape. Schemas stay plain JSON Schema objects.
 */

export type JsonSchemaObject = Readonly<Record<string, unknown>>;

export interface Reference {
  readonly $ref: string;
}

export interface KafkaBinding<T> {
  readonly kafka: T & { readonly bindingVersion: string };
}

export interface AsyncApiMessage {
  readonly name: string;
  readonly title: string;
  readonly summary: string;
  readonly description: string;
  readonly contentType: string;
  readonly headers: JsonSchemaObject;
  readonly payload: JsonSchemaObject;
  readonly correlationId: { readonly description: string; readonly location: string };
  readonly bindings: KafkaBinding<{ readonly key: JsonSchemaObject }>;
  readonly examples: readonly {
    readonly name: string;
    readonly summary: string;
    readonly headers: Readonly<Record<string, string>>;
    readonly payload: object;
  }[];
}

export interface AsyncApiChannel {
  readonly address: string;
  readonly title: string;
  readonly description: string;
  readonly messages: Readonly<Record<string, Reference>>;
  readonly bindings: KafkaBinding<{ readonly topic: string }>;
}

export interface AsyncApiOperation {
  readonly action: 'send' | 'receive';
  readonly channel: Reference;
  readonly title: string;
  readonly summary: string;
  readonly messages: readonly Reference[];
}

export interface AsyncApiDocument {
  readonly asyncapi: '3.0.0';
  readonly info: {
    readonly title: string;
    readonly version: string;
    readonly description: string;
    readonly license: { readonly name: string };
  };
  readonly defaultContentType: string;
  readonly servers: Readonly<Record<string, unknown>>;
  readonly channels: Readonly<Record<string, AsyncApiChannel>>;
  readonly operations: Readonly<Record<string, AsyncApiOperation>>;
  readonly components: { readonly messages: Readonly<Record<string, AsyncApiMessage>> };
}
