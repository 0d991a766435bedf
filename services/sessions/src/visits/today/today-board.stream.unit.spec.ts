import { Logger } from '@nestjs/common';
import type { SessionsSettings } from '../../sessions.settings';
import type { EventStream } from '../infrastructure/event-stream';
import type { TodayBoardResponse, TodayVisit } from './today-board.dto';
import { TodayBoardStream } from './today-board.stream';

const visit = (patientId: string, state: TodayVisit['state']) =>
  ({ patientId, state }) as TodayVisit;
const boardOf = (at: string, ...visits: TodayVisit[]): TodayBoardResponse => ({
  from: '2031-03-09T00:00:00.000Z',
  to: '2031-03-10T00:00:00.000Z',
  generatedAt: at,
  visits,
});

/** A stream that stays open for `polls` reads, recording what is sent. */
function streamFor(polls: number) {
  const sent: TodayBoardResponse[] = [];
  let pauses = 0;
  let ended = false;
  const stream: EventStream = {
    get closed() {
      return pauses >= polls;
    },
    send: (_, data) => sent.push(data as TodayBoardResponse),
    pause: async () => {
      pauses += 1;
    },
    end: () => {
      ended = true;
    },
  };
  return { stream, sent, ended: () => ended };
}

describe('the live Today board', () => {
  const follower = new TodayBoardStream({ livePollMs: 1 } as SessionsSettings);

  it('sends a board at once and again only when its visits change, disclosing each patient once', async () => {
    const boards = [
      boardOf('2031-03-09T08:00:00Z', visit('p1', 'booked')),
      boardOf('2031-03-09T08:00:01Z', visit('p1', 'booked')),
      boardOf('2031-03-09T08:00:02Z', visit('p1', 'waiting'), visit('p2', 'booked')),
    ];
    const disclosed: string[][] = [];
    const { stream, sent, ended } = streamFor(boards.length);
    let reads = 0;
    await follower.follow(
      async () => boards[reads++]!,
      async (patientIds) => {
        disclosed.push([...patientIds]);
      },
      stream,
    );
    expect(sent).toEqual([boards[0], boards[2]]);
    expect(disclosed).toEqual([['p1'], ['p2']]);
    expect(ended()).toBe(true);
  });

  it('sends nothing it could not record as disclosed, and ends the stream', async () => {
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const { stream, sent, ended } = streamFor(3);
    await follower.follow(
      async () => boardOf('2031-03-09T08:00:00Z', visit('p1', 'booked')),
      () => Promise.reject(new Error('the audit store is down')),
      stream,
    );
    expect(sent).toEqual([]);
    expect(ended()).toBe(true);
    expect(logged).toHaveBeenCalledWith(expect.stringContaining('the audit store is down'));
    logged.mockRestore();
  });
});
