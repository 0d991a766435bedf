import { subjectReportController } from '../subject-report.controller';
import { PatientAccessReportQuery } from './patient-access-report.query';

export const PatientAccessReportController = subjectReportController(
  'PatientAccessReportController',
  'patients/:patientId/phi-access',
  {
    summary: "Report every read and disclosure of a patient's data",
    description:
      "Accounting of disclosures: every read of one patient's data in a period, in chain order, by whom, in which service and for what purpose, and every disclosure to a party outside the health system (recipient, purpose, resource types disclosed). Filter by period and service; page with `after`. Only for a patient with a visit in a clinic the auditor covers.",
    param: { name: 'patientId', description: 'The patient (the `sub` of their token)' },
    outOfScope: 'the patient has no visit in a clinic the auditor covers',
  },
  PatientAccessReportQuery,
);
