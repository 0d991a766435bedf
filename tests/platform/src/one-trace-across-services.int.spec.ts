import { EVENT_TOPICS, TOPICS } from '@thc/contracts';
import { bearer, eventually, findLeaks, TestNamespace } from '@thc/testing';
import { randomBytes, randomUUID } from 'node:crypto';
import { openScheduleBody } from '../../../services/scheduling/src/appointments/testing/scheduling-test-app';
import { ServiceProcess } from './support/service-process';
import { ZipkinReceiver, ZipkinSpan } from './support/zipkin-receiver';

// The services that consume scheduling's events. Each one whose readiness reports a running
// consumer must continue the booking's trace; one without consumers yet is reported, not assumed.
const CONSUMERS = ['sessions', 'compliance-audit', 'analytics', 'notifications'] as const;

// A synthetic patient whose details must never reach a span.
const PATIENT = { name: 'Oyelaran Brightwater-Kimura', phone: '+1 617 555 0199' };

/** A 30-minute video visit `daysAhead` days from now, 09:00 UTC, in the provider's zone. */
function visit(daysAhead: number) {
  const day = new Date(Date.now() + daysAhead * 86_400_000).toISOString().slice(0, 10);
  return {
    start: `${day}T14:30:00+05:30`,
    end: `${day}T15:00:00+05:30`,
    timeZone: 'Asia/Kolkata',
  };
}

