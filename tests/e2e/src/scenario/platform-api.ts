import { PlatformService, RunningPlatform, testToken } from '@thc/testing';
import { Role } from '@thc/auth';

export interface Caller {
  readonly role: Role;
  readonly sub: string;
}

export interface ApiResponse<T = any> {
  readonly status: number;
  readonly body: T;
}

/** The platform's public HTTP APIs, called as a signed-in user — all the scenario may use. */
export class PlatformApi {
  private readonly tokens = new Map<string, string>();

  constructor(private readonly platform: RunningPlatform) {}

  async call<T = any>(
    service: PlatformService,
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    path: string,
    as: Caller,
    body?: unknown,
  ): Promise<ApiResponse<T>> {
    const response = await fetch(`${this.platform.url(service)}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${await this.token(as)}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text === '' ? undefined : JSON.parse(text);
    } catch {
      // CSV, iCalendar: returned as text
    }
    return { status: response.status, body: parsed as T };
  }

  /** Like call, but a status other than `expected` fails with what the service said. */
  async expect<T = any>(expected: number, ...args: Parameters<PlatformApi['call']>): Promise<T> {
    const response = await this.call<T>(...args);
    if (response.status !== expected) {
      const [service, method, path] = args;
      throw new Error(
        `${method} ${service}${path}: expected ${expected}, got ${response.status} ${JSON.stringify(response.body)}`,
      );
    }
    return response.body;
  }

  private async token(as: Caller): Promise<string> {
    const key = `${as.role}:${as.sub}`;
    let token = this.tokens.get(key);
    if (!token) {
      token = await testToken(as.role, as.sub);
      this.tokens.set(key, token);
    }
    return token;
  }
}
