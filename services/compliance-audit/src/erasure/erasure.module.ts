import { Module } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import { EventStoreModule } from '@thc/event-store';
import { AuditTrailModule } from '../audit-trail/audit-trail.module';
import { ClinicScopeModule } from '../clinic-scope/clinic-scope.module';
import { LegalHolds } from '../retention/legal-holds.projection';
import { ErasePatientController } from './erase-patient/erase-patient.controller';
import { createPatientKeyEraser, PATIENT_KEY_ERASER } from './erasure-keys';
import { PatientErasure } from './patient-erasure';

/** The right to erasure: an admin destroys a patient's key; services purge their views. */
@Module({
  imports: [EventStoreModule, AuditTrailModule, ClinicScopeModule],
  controllers: [ErasePatientController],
  providers: [
    PatientErasure,
    LegalHolds,
    {
      provide: PATIENT_KEY_ERASER,
      inject: [getConnectionToken()],
      useFactory: createPatientKeyEraser,
    },
  ],
})
export class ErasureModule {}
