import { isStopReply } from './stop-keywords';

describe('a STOP reply', () => {
  it.each(['STOP', 'stop', '  Stop\n', 'STOPALL', 'unsubscribe', 'Cancel', 'END', 'quit'])(
    '%j ends SMS',
    (body) => expect(isStopReply(body)).toBe(true),
  );

  it.each(['START', 'UNSTOP', 'stop please', 'Please stop', 'STOP!', 'S T O P', '', 'yes'])(
    '%j does not',
    (body) => expect(isStopReply(body)).toBe(false),
  );
});
