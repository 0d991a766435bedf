import { CloudEventAttributes } from '@thc/contracts';

/** An event as a handler receives it: CloudEvents attributes, parsed data, and its Kafka origin. */
export interface ConsumedEvent<TData = unknown> extends CloudEventAttributes {
  readonly data: TData;
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
}

export type EventHandler = (event: ConsumedEvent) => Promise<void>;
