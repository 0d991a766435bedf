import { invalidInputDoc, PathParamDoc, UseCaseDoc, UseCaseRoute } from '@thc/service-runtime';
import {
  RECORD_CHANGED,
  STAFF_PARAM,
  STAFF_RECORD_PHI,
  STAFF_SCOPE_403,
} from '../openapi/api-docs';
import { StaffStatusView } from './staff-status.view';

/** What differs between the commands on a staff member's record. */
export interface StaffCommandDoc extends Pick<UseCaseDoc, 'summary' | 'description'> {
  readonly body: NonNullable<UseCaseDoc['body']>;
  /** When the command does not fit the record (409), besides a record that kept changing. */
  readonly conflict: string;
  /** When it breaks a rule of dates or the catalog (422), if it can. */
  readonly unprocessable?: string;
  /** Path ids besides `staffId`. */
  readonly params?: Readonly<Record<string, PathParamDoc>>;
  /** The answer's status: 201 (something recorded) unless the command changes what exists. */
  readonly status?: 200 | 201;
}

/**
 * A POST of a command on one staff member's record: trainers and admins within their clinic
 * scope, answered with the record as the command left it. Declared once so that every such
 * route documents the same scope, validation and concurrency errors.
 */
export function StaffCommandRoute(doc: StaffCommandDoc): MethodDecorator {
  const params = { ...STAFF_PARAM, ...doc.params };
  return UseCaseRoute({
    method: 'POST',
    status: doc.status ?? 201,
    answer: StaffStatusView,
    summary: doc.summary,
    description: doc.description,
    roles: ['trainer', 'admin'],
    phi: STAFF_RECORD_PHI,
    errors: {
      400: invalidInputDoc({ ids: Object.keys(params), v4: true, body: true }),
      403: STAFF_SCOPE_403,
      409: `${doc.conflict}; ${RECORD_CHANGED}.`,
      ...(doc.unprocessable ? { 422: doc.unprocessable } : {}),
    },
    params,
    body: doc.body,
  });
}
