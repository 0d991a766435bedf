import { Injectable } from '@nestjs/common';
import { AuditQuarantine } from '../audit-quarantine.projection';
import { QuarantinedEvent } from '../quarantined-event';

/** The events held back from the trail, newest first. */
@Injectable()
export class ListQuarantinedQuery {
  constructor(private readonly quarantine: AuditQuarantine) {}

  latest(limit = 100): Promise<QuarantinedEvent[]> {
    return this.quarantine.latest(limit);
  }
}
