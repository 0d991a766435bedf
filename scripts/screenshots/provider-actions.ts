import { join } from 'node:path';
import { ensureLocalKeys, signLocalToken } from '@thc/auth';
import type { DemoLink } from '../demo/demo-join-link';

const ROOT = join(__dirname, '..', '..');
const SESSIONS_URL = process.env['SESSIONS_URL'] ?? 'http://127.0.0.1:3002';
const WEB_URL = process.env['WEB_URL'] ?? 'http://127.0.0.1:3000';

/**
 * The demo visit's provider, acting through the sessions API as their video client would: a
 * development token for them, signed with the local keys `npm start` uses.
 */
export class DemoProvider {
  private constructor(
    private readonly link: DemoLink,
    private readonly token: string,
  ) {}

  static async of(link: DemoLink): Promise<DemoProvider> {
    const roster = (await (await fetch(`${WEB_URL}/dev/roster`)).json()) as {
      organizationId?: string;
    };
    const token = await signLocalToken(await ensureLocalKeys(join(ROOT, '.infra', 'auth')), {
      role: 'provider',
      subject: link.providerId,
      clinics: [link.clinicId],
      ...(roster.organizationId ? { organizationId: roster.organizationId } : {}),
    });
    return new DemoProvider(link, token);
  }

  /** Confirms where the patient is (the clinic's state), starts the visit, joins and admits. */
  async startAndAdmit(patientState: string): Promise<void> {
    const s = `/api/v1/sessions/${this.link.sessionId}`;
    await this.call('POST', `${s}/patient-location`, { state: patientState });
    await this.call('POST', `${s}/start`);
    const link = (await this.call('POST', `${s}/links`, {
      participantId: this.link.providerId,
    })) as { url: string };
    await this.call('POST', '/api/v1/join', { token: link.url.split('#')[1] });
    await this.call('POST', `${s}/admit`);
  }

  async end(): Promise<void> {
    await this.call('POST', `/api/v1/sessions/${this.link.sessionId}/end`, {
      outcome: 'completed',
    });
  }

  private async call(method: string, path: string, body?: unknown): Promise<unknown> {
    const response = await fetch(`${SESSIONS_URL}${path}`, {
      method,
      headers: { authorization: `Bearer ${this.token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return text ? JSON.parse(text) : undefined;
  }
}
