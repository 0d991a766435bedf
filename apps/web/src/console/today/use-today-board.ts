import { useEffect, useState } from 'react';
import { usePerson } from '../../auth/auth-context';
import { callApi } from '../../api/http-client';
import { followStream } from '../../api/event-stream';
import { boardQuery, dayBounds, TodayBoard } from './today-board';

export interface LiveBoard {
  readonly board?: TodayBoard;
  /** The stream is open: the board changes as visits do. */
  readonly live: boolean;
  readonly error?: string;
}

/**
 * Today's board for the signed-in coordinator, kept current by the sessions service's stream
 * (each `board` event carries the whole answer). The first read answers at once; the stream
 * follows it, and reconnects on its own when it drops.
 */
export function useTodayBoard(): LiveBoard {
  const { token } = usePerson();
  const [state, setState] = useState<LiveBoard>({ live: false });

  useEffect(() => {
    const query = boardQuery(dayBounds(new Date()));
    let current = true;
    callApi<TodayBoard>('sessions', `/api/v1/today?${query}`, { token }).then(
      (board) => current && setState((s) => (s.board ? s : { ...s, board })),
      (error: Error) => current && setState((s) => ({ ...s, error: error.message })),
    );
    const stop = followStream(
      'sessions',
      `/api/v1/today/events?${query}`,
      { token },
      {
        onEvent: (event) => {
          if (event.event !== 'board') return;
          const board = JSON.parse(event.data) as TodayBoard;
          setState({ board, live: true });
        },
        onRefused: (problem) => setState((s) => ({ ...s, live: false, error: problem.message })),
        onConnectionChange: (connected) => setState((s) => ({ ...s, live: connected })),
      },
    );
    return () => {
      current = false;
      stop();
    };
  }, [token]);

  return state;
}
