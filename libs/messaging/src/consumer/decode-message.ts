import { fromKafkaHeaders, provenanceViolation } from '@thc/contracts';
import { KafkaMessage } from 'kafkajs';
import { ConsumedEvent, EventValidator } from './consumed-event';
import {
  ContractViolationError,
  PoisonMessageError,
  ProvenanceViolationError,
} from './message-errors';

export type DecodedMessage =
  | { readonly ok: true; readonly event: ConsumedEvent }
  | {
      readonly ok: false;
      readonly error: PoisonMessageError | ProvenanceViolationError | ContractViolationError;
    };

/** CloudEvents `time`: an RFC 3339 timestamp (`Date.parse` alone accepts almost any text). */
const RFC_3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/i;

/**
 * Turns a Kafka message into a handler's event: CloudEvents attributes from the headers, the
 * data parsed from the JSON value, the provenance check (the type on its context's topic, from
 * a source the contracts registry names for it), then the optional contract check. The
 * provenance check is not optional: a consumer cannot forget it, so a forged consent, credential
 * or booking never reaches a handler. Never throws: a message that fails here goes to the
 * dead-letter topic without retries.
 */
export function decodeMessage(
  topic: string,
  partition: number,
  message: KafkaMessage,
  validate?: EventValidator,
): DecodedMessage {
  const decoded = fromKafkaHeaders(message.headers ?? {});
  if (!decoded.ok) return { ok: false, error: new PoisonMessageError(decoded.reason) };
  const { type, source, time } = decoded.attributes;
  // Consumers order, bucket and report by this instant; text that is not one would be stored
  // as it came.
  if (!RFC_3339.test(time) || Number.isNaN(Date.parse(time)))
    return { ok: false, error: new PoisonMessageError('ce_time is not a timestamp') };
  const untrusted = provenanceViolation({ type, source, topic });
  if (untrusted)
    return { ok: false, error: new ProvenanceViolationError(untrusted.reason, untrusted.detail) };
  let data: unknown;
  try {
    data = JSON.parse(message.value?.toString() ?? '');
  } catch {
    return { ok: false, error: new PoisonMessageError('message value is not JSON') };
  }
  const event: ConsumedEvent = {
    ...decoded.attributes,
    data,
    topic,
    partition,
    offset: message.offset,
    ...(message.key ? { key: message.key.toString() } : {}),
  };
  const violation = validate?.(event);
  if (violation !== undefined) return { ok: false, error: new ContractViolationError(violation) };
  return { ok: true, event };
}
