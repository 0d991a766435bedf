import { mongo } from 'mongoose';
import { isTransientInfrastructureError } from './error-classification';
import { asError } from './message-errors';

describe('which errors pause the partition instead of counting toward the dead letter', () => {
  it.each([
    ['a network error', new mongo.MongoNetworkError('connection reset')],
    ['a network timeout', new mongo.MongoNetworkTimeoutError('timed out')],
    [
      'no server to select',
      Object.assign(new Error('selection'), { name: 'MongoServerSelectionError' }),
    ],
    [
      'mongoose failing to select',
      Object.assign(new Error('selection'), { name: 'MongooseServerSelectionError' }),
    ],
    [
      'mongoose giving up on a queued operation',
      Object.assign(
        new Error('Operation `tallies.updateOne()` buffering timed out after 10000ms'),
        { name: 'MongooseError' },
      ),
    ],
    [
      'an outage wrapped by a repository',
      new Error('could not save', { cause: new mongo.MongoNetworkError('down') }),
    ],
    [
      'a write to a socket the server closed, unwrapped by the driver',
      Object.assign(new Error('This socket has been ended by the other party'), { code: 'EPIPE' }),
    ],
    [
      'a socket error of another realm, made an Error by the consumer',
      asError({ message: 'connection reset', code: 'ECONNRESET' }),
    ],
  ])('%s is transient', (_, error) => {
    expect(isTransientInfrastructureError(error)).toBe(true);
  });

  it('a write the driver labels retryable is transient', () => {
    const error = new mongo.MongoServerError({ message: 'not primary', code: 10107 });
    error.addErrorLabel('RetryableWriteError');
    expect(isTransientInfrastructureError(error)).toBe(true);
  });

  it.each([
    ['a duplicate key', new mongo.MongoServerError({ message: 'E11000', code: 11000 })],
    ['a bug in the handler', new TypeError('cannot read properties of undefined')],
    ['a thrown string', 'nope'],
  ])('%s is not', (_, error) => {
    expect(isTransientInfrastructureError(error)).toBe(false);
  });
});
