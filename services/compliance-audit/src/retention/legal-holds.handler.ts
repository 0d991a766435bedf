import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { Principal } from '@thc/auth';
import { Clock, CLOCK, ID_PROVIDER, IdProvider } from '@thc/service-runtime';
import { AuditChainWriter } from '../audit-trail/audit-chain.writer';
import { LegalHoldChange, legalHoldRecord } from './legal-hold-record';
import { LegalHold } from './legal-hold';
import { LegalHolds } from './legal-holds.projection';

/**
 * Places, releases and lists legal holds. Holds change what retention may remove, so placing
 * and releasing them is chained into the trail too.
 */
@Injectable()
export class LegalHoldsHandler {
  constructor(
    private readonly holds: LegalHolds,
    private readonly writer: AuditChainWriter,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_PROVIDER) private readonly newId: IdProvider,
  ) {}

  /** A hold already in place is answered as it was placed, and not chained again. */
  async place(patientId: string, matter: string, principal: Principal): Promise<LegalHold> {
    const hold = {
      patientId,
      placedAt: this.clock().toISOString(),
      placedBy: principal.subject,
      matter,
    };
    if (await this.holds.place(hold))
      await this.chain({ placed: true, patientId, at: hold.placedAt, by: principal, matter });
    return (await this.holds.all()).find((h) => h.patientId === patientId) ?? hold;
  }

  async release(patientId: string, principal: Principal): Promise<void> {
    if (!(await this.holds.release(patientId)))
      throw new NotFoundException('no legal hold for this patient');
    await this.chain({ placed: false, patientId, at: this.clock().toISOString(), by: principal });
  }

  /** Every hold; the caller narrows them to the patients it may see. */
  all(): Promise<LegalHold[]> {
    return this.holds.all();
  }

  private async chain(change: Omit<LegalHoldChange, 'id'>): Promise<void> {
    await this.writer.append([legalHoldRecord({ ...change, id: this.newId() })]);
  }
}