describe('one booking followed across the running services', () => {
  const ns = new TestNamespace('one-trace');
  const zipkin = new ZipkinReceiver();
  let scheduling: ServiceProcess;
  let consumers: ServiceProcess[] = [];
  const consuming: string[] = [];

  beforeAll(async () => {
    await ns.createTopics(EVENT_TOPICS.map((t) => ns.topic(t)));
    const env = {
      KAFKA_TOPIC_PREFIX: ns.topicPrefix,
      MONGO_DB_PREFIX: ns.databasePrefix,
      PHI_MASTER_KEYS: `trace-test:${randomBytes(32).toString('base64')}`,
      PHI_KEYS_DB: ns.database('phi_keys'),
      SCHEDULING_REQUIRE_CREDENTIAL: 'false',
      SCHEDULING_REQUIRE_LICENCE: 'false',
      OTEL_TRACES_EXPORTER: 'zipkin',
      OTEL_EXPORTER_ZIPKIN_ENDPOINT: await zipkin.start(),
      OTEL_TRACES_SAMPLER: 'parentbased_always_on',
      OTEL_BSP_SCHEDULE_DELAY: '100',
      SHUTDOWN_DRAIN_DELAY_MS: '1500',
    };
    scheduling = new ServiceProcess('scheduling', env);
    consumers = CONSUMERS.map((name) => new ServiceProcess(name, env));
    // One after the other, each ready before the next starts: compilations and index
    // builds at once would starve a small machine and its MongoDB-wire server.
    await scheduling.start();
    await scheduling.ready();
    for (const service of consumers) {
      await service.start();
      if ((await service.ready()).consumers > 0) consuming.push(service.name);
    }
  }, 300_000);

  afterAll(async () => {
    await Promise.all([scheduling, ...consumers].map((s) => s?.terminate().catch(() => undefined)));
    [scheduling, ...consumers].forEach((s) => s?.kill());
    await zipkin.stop();
    await ns.dispose();
  }, 60_000);

  /** A provider with an open schedule (the schedule scheduling's own tests use). */
  async function bookableProvider(): Promise<string> {
    const providerId = randomUUID();
    const response = await fetch(`${scheduling.url}/api/v1/providers/${providerId}/schedule`, {
      method: 'PUT',
      headers: {
        'content-type': 'application/json',
        ...(await bearer('coordinator', randomUUID())),
      },
      body: JSON.stringify(openScheduleBody()),
    });
    expect(`${response.status} ${await response.text()}`).toMatch(/^200 /);
    return providerId;
  }

  it('one trace runs from the HTTP request through append and publish into every consumer and its MongoDB writes', async () => {
    expect(consuming).toContain('analytics');
    process.stdout.write(`consumers of scheduling events checked: ${consuming.join(', ')}\n`);

    const patientId = randomUUID();
    const booked = await fetch(`${scheduling.url}/api/v1/appointments`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-correlation-id': 'trace-test-booking',
        ...(await bearer('coordinator', randomUUID())),
      },
      body: JSON.stringify({
        patientId,
        providerId: await bookableProvider(),
        clinicId: randomUUID(),
        visitType: 'video',
        patientLocation: { state: 'NY' },
        ...visit(40),
      }),
    });
    const bookedBody = (await booked.json()) as { appointmentId: string };
    expect(`${booked.status} ${JSON.stringify(bookedBody)}`).toMatch(/^201 /);
    expect(booked.headers.get('x-correlation-id')).toBe('trace-test-booking');
    const { appointmentId } = bookedBody;

    const request = await eventually(async () => {
      const span = zipkin.spans.find(
        (s) =>
          s.localEndpoint.serviceName === 'scheduling' &&
          s.kind === 'SERVER' &&
          s.tags?.['url.path'] === '/api/v1/appointments',
      );
      expect(span).toBeDefined();
      return span!;
    });
    // Named after the route template, as a trace viewer lists it.
    expect(request.name.toUpperCase()).toBe('POST /API/V1/APPOINTMENTS');
    const topic = ns.topic(TOPICS.scheduling);

    await eventually(
      async () => {
        const trace = zipkin.inTrace(request.traceId);
        // scheduling: the command's span, the append (an insert into its event store) below
        // it, and the publish to Kafka.
        const command = trace.find(
          (s) => s.localEndpoint.serviceName === 'scheduling' && s.name.startsWith('command '),
        );
        expect(command?.tags).toMatchObject({
          'thc.command': expect.stringMatching(/Controller\./),
        });
        const append = trace.find(
          (s) =>
            s.localEndpoint.serviceName === 'scheduling' &&
            s.tags?.['db.operation.name'] === 'insert' &&
            s.tags['db.collection.name'] === 'events',
        );
        expect(append && command && zipkin.descendsFrom(append, command.id)).toBe(true);
        expect(trace).toContainEqual(
          expect.objectContaining({
            localEndpoint: { serviceName: 'scheduling' },
            kind: 'CLIENT',
            tags: expect.objectContaining({
              'db.operation.name': 'insert',
              'db.collection.name': 'events',
            }),
          }),
        );
        expect(trace).toContainEqual(
          expect.objectContaining({
            localEndpoint: { serviceName: 'scheduling' },
            kind: 'PRODUCER',
            tags: expect.objectContaining({
              'messaging.system': 'kafka',
              'messaging.destination.name': topic,
            }),
          }),
        );
        // every consuming service: a CONSUMER span with the messaging attributes, and below it
        // the MongoDB writes of its handler.
        for (const service of consuming) {
          const processed = trace.filter(
            (s) => s.localEndpoint.serviceName === service && s.kind === 'CONSUMER',
          );
          expect(processed.map((s) => s.tags)).toContainEqual(
            expect.objectContaining({
              'messaging.system': 'kafka',
              'messaging.destination.name': topic,
              'messaging.operation.type': 'process',
              'messaging.consumer.group.name': expect.stringContaining(ns.topicPrefix),
              'messaging.kafka.message.key': `appointment-${appointmentId}`,
              'messaging.message.id': expect.any(String),
            }),
          );
          const writes = trace.filter(
            (s) =>
              s.localEndpoint.serviceName === service &&
              s.tags?.['db.system.name'] === 'mongodb' &&
              processed.some((p) => zipkin.descendsFrom(s, p.id)),
          );
          expect(writes.length).toBeGreaterThan(0);
        }
      },
      { timeoutMs: 30_000 },
    );

    // The request's log lines carry the same trace id and the caller's correlation id.
    const line = scheduling.logs
      .split('\n')
      .find(
        (l) =>
          l.includes('"correlation_id":"trace-test-booking"') && l.includes('request completed'),
      );
    expect(line).toBeDefined();
    expect(JSON.parse(line!)).toMatchObject({
      service: 'scheduling',
      trace_id: request.traceId,
      span_id: request.id,
      level: 'info',
    });
  });

  it('no span attribute carries PHI, even when a free-text reason names the patient', async () => {
    const coordinator = {
      'content-type': 'application/json',
      ...(await bearer('coordinator', randomUUID())),
    };
    const booked = await fetch(`${scheduling.url}/api/v1/appointments`, {
      method: 'POST',
      headers: coordinator,
      body: JSON.stringify({
        patientId: randomUUID(),
        providerId: await bookableProvider(),
        clinicId: randomUUID(),
        visitType: 'video',
        patientLocation: { state: 'NY' },
        ...visit(41),
      }),
    });
    const { appointmentId } = (await booked.json()) as { appointmentId: string };
    const cancelled = await fetch(`${scheduling.url}/api/v1/appointments/${appointmentId}/cancel`, {
      method: 'POST',
      headers: coordinator,
      body: JSON.stringify({
        reasonCode: 'patient-request',
        reason: `${PATIENT.name} called from ${PATIENT.phone}`,
      }),
    });
    expect(`${cancelled.status} ${await cancelled.text()}`).toMatch(/^20\d /);

    // Wait until analytics has processed both events of the appointment, so their spans are in.
    const key = `appointment-${appointmentId}`;
    await eventually(
      async () =>
        expect(
          zipkin.spans.filter(
            (s) =>
              s.kind === 'CONSUMER' &&
              s.localEndpoint.serviceName === 'analytics' &&
              s.tags?.['messaging.kafka.message.key'] === key,
          ).length,
        ).toBeGreaterThanOrEqual(2),
      { timeoutMs: 30_000 },
    );
    const exported = zipkin.spans
      .map((s: ZipkinSpan) => `${s.name} ${JSON.stringify(s.tags ?? {})}`)
      .join('\n');
    expect(findLeaks({ spans: exported }, [PATIENT.name, PATIENT.phone, 'Brightwater'])).toEqual(
      [],
    );
    expect(exported).toContain(appointmentId);
  });

  it('every running service serves the named metric series with live values', async () => {
    const metrics = await (await fetch(`${scheduling.url}/metrics`)).text();
    expect(metrics).toMatch(
      /http_server_request_duration_seconds_count\{method="POST",route="\/api\/v1\/appointments",status_code="201"\} [1-9]/,
    );
    expect(metrics).toMatch(/thc_event_store_append_duration_seconds_count\{outcome="ok"\} [1-9]/);
    expect(metrics).toMatch(/thc_outbox_backlog\{relay="[^"]+"\} \d/);
    expect(metrics).toMatch(/thc_outbox_oldest_pending_age_seconds\{relay="[^"]+"\} \d/);
    expect(metrics).toMatch(/thc_outbox_published_total\{[^}]+\} [1-9]/);
    expect(metrics).toContain('process_cpu_seconds_total');
    for (const service of consumers.filter((s) => consuming.includes(s.name))) {
      const text = await (await fetch(`${service.url}/metrics`)).text();
      expect(text).toMatch(/thc_consumer_handled_total\{[^}]+\} [1-9]/);
      // Computed at scrape time, also for consumers that turn their own lag refresh off.
      expect(text).toMatch(/thc_consumer_lag\{[^}]*partition="\d+"[^}]*\} \d/);
      expect(text).toContain('thc_consumer_retries_total');
      expect(text).toContain('thc_consumer_dead_lettered_total');
      expect(text).toContain('nodejs_eventloop_lag_seconds');
    }
  });

  it('SIGTERM turns readiness 503 first, then drains and exits 0 within the grace period', async () => {
    const stopping = scheduling.terminate();
    await eventually(
      async () => {
        const ready = await fetch(`${scheduling.url}/health/ready`);
        expect(ready.status).toBe(503);
        expect(((await ready.json()) as { error: Record<string, unknown> }).error).toHaveProperty(
          'shutdown',
        );
      },
      { timeoutMs: 1500, intervalMs: 50 },
    );
    const { code, ms } = await stopping;
    expect(code).toBe(0);
    expect(ms).toBeLessThan(30_000);
    expect(scheduling.logs).toMatch(
      /drained [1-9]\d* consumer\(s\) and 1 relay\(s\) in \d+ ms after SIGTERM/,
    );
  });
});
