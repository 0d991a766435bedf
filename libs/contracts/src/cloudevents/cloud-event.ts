/**
 * The CloudEvents 1.0 attributes the platform sets, carried in Kafka binary content mode:
 * attributes as `ce_*` headers, the event data as the JSON message value.
 */
export interface CloudEventAttributes {
  readonly id: string;
  readonly source: string;
  readonly type: string;
  readonly subject: string;
  readonly time: string;
  readonly traceparent?: string;
  readonly tracestate?: string;
  /** Platform extensions, kept as `ce_` headers so they survive any broker hop. */
  readonly extensions?: Readonly<Record<string, string>>;
}

export type KafkaHeaders = Record<string, string>;

/** The CloudEvents version every platform event declares in `ce_specversion`. */
export const CLOUDEVENTS_SPEC_VERSION = '1.0';
/** Event data is always JSON; the `content-type` header says so. */
export const EVENT_CONTENT_TYPE = 'application/json';

/** Encodes attributes as Kafka headers (binary content mode). */
export function toKafkaHeaders(attributes: CloudEventAttributes): KafkaHeaders {
  const headers: KafkaHeaders = {
    ce_specversion: CLOUDEVENTS_SPEC_VERSION,
    ce_id: attributes.id,
    ce_source: attributes.source,
    ce_type: attributes.type,
    ce_subject: attributes.subject,
    ce_time: attributes.time,
    'content-type': EVENT_CONTENT_TYPE,
  };
  if (attributes.traceparent) headers['traceparent'] = attributes.traceparent;
  if (attributes.tracestate) headers['tracestate'] = attributes.tracestate;
  for (const [name, value] of Object.entries(attributes.extensions ?? {})) {
    headers[`ce_${name}`] = value;
  }
  return headers;
}

const REQUIRED = [
  'ce_specversion',
  'ce_id',
  'ce_source',
  'ce_type',
  'ce_subject',
  'ce_time',
] as const;
const CORE = new Set<string>([...REQUIRED, 'content-type', 'traceparent', 'tracestate']);

export type DecodeResult =
  | { readonly ok: true; readonly attributes: CloudEventAttributes }
  | { readonly ok: false; readonly reason: string };

/** Reads attributes from raw Kafka headers; a message that is not a CloudEvent is a reason, not a throw. */
export function fromKafkaHeaders(
  raw: Readonly<Record<string, Buffer | string | (Buffer | string)[] | undefined>>,
): DecodeResult {
  const headers: KafkaHeaders = {};
  for (const [name, value] of Object.entries(raw)) {
    const single = Array.isArray(value) ? value[0] : value;
    if (single !== undefined) headers[name] = single.toString();
  }
  const missing = REQUIRED.filter((name) => !headers[name]);
  if (missing.length > 0)
    return { ok: false, reason: `missing CloudEvents header(s): ${missing.join(', ')}` };
  const required = headers as KafkaHeaders & Record<(typeof REQUIRED)[number], string>;
  if (headers['ce_specversion'] !== CLOUDEVENTS_SPEC_VERSION) {
    return { ok: false, reason: `unsupported ce_specversion ${headers['ce_specversion']}` };
  }
  if (headers['content-type'] && !headers['content-type'].startsWith(EVENT_CONTENT_TYPE)) {
    return { ok: false, reason: `unsupported content-type ${headers['content-type']}` };
  }
  const extensions: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (name.startsWith('ce_') && !CORE.has(name)) extensions[name.slice(3)] = value;
  }
  return {
    ok: true,
    attributes: {
      id: required['ce_id'],
      source: required['ce_source'],
      type: required['ce_type'],
      subject: required['ce_subject'],
      time: required['ce_time'],
      ...(headers['traceparent'] ? { traceparent: headers['traceparent'] } : {}),
      ...(headers['tracestate'] ? { tracestate: headers['tracestate'] } : {}),
      extensions,
    },
  };
}
