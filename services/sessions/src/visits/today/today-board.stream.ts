import { Inject, Injectable, Logger } from '@nestjs/common';
import { SESSIONS_SETTINGS, SessionsSettings } from '../../sessions.settings';
import type { EventStream } from '../infrastructure/event-stream';
import type { TodayBoardResponse } from './today-board.dto';

/** Sends the patients of a board as a PHI disclosure before the board leaves. */
export type Disclose = (patientIds: readonly string[]) => Promise<void>;

/** The board without the instant it was read, so only a change of its visits counts. */
const contentOf = ({ generatedAt: _, ...board }: TodayBoardResponse): string =>
  JSON.stringify(board);

/**
 * Follows a board for the coordinator's console: a `board` event with the whole board at once
 * and whenever it changes, until the client goes. The board is read again every
 * SESSIONS_LIVE_POLL_MS (one range read and three reads by id), so a change made through any
 * instance, or a consent or credential arriving from another context, reaches the console.
 * Each patient is disclosed (recorded as a PHI access) before the first board that shows them.
 */
@Injectable()
export class TodayBoardStream {
  private readonly logger = new Logger('TodayBoardStream');

  constructor(@Inject(SESSIONS_SETTINGS) private readonly settings: SessionsSettings) {}

  async follow(
    read: () => Promise<TodayBoardResponse>,
    disclose: Disclose,
    stream: EventStream,
  ): Promise<void> {
    const disclosed = new Set<string>();
    let sent: string | undefined;
    try {
      while (!stream.closed) {
        const board = await read();
        const content = contentOf(board);
        if (content !== sent) {
          const patients = [...new Set(board.visits.map((visit) => visit.patientId))];
          const unseen = patients.filter((patientId) => !disclosed.has(patientId));
          if (unseen.length > 0) await disclose(unseen);
          unseen.forEach((patientId) => disclosed.add(patientId));
          sent = content;
          stream.send('board', board);
        }
        await stream.pause(this.settings.livePollMs);
      }
    } catch (error) {
      // The console reconnects; a failed read or an unrecorded disclosure ends this stream only.
      this.logger.error(`today board stream stopped: ${String(error)}`);
    } finally {
      stream.end();
    }
  }
}
