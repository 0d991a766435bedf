import { join } from 'node:path';
import {
  ensureLocalKeys,
  isClinicScopedRole,
  LocalKeyFiles,
  Role,
  signLocalToken,
} from '@thc/auth';

export const SERVICES = {
  scheduling: 3001,
  sessions: 3002,
  training: 3003,
  'compliance-audit': 3004,
  analytics: 3005,
  notifications: 3006,
} as const;
export type ServiceName = keyof typeof SERVICES;

export interface Reply<T = unknown> {
  readonly status: number;
  readonly body: T;
}

/** `THC_<SERVICE>_URL`, else the port `npm start` uses. */
export function serviceUrl(service: ServiceName, env: NodeJS.ProcessEnv = process.env): string {
  const key = `THC_${service.toUpperCase().replace('-', '_')}_URL`;
  return (env[key] ?? `http://127.0.0.1:${SERVICES[service]}`).replace(/\/$/, '');
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Calls the public HTTP APIs with development tokens signed by the local keys (as
 * `npm run token` does). Network errors and 502-504 are retried; every other status is returned.
 * A retried write is safe: every step treats the 409 of a repeated write as already done. The
 * timeout is long because a busy two-core machine answers writes in tens of seconds.
 */
export class DemoClient {
  private readonly tokens = new Map<string, Promise<string>>();

  private constructor(
    private readonly keys: LocalKeyFiles,
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  static async create(env: NodeJS.ProcessEnv = process.env): Promise<DemoClient> {
    const dir = env['THC_AUTH_DIR'] ?? join(__dirname, '..', '..', '.infra', 'auth');
    return new DemoClient(await ensureLocalKeys(dir), env);
  }

  async call<T = unknown>(
    service: ServiceName,
    as: { role: Role; subject: string },
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    path: string,
    body?: unknown,
  ): Promise<Reply<T>> {
    const token = await this.token(as.role, as.subject);
    const headers: Record<string, string> = { authorization: `Bearer ${token}` };
    if (body !== undefined) headers['content-type'] = 'application/json';
    return this.send<T>(`${serviceUrl(service, this.env)}${path}`, {
      method,
      headers,
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  }

  /** A call without a bearer token (the public join endpoint). */
  anonymous<T = unknown>(service: ServiceName, path: string, body: unknown): Promise<Reply<T>> {
    return this.send<T>(`${serviceUrl(service, this.env)}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  }

  private async send<T>(url: string, init: RequestInit): Promise<Reply<T>> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        const response = await fetch(url, { ...init, signal: AbortSignal.timeout(120_000) });
        const text = await response.text();
        if ([502, 503, 504].includes(response.status) && attempt < 5) {
          await sleep(500 * attempt);
          continue;
        }
        return { status: response.status, body: (text ? safeJson(text) : undefined) as T };
      } catch (error) {
        if (attempt >= 5) throw error;
        await sleep(500 * attempt);
      }
    }
  }

  /**
   * The seed loads the whole organization, so its staff tokens cover every clinic; the tokens
   * `npm start` prints carry each person's own coverage (scripts/dev-tokens.ts).
   */
  private token(role: Role, subject: string): Promise<string> {
    const key = `${role}:${subject}`;
    let token = this.tokens.get(key);
    if (!token) {
      const scope = isClinicScopedRole(role) ? { clinics: 'all' as const } : {};
      token = signLocalToken(this.keys, { role, subject, ttlSeconds: 4 * 3600, ...scope });
      this.tokens.set(key, token);
    }
    return token;
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** The `detail` of a problem+json reply, for messages that must not echo request bodies. */
export function detailOf(reply: Reply): string {
  const body = reply.body as { detail?: unknown; message?: unknown } | undefined;
  const detail = body?.detail ?? body?.message;
  return typeof detail === 'string' ? detail : JSON.stringify(detail ?? '');
}
