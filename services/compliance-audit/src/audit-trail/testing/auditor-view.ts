import { bearer, callService } from '@thc/testing';
import { randomUUID } from 'node:crypto';
import type { ComplianceUnderTest } from '../../testing/compliance-test-app';
import type { ChainVerdict } from '../domain/chain-verification';

/**
 * The trail as an auditor checks it: the verdict over the whole chain, asked over HTTP (answered
 * 200), and how many entries it holds. The auditor's token is made in a `beforeAll`.
 */
export function auditorView(under: ComplianceUnderTest) {
  let auditor: Record<string, string> = {};
  beforeAll(async () => {
    auditor = await bearer('auditor', randomUUID());
  });
  return {
    verify: async (): Promise<ChainVerdict> => {
      const response = await callService(under.url, 'GET', '/api/v1/audit/verify', auditor);
      expect(response.status).toBe(200);
      return response.body as ChainVerdict;
    },
    count: () => under.trail.entries.countDocuments(),
  };
}
