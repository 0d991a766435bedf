import { Inject, Injectable } from '@nestjs/common';
import { Principal, Role } from '@thc/auth';
import { randomUUID } from 'node:crypto';
import { AuditChainWriter } from '../../audit-trail/audit-chain.writer';
import { ownEventRecord } from '../../audit-trail/own-event-record';
import { ViolationReviewCommand } from '../domain/violation-review.commands';
import { violationReviewDecider } from '../domain/violation-review.decider';
import { noteSha256 } from '../domain/violation-note';
import { ViolationAlertProjection } from '../violation-alert.projection';
import { AlertDocument } from '../violation-alerts.store';
import { ViolationNotes } from '../violation-notes.store';
import { ViolationRepository } from '../violation.repository';
import { Clock, CLOCK } from '@thc/service-runtime';

/**
 * A privacy officer's step on a violation. In an order that survives a stop at any point: check
 * the step is allowed (so a refused one stores nothing), store the note, append the event to the
 * violation's stream (the fact, and the outbox entry that publishes it), chain it into the audit
 * trail, then bring the alert up to date. A stop after the append is caught up when the
 * service consumes its own event back: the trail skips it as a redelivery or chains it then, and
 * the alert is refreshed.
 */
@Injectable()
export class ViolationReview {
  constructor(
    private readonly violations: ViolationRepository,
    private readonly notes: ViolationNotes,
    private readonly projection: ViolationAlertProjection,
    private readonly writer: AuditChainWriter,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async review(
    type: ViolationReviewCommand['type'],
    violationId: string,
    note: string,
    principal: Principal,
  ): Promise<AlertDocument> {
    const command: ViolationReviewCommand = {
      type,
      violationId,
      note: { noteId: randomUUID(), sha256: noteSha256(note) },
      at: this.clock().toISOString(),
      by: reviewerOf(principal),
    };
    // Throws not-found or conflict before anything is written.
    violationReviewDecider.decide(command, (await this.violations.load(violationId)).state);
    await this.notes.save({
      _id: command.note.noteId,
      violationId,
      text: note,
      sha256: command.note.sha256,
    });
    const { stored } = await this.violations.handle(command, principal.subject);
    await this.writer.append(stored.map(ownEventRecord));
    const alert = await this.projection.refresh(violationId);
    if (!alert) throw new Error(`violation ${violationId} vanished after a review step`);
    return alert;
  }
}

// The review routes admit these roles; the step names the one it was taken in, not the token's first.
const REVIEWER_ROLES: readonly Role[] = ['auditor', 'admin'];

function reviewerOf(principal: Principal) {
  const role = principal.roles.find((r) => REVIEWER_ROLES.includes(r));
  if (!role) throw new Error('a review step by a caller the review routes do not admit');
  return { kind: 'user', userId: principal.subject, role } as const;
}
