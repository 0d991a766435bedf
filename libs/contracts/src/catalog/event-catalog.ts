import { type EventChannel, eventChannels } from '../registry/event-channels';
import { CONTEXT_REGISTRIES, eventDefinition } from '../registry/event-registry';
import { latestTypeOf } from '../versioning/upcast';
import { type SchemaNode, fieldRows } from './field-summary';

function eventSection(type: string): string[] {
  const event = eventDefinition(type);
  if (!event) return [];
  const stream = event.streamDefinition;
  const latest = latestTypeOf(type);
  return [
    `### ${type}`,
    '',
    event.summary,
    '',
    ...(event.sources.length > 1
      ? [
          `Written by every service that serves it (\`ce_source\`: ${event.sources.map((s) => `\`${s}\``).join(', ')}).`,
          '',
        ]
      : []),
    `Key and \`ce_subject\`: \`${stream.prefix}-<${stream.idField}>\`.` +
      (latest === type ? '' : ` Superseded by \`${latest}\`; upcast on read.`),
    '',
    '| field | type | required | notes |',
    '|---|---|---|---|',
    ...fieldRows(event.schema as SchemaNode),
    '',
  ];
}

function writers(channel: EventChannel): string {
  const registry = CONTEXT_REGISTRIES[channel.context];
  return channel.contextTopic
    ? `Produced by the ${registry.producer.service} service (\`ce_source: ${registry.producer.source}\`).`
    : `Written by the ${channel.producers.join(', ')} services, each for what it records ` +
        `itself: a topic of its own, so that writing it lets them publish no other ` +
        `${channel.context} event.`;
}

function channelSection(channel: EventChannel): string[] {
  const streams = Object.values(CONTEXT_REGISTRIES[channel.context].streams).filter((stream) =>
    channel.events.some((event) => event.streamDefinition === stream),
  );
  return [
    `## ${channel.context}: \`${channel.topic}\``,
    '',
    `${channel.description} ${writers(channel)}`,
    '',
    '| stream | key | what it holds |',
    '|---|---|---|',
    ...streams.map(
      (stream) =>
        `| ${stream.prefix} | \`${stream.prefix}-<${stream.idField}>\` | ${stream.description} |`,
    ),
    '',
    ...channel.events.flatMap((event) => eventSection(event.type)),
  ];
}

/** docs/events.md: the event catalog for people, from the same registry as the AsyncAPI file. */
export function renderEventCatalog(): string {
  return [
    '<!-- Generated from libs/contracts by `npm run asyncapi`. Do not edit. -->',
    '',
    '# Event catalog',
    '',
    'Every event the platform publishes, by topic. Each message is a CloudEvent in Kafka binary ' +
      'mode (`ce_*` headers, JSON value, stream id as key); the machine-readable contract, with ' +
      'the full JSON Schemas and examples, is [asyncapi.yaml](asyncapi.yaml).',
    '',
    ...eventChannels().flatMap(channelSection),
  ].join('\n');
}
