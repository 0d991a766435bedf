import { Injectable } from '@nestjs/common';
import { Response } from 'express';
import { StaffDirectory } from '../directory/staff-directory.projection';
import type { EntryPage } from './audit-report.query';
import type { ReportFormat } from './report-query.dto';
import { ReportRow, toRow } from './report-row';
import { nextPageUrl } from './next-page-url';
import { render, ReportBody } from './report-response';
import { reportHeaders } from './send-report';

/** Staff who acted in these rows: patients are never named, and need no lookup. */
const staffIn = (rows: readonly ReportRow[]): string[] =>
  rows.flatMap((row) => (row.actorId && row.role !== 'patient' ? [row.actorId] : []));

/**
 * Sends a page of a report: each staff member who acted named from the directory (one read for
 * the page), the next page's full link, and the headers of the format.
 */
@Injectable()
export class ReportSender {
  constructor(private readonly directory: StaffDirectory) {}

  async send(
    response: Response,
    page: EntryPage,
    format: ReportFormat | undefined,
    name: string,
  ): Promise<ReportBody> {
    const rows = page.entries.map(toRow);
    const names = await this.directory.names(staffIn(rows));
    const named = rows.map((row) => {
      const actorName = row.actorId && row.role !== 'patient' ? names.get(row.actorId) : undefined;
      return actorName ? { ...row, actorName } : row;
    });
    reportHeaders(response, format, name);
    return render(
      {
        rows: named,
        ...(page.next === undefined
          ? {}
          : { next: page.next, nextUrl: nextPageUrl(response.req, page.next) }),
      },
      format,
    );
  }
}
