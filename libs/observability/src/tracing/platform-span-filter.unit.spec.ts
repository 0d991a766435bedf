import { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { isExported } from './platform-span-filter';

const span = (scope: string, name: string) =>
  ({ instrumentationScope: { name: scope }, name }) as unknown as ReadableSpan;

describe('spans worth exporting', () => {
  it.each([
    ['@opentelemetry/instrumentation-kafkajs', 'process thc.scheduling.v1', false],
    ['@opentelemetry/instrumentation-kafkajs', 'poll thc.scheduling.v1', false],
    ['@opentelemetry/instrumentation-kafkajs', 'send thc.scheduling.v1.dlq.thc.analytics', true],
    ['@thc/messaging', 'process thc.scheduling.v1', true],
    ['@opentelemetry/instrumentation-mongodb', 'insert events', true],
  ])('%s %s -> %s', (scope, name, exported) => {
    expect(isExported(span(scope, name))).toBe(exported);
  });
});
