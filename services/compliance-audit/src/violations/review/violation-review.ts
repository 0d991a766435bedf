import { Inject, Injectable } from '@nestjs/common';
import { Principal, Role } from '@thc/auth';
import { Clock, CLOCK, ID_PROVIDER, IdProvider } from '@thc/service-runtime';
import { AuditChainWriter } from '../../audit-trail/audit-chain.writer';
import { ownEventRecord } from '../../audit-trail/own-event-record';
import { ViolationReviewCommand } from '../domain/violation-review.commands';
import { violationReviewDecider } from '../domain/violation-review.decider';
import { noteSha256 } from '../domain/violation-note';
import { ViolationAlertRefresher } from '../violation-alert.refresher';
import { toAlertView, ViolationAlert } from '../violation-alert.view';
import { AlertDocument, ViolationAlerts } from '../violation-alerts.projection';
import { ViolationNotes } from '../violation-notes.projection';
import { ViolationRepository } from '../violation.repository';
import { asHttp } from './review-http-errors';
import { ensureViolationInScope } from './violation-in-scope';

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
    private readonly projection: ViolationAlertRefresher,
    private readonly writer: AuditChainWriter,
    private readonly alerts: ViolationAlerts,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_PROVIDER) private readonly newId: IdProvider,
  ) {}

  /**
   * The step as the API answers it: a violation outside the reviewer's clinics is not found,
   * and domain refusals are the HTTP problems the routes document.
   */
  step(
    type: ViolationReviewCommand['type'],
    violationId: string,
    note: string,
    principal: Principal,
  ): Promise<ViolationAlert> {
    return asHttp(async () => {
      await ensureViolationInScope(this.alerts, principal, violationId);
      return toAlertView(await this.review(type, violationId, note, principal));
    });
  }

  private async review(
    type: ViolationReviewCommand['type'],
    violationId: string,
    note: string,
    principal: Principal,
  ): Promise<AlertDocument> {
    const command: ViolationReviewCommand = {
      type,
      violationId,
      note: { noteId: this.newId(), sha256: noteSha256(note) },
      at: this.clock().toISOString(),
      by: reviewerOf(principal),
    };
    // Throws not-found or conflict before anything is written; the append decides on the
    // same load, so the step costs one read of the stream.
    const loaded = await this.violations.load(violationId);
    violationReviewDecider.decide(command, loaded.state);
    await this.notes.save({
      _id: command.note.noteId,
      violationId,
      text: note,
      sha256: command.note.sha256,
    });
    const { stored } = await this.violations.review(command, principal.subject, loaded);
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
