import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { HealthIndicatorService } from '@nestjs/terminus';
import { Connection } from 'mongoose';
import { withTimeout } from './bounded-check';

const PING_TIMEOUT_MS = 2000;

/**
 * Readiness of MongoDB: a `ping` round trip on the service's own connection, within 2 s.
 * terminus' mongoose indicator only reads the connection's state, which stays "connected"
 * until the driver's next heartbeat notices an outage.
 */
@Injectable()
export class MongoHealthIndicator {
  constructor(
    private readonly health: HealthIndicatorService,
    @InjectConnection() private readonly connection: Connection,
  ) {}

  async ping(key = 'mongodb') {
    const indicator = this.health.check(key);
    const db = this.connection.db;
    if (!db) return indicator.down({ message: 'not connected' });
    try {
      await withTimeout(db.admin().ping(), PING_TIMEOUT_MS);
      return indicator.up();
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    }
  }
}
