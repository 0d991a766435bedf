import { subjectReportController } from '../subject-report.controller';
import { StaffAccessReportQuery } from './staff-access-report.query';

export const StaffAccessReportController = subjectReportController(
  'StaffAccessReportController',
  'staff/:staffId/phi-access',
  {
    summary: 'Report every patient record a staff member read',
    description:
      "Every read of patient data by one staff member in a period, in chain order: which patient, which resource, in which service and for what purpose. Filter by period and service; page with `after`. Only for a staff member of a clinic the auditor covers (their clinics in the directory), and only reads of patients with a visit in a clinic the auditor covers: the CSV export lists no other clinic's patients.",
    param: { name: 'staffId', description: 'The staff member (the `sub` of their token)' },
    outOfScope: 'the staff member works in no clinic the auditor covers',
  },
  StaffAccessReportQuery,
);
