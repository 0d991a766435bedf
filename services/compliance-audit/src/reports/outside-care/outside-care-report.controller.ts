import { subjectReportController } from '../subject-report.controller';
import { OutsideCareReportQuery } from './outside-care-report.query';

export const OutsideCareReportController = subjectReportController(
  'OutsideCareReportController',
  'patients/:patientId/access-outside-care',
  {
    summary: "Report reads of a patient's data outside care",
    description:
      "Reads of one patient's data by staff who had no appointment relationship with them at that moment (the patient's own reads, and reads for audit or legal purposes by an auditor, are left out; any other role claiming those purposes is reported). Filter by period and service; page with `after`. Only for a patient with a visit in a clinic the auditor covers.",
    param: { name: 'patientId', description: 'The patient (the `sub` of their token)' },
    outOfScope: 'the patient has no visit in a clinic the auditor covers',
  },
  OutsideCareReportQuery,
);
