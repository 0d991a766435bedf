import { HealthSystem } from './health-system';
import { PlatformApi } from './platform-api';

const MODULES = [
  ['HIPAA-PRIVACY-SECURITY', 'hipaa'],
  ['PLATFORM-USE', 'platform-use'],
  ['TELEHEALTH-ETIQUETTE', 'telehealth-etiquette'],
  ['TROUBLESHOOTING', 'troubleshooting'],
  ['EMERGENCY-PROTOCOL', 'emergency-protocol'],
] as const;

/** The trainer publishes the catalog; every provider is enrolled and passes every module. */
export async function credentialProviders(
  api: PlatformApi,
  system: HealthSystem,
): Promise<Map<string, readonly { certificationId: string; kind: string }[]>> {
  const trainer = { role: 'trainer', sub: system.trainer } as const;
  const moduleIds: string[] = [];
  for (const [moduleCode, topic] of MODULES) {
    const created = await api.expect(201, 'training', 'POST', '/api/v1/training/modules', trainer, {
      moduleCode,
      topic,
      title: `${topic} for virtual visits`,
      passMarkPercent: 80,
      maxAttempts: 3,
    });
    moduleIds.push(created.moduleId);
  }
  const certifications = new Map<string, readonly { certificationId: string; kind: string }[]>();
  const team = system.clinics[0]!;
  for (const provider of system.providers) {
    const staff = `/api/v1/training/staff/${provider.id}`;
    await api.expect(201, 'training', 'POST', `${staff}/enrolment`, trainer, {
      role: 'provider',
      teamId: team,
    });
    let last: any;
    for (const moduleId of moduleIds) {
      last = await api.expect(201, 'training', 'POST', `${staff}/completions`, trainer, {
        moduleId,
        scorePercent: 90,
        completedAt: new Date().toISOString(),
        evidenceRef: `lms://attempts/${moduleId}`,
      });
    }
    if (last.credential.status !== 'current')
      throw new Error(`provider ${provider.id} not credentialed: ${JSON.stringify(last)}`);
    certifications.set(provider.id, last.certifications);
  }
  return certifications;
}

/** A trainer revokes a provider's HIPAA certification: the credential lapses. */
export async function revokeHipaa(
  api: PlatformApi,
  system: HealthSystem,
  providerId: string,
  certifications: readonly { certificationId: string; kind: string }[],
): Promise<void> {
  const hipaa = certifications.find((c) => c.kind === 'hipaa');
  if (!hipaa) throw new Error('provider has no HIPAA certification to revoke');
  await api.expect(
    200,
    'training',
    'POST',
    `/api/v1/training/staff/${providerId}/certifications/${hipaa.certificationId}/revocation`,
    { role: 'trainer', sub: system.trainer },
    { reason: 'evidence-invalid' },
  );
}
