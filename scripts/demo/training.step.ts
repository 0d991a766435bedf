import type { DemoClient } from './demo-client';
import { detailOf } from './demo-client';
import { demoFraction } from './demo-ids';
import { inPool, log, progress, Tally } from './demo-progress';
import type { Roster, StaffMember } from './demo-roster';

const DAY_MS = 86_400_000;

interface ModuleVersion {
  moduleId: string;
  moduleCode: string;
  topic: string;
  passMarkPercent: number;
  maxAttempts: number;
}
interface StaffStatus {
  credential: { status: string; validUntil?: string };
  assignments: { moduleId: string; status: string }[];
  certifications: { certificationId: string; kind: string; status: string }[];
}

const CATALOG = [
  {
    moduleCode: 'HIPAA-PRIVACY-SECURITY',
    topic: 'hipaa',
    title: 'HIPAA privacy and security for virtual visits',
    passMarkPercent: 80,
    maxAttempts: 3,
  },
  {
    moduleCode: 'PLATFORM-USE',
    topic: 'platform-use',
    title: 'Using the virtual visit platform',
    passMarkPercent: 75,
    maxAttempts: 3,
  },
  {
    moduleCode: 'TELEHEALTH-ETIQUETTE',
    topic: 'telehealth-etiquette',
    title: 'Telehealth etiquette and webside manner',
    passMarkPercent: 70,
    maxAttempts: 3,
  },
  {
    moduleCode: 'TROUBLESHOOTING',
    topic: 'troubleshooting',
    title: 'Troubleshooting audio, video and connections',
    passMarkPercent: 70,
    maxAttempts: 3,
  },
  {
    moduleCode: 'EMERGENCY-PROTOCOL',
    topic: 'emergency-protocol',
    title: 'Emergency protocol during a virtual visit',
    passMarkPercent: 85,
    maxAttempts: 2,
  },
] as const;

/**
 * About the requests of one staff record: read, enrol, a completion per module (about one in
 * eight twice, so one more), and a coordinator's outside certification or a revocation.
 */
const weight = (member: StaffMember) =>
  3 +
  CATALOG.length +
  (member.role === 'coordinator' ? 1 : 0) +
  (member.training === 'revoked' ? 1 : 0);

/** The catalog (a read and a write per module), then every staff record. */
export function plannedTraining(roster: Roster): number {
  return 1 + CATALOG.length + roster.staff.reduce((n, member) => n + weight(member), 0);
}

const TRAINER = { role: 'trainer' as const, subject: '' };
const iso = (epochMs: number) => new Date(epochMs).toISOString();

/**
 * The module catalog, then every staff member's enrolment, completions (a few failed first
 * attempts), outside CTC certifications of coordinators, and the exceptions the roster asks
 * for: HIPAA passed almost a year ago (expiring soon), a revoked certification (lapsed), or a
 * module never passed (no credential). Re-runs read the record first and add only what is missing.
 */
export async function seedTraining(
  client: DemoClient,
  roster: Roster,
  tally: Tally,
  trainerId: string,
  concurrency: number,
): Promise<void> {
  const as = { ...TRAINER, subject: trainerId };
  const listed = await client.call<ModuleVersion[]>(
    'training',
    as,
    'GET',
    '/api/v1/training/modules',
  );
  if (listed.status !== 200) throw new Error(`training: GET /modules answered ${listed.status}`);
  const modules = new Map(listed.body.map((m) => [m.topic, m]));
  for (const entry of CATALOG) {
    if (modules.has(entry.topic)) {
      tally.add('training module', 'existing');
      continue;
    }
    const created = await client.call<ModuleVersion>(
      'training',
      as,
      'POST',
      '/api/v1/training/modules',
      entry,
    );
    if (created.status !== 201) {
      tally.add('training module', 'failed', `${created.status} ${detailOf(created)}`);
      continue;
    }
    modules.set(entry.topic, created.body);
    tally.add('training module', 'created');
  }

  progress.tick(1 + CATALOG.length);
  const now = Date.now();
  await inPool('training records', roster.staff, { limit: concurrency, weight }, async (member) => {
    const path = `/api/v1/training/staff/${member.id}`;
    let record = await client.call<StaffStatus>('training', as, 'GET', path);
    if (record.status === 404) {
      const enrolled = await client.call<StaffStatus>('training', as, 'POST', `${path}/enrolment`, {
        role: member.role,
        teamId: member.clinicId,
        dueAt: iso(now + 21 * DAY_MS),
      });
      if (enrolled.status !== 201) {
        tally.add('staff enrolment', 'failed', `${enrolled.status} ${detailOf(enrolled)}`);
        return;
      }
      tally.add('staff enrolment', 'created');
      record = enrolled;
    } else if (record.status === 200) {
      tally.add('staff enrolment', 'existing');
    } else {
      tally.add('staff enrolment', 'failed', `${record.status} ${detailOf(record)}`);
      return;
    }
    const status = await completeModules(client, as, member, record.body, modules, tally, now);
    if (member.role === 'coordinator') await recordCtc(client, as, member, status, tally, now);
    if (member.training === 'revoked') await revokeHipaa(client, as, member, status, tally);
  });
  log(`training: ${tally.created('module completion')} completions recorded`);
}

