import { Module } from '@nestjs/common';
import { EventStoreModule } from '@thc/event-store';
import { PhiAccessModule } from '@thc/service-runtime';
import { AuditTrailModule } from '../audit-trail/audit-trail.module';
import { CareLinksModule } from '../care-links/care-links.module';
import { ClinicScopeModule } from '../clinic-scope/clinic-scope.module';
import { DirectoryModule } from '../directory/directory.module';
import { ReportSender } from './export/report-sender';
import { OutsideCareReportController } from './outside-care/outside-care-report.controller';
import { PatientAccessReportController } from './patient-access/patient-access-report.controller';
import { AuditReportReader } from './query/audit-report.reader';
import { StaffAccessReportController } from './staff-access/staff-access-report.controller';

const httpControllers = [
  PatientAccessReportController,
  StaffAccessReportController,
  OutsideCareReportController,
];

/** Auditor reports over the trail; each report's disclosure is itself a PhiAccessed event. */
@Module({
  imports: [
    EventStoreModule,
    PhiAccessModule,
    AuditTrailModule,
    CareLinksModule,
    ClinicScopeModule,
    DirectoryModule,
  ],
  controllers: httpControllers,
  providers: [AuditReportReader, ReportSender],
})
export class ReportsModule {}
