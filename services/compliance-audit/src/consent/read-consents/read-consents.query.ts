import { Inject, Injectable } from '@nestjs/common';
import { Clock, CLOCK } from '@thc/service-runtime';
import { StaffDirectory } from '../../directory/staff-directory.projection';
import { ConsentRepository } from '../consent.repository';
import { FhirConsent, staffActingOn, toFhirConsent } from '../fhir-consent';

/** A patient's consents, newest first, with their status now. */
@Injectable()
export class ReadConsentsQuery {
  constructor(
    private readonly consents: ConsentRepository,
    private readonly directory: StaffDirectory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async read(patientId: string): Promise<FhirConsent[]> {
    const at = this.clock().toISOString();
    const { state } = await this.consents.load(patientId);
    // The staff who captured, witnessed or revoked them, named in one read.
    const names = await this.directory.names(staffActingOn(state.consents));
    return [...state.consents].reverse().map((record) => toFhirConsent(record, at, names));
  }
}