async function completeModules(
  client: DemoClient,
  as: { role: 'trainer'; subject: string },
  member: StaffMember,
  record: StaffStatus,
  modules: Map<string, ModuleVersion>,
  tally: Tally,
  now: number,
): Promise<StaffStatus> {
  let current = record;
  const passed = new Set(
    record.assignments.filter((a) => a.status === 'completed').map((a) => a.moduleId),
  );
  for (const module of modules.values()) {
    const assigned = record.assignments.some((a) => a.moduleId === module.moduleId);
    if (!assigned) continue;
    if (passed.has(module.moduleId)) {
      tally.add('module completion', 'existing');
      continue;
    }
    if (member.training === 'incomplete' && module.topic === 'emergency-protocol') {
      tally.add('module completion', 'skipped');
      continue;
    }
    // Passed weeks ago; HIPAA almost a year ago for those about to expire (yearly renewal).
    const daysAgo =
      member.training === 'expiring' && module.topic === 'hipaa'
        ? 357
        : 10 + Math.floor(demoFraction(0, `${member.id}:${module.moduleId}`) * 150);
    const completedAt = iso(now - daysAgo * 86_400_000);
    const firstTryFails =
      module.maxAttempts > 1 && demoFraction(1, `${member.id}:${module.moduleId}`) < 0.12;
    const scores = firstTryFails
      ? [module.passMarkPercent - 12, Math.min(100, module.passMarkPercent + 8)]
      : [
          Math.min(
            100,
            module.passMarkPercent +
              5 +
              Math.floor(demoFraction(2, `${member.id}:${module.moduleId}`) * 20),
          ),
        ];
    for (const scorePercent of scores) {
      const reply = await client.call<StaffStatus>(
        'training',
        as,
        'POST',
        `/api/v1/training/staff/${member.id}/completions`,
        {
          moduleId: module.moduleId,
          scorePercent,
          completedAt,
          evidenceRef: `lms://attempts/${member.id.slice(0, 8)}-${module.moduleCode.toLowerCase()}-${scorePercent}`,
        },
      );
      if (reply.status !== 201) {
        tally.add('module completion', 'failed', `${reply.status} ${detailOf(reply)}`);
        break;
      }
      tally.add('module completion', 'created');
      current = reply.body;
    }
  }
  return current;
}

async function recordCtc(
  client: DemoClient,
  as: { role: 'trainer'; subject: string },
  member: StaffMember,
  record: StaffStatus,
  tally: Tally,
  now: number,
): Promise<void> {
  if (record.certifications.some((c) => c.kind === 'ctc')) {
    tally.add('outside certification', 'existing');
    return;
  }
  const expiresInDays = member.training === 'expiring' ? 12 : 400;
  const reply = await client.call(
    'training',
    as,
    'POST',
    `/api/v1/training/staff/${member.id}/certifications`,
    {
      kind: 'ctc',
      issuer: 'Telehealth Certification Institute',
      issuedAt: iso(now - (730 - expiresInDays) * DAY_MS),
      expiresAt: iso(now + expiresInDays * DAY_MS),
      evidenceRef: `https://certificates.example.org/ctc/${member.id.slice(0, 8)}`,
    },
  );
  tally.add(
    'outside certification',
    reply.status === 201 ? 'created' : 'failed',
    `${reply.status} ${detailOf(reply)}`,
  );
}

async function revokeHipaa(
  client: DemoClient,
  as: { role: 'trainer'; subject: string },
  member: StaffMember,
  record: StaffStatus,
  tally: Tally,
): Promise<void> {
  const hipaa = record.certifications.find((c) => c.kind === 'hipaa');
  if (!hipaa || hipaa.status === 'revoked') {
    tally.add('certification revoked', hipaa ? 'existing' : 'skipped');
    return;
  }
  const reply = await client.call(
    'training',
    as,
    'POST',
    `/api/v1/training/staff/${member.id}/certifications/${hipaa.certificationId}/revocation`,
    { reason: 'administrative' },
  );
  tally.add(
    'certification revoked',
    reply.status === 200 ? 'created' : reply.status === 409 ? 'existing' : 'failed',
    `${reply.status} ${detailOf(reply)}`,
  );
}
