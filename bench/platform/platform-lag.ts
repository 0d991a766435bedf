import { PLATFORM_SERVICES, PlatformService, RunningPlatform } from '@thc/testing';
import { consumerLag } from './consumer-lag.probe';

export type PlatformLag = ReadonlyMap<PlatformService, number | undefined>;

/** Every service's consumer lag, scraped at once. */
export async function platformLag(platform: RunningPlatform): Promise<PlatformLag> {
  const lags = await Promise.all(
    PLATFORM_SERVICES.map(
      async (service) => [service, await consumerLag(platform.url(service))] as const,
    ),
  );
  return new Map(lags);
}

export function caughtUp(lag: PlatformLag): boolean {
  return [...lag.values()].every((messages) => messages === 0);
}
