import { Injectable } from '@nestjs/common';
import { clinicFilterOf, Principal } from '@thc/auth';
import { IssueQueue, QueuedIssue } from '../infrastructure/issue-queue.projection';

/** The coordinators' live queue: the open issues of the clinics the caller covers. */
@Injectable()
export class OpenIssues {
  constructor(private readonly queue: IssueQueue) {}

  of(principal: Principal): Promise<QueuedIssue[]> {
    return this.queue.open(clinicFilterOf(principal));
  }
}
