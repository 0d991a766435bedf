import { Module } from '@nestjs/common';
import { EventStoreModule } from '@thc/event-store';
import { PhiAccessModule } from '@thc/service-runtime';
import { AuditTrailModule } from '../audit-trail/audit-trail.module';
import { CareLinksModule } from '../care-links/care-links.module';
import { ClinicScopeModule } from '../clinic-scope/clinic-scope.module';
import { DirectoryModule } from '../directory/directory.module';
import { ReportSender } from './report-sender';
import { OutsideCareReportController } from './outside-care/outside-care-report.controller';
import { OutsideCareReportQuery } from './outside-care/outside-care-report.query';
import { PatientAccessReportController } from './patient-access/patient-access-report.controller';
import { PatientAccessReportQuery } from './patient-access/patient-access-report.query';
import { AuditReportQuery } from './audit-report.query';
import { StaffAccessReportController } from './staff-access/staff-access-report.controller';
import { StaffAccessReportQuery } from './staff-access/staff-access-report.query';

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
  providers: [
    AuditReportQuery,
    ReportSender,
    PatientAccessReportQuery,
    StaffAccessReportQuery,
    OutsideCareReportQuery,
  ],
})
export class ReportsModule {}
