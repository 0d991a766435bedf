import { ApiProblem } from '../api/api-problem';

/** What to tell the person about a failed call: the service's own sentence when it gave one. */
export function problemDetail(error: unknown): string {
  if (error instanceof ApiProblem) return error.detail || error.title;
  return error instanceof Error ? error.message : String(error);
}
