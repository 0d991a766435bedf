import { Principal } from '@thc/auth';
import type { EntryPage } from './audit-report.query';
import { ReportQueryDto } from './report-query.dto';

/** A report about one patient or one staff member, as its use case's query answers it. */
export interface SubjectReport {
  /** The file name of a download, before the subject's id: `phi-access` → `phi-access-<id>`. */
  readonly fileName: string;
  /** Refuses (403) a caller whose clinics do not cover the subject. */
  ensureInScope(principal: Principal, subjectId: string): Promise<void>;
  page(subjectId: string, query: ReportQueryDto, principal: Principal): Promise<EntryPage>;
}
