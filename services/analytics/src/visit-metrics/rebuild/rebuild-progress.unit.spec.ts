import { TOPICS } from '@thc/contracts';
import { PROJECTED_TOPICS } from './projected-topics';
import { caughtUp, rebuildProgress } from './rebuild-progress';
import { visitMetricsDefinitionHash } from './visit-metrics.definition';

const targets = { 'a:0': { low: 0, high: 600 }, 'a:1': { low: 100, high: 500 } };
const started = new Date('2026-03-01T00:00:00Z');

describe('rebuild progress', () => {
  it('counts processed events against the topics as they were, with rate and ETA', () => {
    const handled = new Map([
      ['a:0', 300],
      ['a:1', 300],
    ]);
    const progress = rebuildProgress(
      'v2',
      targets,
      handled,
      started,
      new Date('2026-03-01T00:00:10Z'),
      'building',
    );
    expect(progress).toMatchObject({
      processed: 500,
      total: 1000,
      eventsPerSecond: 50,
      etaSeconds: 10,
    });
    expect(caughtUp(targets, handled)).toBe(false);
  });

  it('is caught up when every partition reached its end, even past it', () => {
    const handled = new Map([
      ['a:0', 650],
      ['a:1', 500],
    ]);
    expect(caughtUp(targets, handled)).toBe(true);
    expect(rebuildProgress('v2', targets, handled, started, new Date(), 'building')).toMatchObject({
      processed: 1000,
      etaSeconds: 0,
    });
  });

  it('has no ETA before anything was processed', () => {
    expect(
      rebuildProgress('v2', targets, new Map(), started, started, 'building').etaSeconds,
    ).toBeNull();
  });
});

describe('definition hash', () => {
  it('is stable for a definition and changes with it', () => {
    expect(visitMetricsDefinitionHash()).toBe(visitMetricsDefinitionHash());
    expect(visitMetricsDefinitionHash('x')).not.toBe(visitMetricsDefinitionHash());
  });
});

describe('projected topics', () => {
  it('include the notifications topic, from which the reach and reminder figures come', () => {
    expect(PROJECTED_TOPICS).toEqual(
      expect.arrayContaining([TOPICS.notifications, TOPICS.scheduling, TOPICS.sessions]),
    );
  });
});
