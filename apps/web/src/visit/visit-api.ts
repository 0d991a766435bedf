import { callApi } from '../api/http-client';
import { followStream } from '../api/event-stream';
import type { PreVisitCheck } from './device-check-result';
import type { IssueCategory } from './problem-reports';
import type { SurveySubmission } from './survey-questions';
import type { VisitRole, VisitState } from './visit-flow';
import type { VisitLanguage } from './visit-language';

export interface Visit {
  readonly sessionId: string;
  readonly participantId: string;
  readonly role: VisitRole;
  readonly state: VisitState;
  readonly position?: number;
  readonly scheduledStart: string;
  readonly scheduledEnd: string;
  readonly timeZone?: string;
  readonly clinicName?: string;
  readonly providerName?: string;
  readonly audioOnly: boolean;
  readonly surveyed: boolean;
  readonly consentOnRecord: boolean;
}

export interface Room {
  readonly url: string;
  readonly expiresAt: string;
}

export interface VisitStatus {
  readonly state: VisitState;
  readonly position?: number;
  readonly room?: Room;
}

export interface ConsentText {
  readonly textVersion: string;
  readonly language: VisitLanguage;
  readonly title: string;
  readonly paragraphs: readonly string[];
}

export interface CheckAnswer {
  readonly result: 'passed' | 'warning' | 'failed';
  readonly issueId?: string;
  readonly steps: readonly { step: string; text: string }[];
}

/**
 * The visit page's calls to sessions, with the join link as the credential: its token, and
 * the device token the first join returned, kept for this tab under the link, so a reload
 * carries on as the same device.
 */
export class VisitApi {
  constructor(
    private readonly token: string,
    private readonly language: VisitLanguage,
  ) {}

  private get deviceKey(): string {
    return `visit-device:${this.token}`;
  }

  private get headers(): Record<string, string> {
    const device = sessionStorage.getItem(this.deviceKey);
    return { 'x-join-token': this.token, ...(device ? { 'x-device-token': device } : {}) };
  }

  private call<T>(path: string, method: 'GET' | 'POST' = 'GET', body?: unknown): Promise<T> {
    return callApi<T>('sessions', `/api/v1/visit${path}`, {
      method,
      headers: this.headers,
      language: this.language,
      ...(body === undefined ? {} : { body }),
    });
  }

  visit = (): Promise<Visit> => this.call('');

  consentText = (): Promise<ConsentText> =>
    callApi('sessions', `/api/v1/visit/consent-text?language=${this.language}`, {
      language: this.language,
    });

  giveConsent = (textVersion: string): Promise<unknown> =>
    this.call('/consent', 'POST', { accept: true, textVersion, language: this.language });

  check = (check: PreVisitCheck): Promise<CheckAnswer> =>
    this.call('/pre-visit-checks', 'POST', check);

  /** Enters the waiting room, or the visit; binds the link to this device the first time. */
  async join(
    media: 'video' | 'audio',
  ): Promise<{ status: string; position?: number; room?: Room }> {
    const device = sessionStorage.getItem(this.deviceKey) ?? undefined;
    const answer = await callApi<{
      status: string;
      position?: number;
      room?: Room;
      deviceToken?: string;
    }>('sessions', '/api/v1/join', {
      method: 'POST',
      language: this.language,
      body: {
        token: this.token,
        ...(device ? { deviceToken: device } : {}),
        media,
        connection: 'browser',
      },
    });
    if (answer.deviceToken) sessionStorage.setItem(this.deviceKey, answer.deviceToken);
    return answer;
  }

  reportProblem = (
    category: IssueCategory,
    client: { device: string; browser: string },
    description?: string,
  ): Promise<{ issueId: string; steps: string[] }> =>
    this.call('/issues', 'POST', { category, ...client, ...(description ? { description } : {}) });

  audioOnly = (
    trigger: 'poor-connection' | 'device-failure' | 'participant-choice',
  ): Promise<void> => this.call('/audio-only', 'POST', { trigger });

  leave = (): Promise<void> => this.call('/leave', 'POST', { reason: 'left' });

  answerSurvey = (answers: SurveySubmission): Promise<unknown> =>
    this.call('/survey', 'POST', answers);

  /** Follows the holder's state live; returns the function that stops following. */
  follow(handlers: {
    onStatus: (status: VisitStatus) => void;
    onRefused: (problem: Error) => void;
    onConnectionChange: (connected: boolean) => void;
  }): () => void {
    return followStream(
      'sessions',
      '/api/v1/visit/events',
      { headers: this.headers, language: this.language },
      {
        onEvent: (event) => {
          if (event.event === 'status') handlers.onStatus(JSON.parse(event.data) as VisitStatus);
        },
        onRefused: handlers.onRefused,
        onConnectionChange: handlers.onConnectionChange,
      },
    );
  }
}
