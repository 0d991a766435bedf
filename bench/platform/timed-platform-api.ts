import { ApiResponse, PlatformApi } from '../../tests/e2e/src/scenario/platform-api';

/** One HTTP call the benchmark made, as its client saw it. */
export interface TimedRequest {
  readonly booking: boolean;
  readonly status: number;
  readonly ms: number;
}

/**
 * The scenario's API client, timing every call it makes (the steps call through `call`), so
 * bookings and visit steps are measured exactly as the end-to-end scenario drives them. The
 * time includes signing the caller's token on first use, about 0.3 ms on the bench machine.
 */
export class TimedPlatformApi extends PlatformApi {
  private log: TimedRequest[] = [];

  override async call<T>(...args: Parameters<PlatformApi['call']>): Promise<ApiResponse<T>> {
    const [service, method, path] = args;
    const started = performance.now();
    const response = await super.call<T>(...args);
    this.log.push({
      booking: service === 'scheduling' && method === 'POST' && path === '/api/v1/appointments',
      status: response.status,
      ms: performance.now() - started,
    });
    return response;
  }

  /** The calls made since the previous take, and a fresh log for the next step. */
  take(): readonly TimedRequest[] {
    const taken = this.log;
    this.log = [];
    return taken;
  }
}
