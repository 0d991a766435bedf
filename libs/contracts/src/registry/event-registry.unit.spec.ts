import { ROLES } from '@thc/auth';
import { userRole } from '../schemas/actor.schema';
import { validateEvent } from '../validation/validate-event';
import {
  CONTEXT_REGISTRIES,
  allEventDefinitions,
  contextOf,
  eventDefinition,
  streamIdOf,
} from './event-registry';
import { streamKeyPattern } from './stream-key';
import { SHARED_TOPICS, TOPICS } from './topics';

const definitions = allEventDefinitions().map(
  (definition) => [definition.type, definition] as const,
);

describe('the event registry', () => {
  it('registers every context on its own topic, with the starter catalog in it', () => {
    for (const [context, registry] of Object.entries(CONTEXT_REGISTRIES)) {
      expect(registry.context).toBe(context);
      expect(registry.topic).toBe(TOPICS[registry.context]);
    }
    expect(allEventDefinitions().length).toBeGreaterThanOrEqual(38);
  });

  test.each(definitions)('%s is named thc.<context>.<EventName>.v<N>', (type, definition) => {
    expect(type).toBe(`thc.${definition.context}.${definition.name}.v${definition.version}`);
    expect(definition.topic).toMatch(new RegExp(`^thc\\.${definition.context}\\.`));
  });

  // Kafka grants writes per topic: a service that may write one compliance type on the
  // compliance topic may write a consent there as well, under compliance-audit's name.
  test.each(definitions)(
    '%s: on its context topic only when its producer alone writes it',
    (_type, definition) => {
      const alone = definition.sources.length === 1;
      const namesOnTopic = new Set(
        allEventDefinitions()
          .filter((other) => other.topic === definition.topic)
          .map((other) => other.name),
      );
      expect({ alone, onContextTopic: definition.topic === TOPICS[definition.context] }).toEqual({
        alone,
        onContextTopic: alone,
      });
      // A topic of its own carries that one event (any version): nothing else to forge there.
      if (!alone) expect([...namesOnTopic]).toEqual([definition.name]);
    },
  );

  it('carries PhiAccessed, which every service that serves PHI records, on a topic of its own', () => {
    expect(eventDefinition('thc.compliance.PhiAccessed.v1')).toMatchObject({
      topic: SHARED_TOPICS.phiAccess,
      sources: [
        '/thc/compliance-audit',
        '/thc/scheduling',
        '/thc/sessions',
        '/thc/training',
        '/thc/analytics',
        '/thc/notifications',
      ],
    });
    const onCompliance = allEventDefinitions().filter((d) => d.topic === TOPICS.compliance);
    expect(new Set(onCompliance.flatMap((d) => d.sources))).toEqual(
      new Set(['/thc/compliance-audit']),
    );
  });

  test.each(definitions)('%s: its example is valid against its schema', (type, definition) => {
    expect(validateEvent(type, definition.example)).toBeUndefined();
  });

  test.each(definitions)('%s: the stream id field is a required UUID', (_type, definition) => {
    const { idField } = definition.streamDefinition;
    const schema = definition.schema as { required: string[]; properties: Record<string, object> };
    expect(schema.required).toContain(idField);
    expect(schema.properties[idField]).toMatchObject({ type: 'string', format: 'uuid' });
  });

  test.each(definitions)(
    '%s: the key of its example fits the stream key pattern',
    (type, definition) => {
      const key = streamIdOf(type, definition.example);
      expect(key).toMatch(new RegExp(streamKeyPattern(definition.streamDefinition)));
    },
  );

  it('looks types up, and answers undefined for types it does not know', () => {
    expect(eventDefinition('thc.scheduling.AppointmentBooked.v1')?.streamDefinition.prefix).toBe(
      'appointment',
    );
    expect(contextOf('thc.sessions.ConnectionQualitySampled.v2')).toBe('sessions');
    expect(eventDefinition('thc.scheduling.AppointmentBooked.v9')).toBeUndefined();
    expect(contextOf('com.example.Other')).toBeUndefined();
    expect(
      streamIdOf('thc.scheduling.AppointmentBooked.v1', { appointmentId: 42 }),
    ).toBeUndefined();
  });

  it('admits exactly the roles @thc/auth issues tokens for', () => {
    expect([...userRole.enum].sort()).toEqual([...ROLES].sort());
  });
});
