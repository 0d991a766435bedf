import { Logger } from '@nestjs/common';
import { toKafkaHeaders } from '@thc/contracts';
import { Batch, EachBatchPayload, KafkaMessage } from 'kafkajs';
import { mongo } from 'mongoose';
import { ConsumedEvent } from './consumed-event';
import { ConsumerMetrics } from './consumer-metrics';
import { DeadLetter } from './dead-letter';
import { EventConsumerOptions, resolveConsumerOptions } from './event-consumer.options';
import { PartitionBatchProcessor } from './partition-batch.processor';

function cloudEvent(offset: number, data: unknown = { n: offset }): KafkaMessage {
  return {
    key: Buffer.from('stream-1'),
    value: Buffer.from(JSON.stringify(data)),
    offset: String(offset),
    timestamp: '0',
    attributes: 0,
    headers: toKafkaHeaders({
      id: `event-${offset}`,
      source: '/thc/test',
      type: 'thc.test.Happened.v1',
      subject: 'stream-1',
      time: '2026-11-27T10:00:00.000Z',
    }),
  };
}

function rawMessage(
  offset: number,
  value: string,
  headers: Record<string, string> = {},
): KafkaMessage {
  return {
    key: null,
    value: Buffer.from(value),
    offset: String(offset),
    timestamp: '0',
    attributes: 0,
    headers,
  };
}

/** A kafkajs batch payload that records what the processor does with it. */
function fakePartition(messages: KafkaMessage[]) {
  const seen = { resolved: [] as string[], commits: [] as string[], pauses: 0, resumes: 0 };
  const batch = { topic: 'thc.test.v1', partition: 0, messages } as unknown as Batch;
  const payload: EachBatchPayload = {
    batch,
    resolveOffset: (offset) => void seen.resolved.push(offset),
    heartbeat: () => Promise.resolve(),
    pause: () => {
      seen.pauses++;
      return () => void seen.resumes++;
    },
    commitOffsetsIfNecessary: (offsets) => {
      seen.commits.push(offsets?.topics[0]?.partitions[0]?.offset ?? '?');
      return Promise.resolve();
    },
    uncommittedOffsets: () => ({ topics: [] }),
    isRunning: () => true,
    isStale: () => false,
  };
  return { payload, seen };
}

function run(
  messages: KafkaMessage[],
  options:
    | (Partial<EventConsumerOptions> & Pick<EventConsumerOptions, 'handler'>)
    | (Partial<EventConsumerOptions> & Pick<EventConsumerOptions, 'handleBatch'>),
  shutdown = new AbortController(),
) {
  const { payload, seen } = fakePartition(messages);
  const deadLetters: DeadLetter[] = [];
  const resolved = resolveConsumerOptions({
    groupId: 'g',
    topics: ['thc.test.v1'],
    retryBaseDelayMs: 1,
    ...options,
  } as EventConsumerOptions);
  const processor = new PartitionBatchProcessor(payload, resolved, {
    deadLetters: { publish: (letter) => Promise.resolve(void deadLetters.push(letter)) },
    metrics: new ConsumerMetrics('g'),
    shutdown: shutdown.signal,
  });
  return processor.run().then(() => ({ seen, deadLetters }));
}

describe('processing one fetched batch of a partition', () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('hands events to the handler in offset order and commits the offset after the last', async () => {
    const handled: string[] = [];
    const { seen } = await run([cloudEvent(0), cloudEvent(1), cloudEvent(2)], {
      handler: (event) => Promise.resolve(void handled.push(event.id)),
    });
    expect(handled).toEqual(['event-0', 'event-1', 'event-2']);
    expect(seen.resolved).toEqual(['0', '1', '2']);
    expect(seen.commits).toEqual(['3']);
  });

  it('retries a failing handler, then dead-letters the message with its attempts and moves on', async () => {
    const calls: string[] = [];
    const { seen, deadLetters } = await run([cloudEvent(0), cloudEvent(1), cloudEvent(2)], {
      maxAttempts: 3,
      handler: (event) => {
        calls.push(event.id);
        return event.id === 'event-1'
          ? Promise.reject(new RangeError('always'))
          : Promise.resolve();
      },
    });
    expect(calls).toEqual(['event-0', 'event-1', 'event-1', 'event-1', 'event-2']);
    expect(deadLetters.map((l) => [l.message.offset, l.error.name, l.attempts])).toEqual([
      ['1', 'RangeError', 3],
    ]);
    expect(seen.commits).toEqual(['3']);
  });

  it.each([
    ['not a CloudEvent', rawMessage(0, '{}'), 'PoisonMessageError'],
    ['not JSON', { ...cloudEvent(0), value: Buffer.from('{oops') }, 'PoisonMessageError'],
    ['breaking its contract', cloudEvent(0, { n: 'not a number' }), 'ContractViolationError'],
  ])(
    'dead-letters a message %s at once, without reaching the handler',
    async (_, bad, errorType) => {
      const handled: string[] = [];
      const { deadLetters, seen } = await run([bad, cloudEvent(1)], {
        handler: (event) => Promise.resolve(void handled.push(event.id)),
        validate: (event) =>
          typeof (event.data as { n: unknown }).n === 'number' ? undefined : 'n must be a number',
      });
      expect(deadLetters.map((l) => [l.error.name, l.attempts])).toEqual([[errorType, 1]]);
      expect(handled).toEqual(['event-1']);
      expect(seen.commits).toEqual(['2']);
    },
  );

  it('pauses the partition while the database is unreachable, without spending attempts', async () => {
    let outageCalls = 4;
    const { seen, deadLetters } = await run([cloudEvent(0)], {
      maxAttempts: 1,
      handler: () =>
        outageCalls-- > 0 ? Promise.reject(new mongo.MongoNetworkError('down')) : Promise.resolve(),
    });
    expect(deadLetters).toEqual([]);
    expect(seen).toMatchObject({ pauses: 1, resumes: 1, commits: ['1'] });
  });

  it('isolates the bad event of a failing batch and dead-letters only that one', async () => {
    const batches: number[] = [];
    const { deadLetters, seen } = await run([cloudEvent(0), cloudEvent(1), cloudEvent(2)], {
      maxAttempts: 2,
      handleBatch: (events: readonly ConsumedEvent[]) => {
        batches.push(events.length);
        return events.some((e) => e.id === 'event-1')
          ? Promise.reject(new Error('bad event'))
          : Promise.resolve();
      },
    });
    expect(batches).toEqual([3, 1, 1, 1, 1]);
    expect(deadLetters.map((l) => l.message.offset)).toEqual(['1']);
    expect(seen.commits).toEqual(['3']);
  });

  it('on stop, finishes the message in flight, commits it and leaves the rest', async () => {
    const shutdown = new AbortController();
    const handled: string[] = [];
    const { seen } = await run(
      [cloudEvent(0), cloudEvent(1), cloudEvent(2)],
      {
        handler: async (event) => {
          shutdown.abort();
          await new Promise((resolve) => setTimeout(resolve, 20));
          handled.push(event.id);
        },
      },
      shutdown,
    );
    expect(handled).toEqual(['event-0']);
    expect(seen.commits).toEqual(['1']);
  });
});
