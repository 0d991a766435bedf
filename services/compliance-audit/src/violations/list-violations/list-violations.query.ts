import { Injectable } from '@nestjs/common';
import { clinicFilterOf, Principal } from '@thc/auth';
import { StaffDirectory } from '../../directory/staff-directory.projection';
import { toAlertView, ViolationAlert } from '../violation-alert.view';
import { ViolationAlerts } from '../violation-alerts.projection';
import { ViolationsQueryDto } from './violations-query.dto';

/**
 * A page of violation alerts, newest first, of the clinics the caller covers, each with the
 * staff member it is about named as the directory lists them.
 */
@Injectable()
export class ListViolationsQuery {
  constructor(
    private readonly alerts: ViolationAlerts,
    private readonly directory: StaffDirectory,
  ) {}

  async list(query: ViolationsQueryDto, principal: Principal): Promise<ViolationAlert[]> {
    const clinics = clinicFilterOf(principal);
    const detected = {
      ...(query.from ? { $gte: new Date(query.from).toISOString() } : {}),
      ...(query.to ? { $lt: new Date(query.to).toISOString() } : {}),
    };
    const documents = await this.alerts.collection
      .find({
        ...(query.rule ? { rule: query.rule } : {}),
        ...(query.status ? { status: query.status } : {}),
        ...(Object.keys(detected).length > 0 ? { detectedAt: detected } : {}),
        ...(clinics ? { clinicIds: { $in: [...clinics] } } : {}),
      })
      .sort({ detectedAt: -1, _id: 1 })
      .skip(query.offset ?? 0)
      .limit(query.limit ?? 100)
      .toArray();
    // The staff members the page is about, named in one read.
    const names = await this.directory.names(
      documents.flatMap((document) => (document.actorId ? [document.actorId] : [])),
    );
    return documents.map((document) =>
      toAlertView(document, document.actorId ? names.get(document.actorId) : undefined),
    );
  }
}
