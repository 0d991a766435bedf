import { Inject, Injectable, Logger } from '@nestjs/common';
import { SESSIONS_SETTINGS, SessionsSettings } from '../../sessions.settings';
import type { Session } from '../domain/session.state';
import { SessionViews } from '../infrastructure/session-views.projection';
import type { EventStream } from '../infrastructure/event-stream';
import type { LinkHolder } from '../link-standing';
import { VisitStatusQuery } from './visit-status.query';

/**
 * Follows the holder's visit for their page: a `status` event at once and whenever the state
 * or the place changes, until the visit ends or the client goes. The session view is read by
 * id every SESSIONS_LIVE_POLL_MS, so a change made through any instance reaches the page.
 */
@Injectable()
export class VisitStatusStream {
  private readonly logger = new Logger('VisitStatusStream');

  constructor(
    private readonly views: SessionViews,
    private readonly status: VisitStatusQuery,
    @Inject(SESSIONS_SETTINGS) private readonly settings: SessionsSettings,
  ) {}

  async follow(holder: LinkHolder, first: Session, stream: EventStream): Promise<void> {
    let session = first;
    let sent: string | undefined;
    try {
      while (!stream.closed) {
        const place = await this.status.placeOf(session, holder);
        const key = JSON.stringify(place);
        if (key !== sent) {
          sent = key;
          stream.send('status', await this.status.withRoom(place, holder));
        }
        if (place.state === 'ended') break;
        await stream.pause(this.settings.livePollMs);
        if (stream.closed) break;
        session = (await this.views.find(holder.sessionId)) ?? session;
      }
    } catch (error) {
      // The page reconnects; the stream must not take the process down with it.
      this.logger.error(`status stream of session ${holder.sessionId} stopped: ${String(error)}`);
    } finally {
      stream.end();
    }
  }
}
