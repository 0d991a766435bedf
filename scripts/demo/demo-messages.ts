// Where the demo's messages to patients are, for `npm start`'s summary once the demo is loaded.
// Run alone it prints the same lines (MAILPIT_URL: the Mailpit web UI, else e-mail goes to
// NOTIFICATIONS_SMTP_URL; THC_DEMO_SEED and THC_DEMO_PATIENTS as the seed was run):
//   node -r @swc-node/register -r tsconfig-paths/register scripts/demo/demo-messages.ts
import {
  CONTACT_DAYS,
  contactPlan,
  DEMO_EMAIL_DOMAIN,
  lastContactsOutcome,
  type ContactsOutcome,
} from './contacts.step';
import { DEFAULT_DEMO_SEED } from './demo-ids';
import { buildRoster, PATIENT_COUNT } from './demo-roster';

/** The host an SMTP URL names, without its credentials. */
const hostOf = (url: string) => {
  try {
    return new URL(url).host;
  } catch {
    return 'the SMTP server in NOTIFICATIONS_SMTP_URL';
  }
};

/** How many messages Mailpit holds for the demo's patients, or why it cannot say. */
async function inMailpit(mailpit: string): Promise<string> {
  try {
    const query = encodeURIComponent(`to:${DEMO_EMAIL_DOMAIN}`);
    const reply = await fetch(new URL(`api/v1/search?query=${query}&limit=1`, mailpit), {
      signal: AbortSignal.timeout(10_000),
    });
    if (!reply.ok) return `Mailpit answered ${reply.status}`;
    const { messages_count: count } = (await reply.json()) as { messages_count: number };
    return `${count.toLocaleString('en-US')} messages to them so far`;
  } catch (error) {
    return `Mailpit did not answer (${(error as Error).message})`;
  }
}

/** How many patients have contact points, as the seed's last run recorded them. */
function have(planned: number, patients: string, outcome: ContactsOutcome | undefined): string {
  if (!outcome) return `Contact points planned for ${planned} of the ${patients} patients`;
  const missing = planned - outcome.recorded;
  return (
    `${outcome.recorded} of the ${patients} patients have contact points` +
    (missing > 0 ? ` (${missing} more planned, not recorded: see the seed's table)` : '')
  );
}

/** The reminder offsets as scheduling reads them (SCHEDULING_REMINDER_OFFSETS_MINUTES), worded. */
function reminderOffsets(env: NodeJS.ProcessEnv): string {
  const minutes = (env['SCHEDULING_REMINDER_OFFSETS_MINUTES'] ?? '1440,60')
    .split(',')
    .map(Number)
    .sort((a, b) => b - a);
  const worded = minutes.map((m) =>
    m % 1440 === 0 ? `${m / 1440} d` : m % 60 === 0 ? `${m / 60} h` : `${m} min`,
  );
  return worded.join(' and ');
}

export async function demoMessages(env: NodeJS.ProcessEnv = process.env): Promise<string[]> {
  const seed = Number(env['THC_DEMO_SEED'] ?? DEFAULT_DEMO_SEED);
  const patients = Number(env['THC_DEMO_PATIENTS'] ?? PATIENT_COUNT);
  const plan = contactPlan(buildRoster(seed, patients)).map((p) => p.preferences);
  const outcome = lastContactsOutcome(seed, patients);
  const asPlanned = outcome?.recorded === plan.length ? '' : 'as planned: ';
  const count = (test: (p: (typeof plan)[number]) => boolean) => plan.filter(test).length;
  const mailpit = env['MAILPIT_URL'];
  const sms =
    env['NOTIFICATIONS_SMS_PROVIDER'] === 'twilio' ? 'through Twilio' : 'no gateway here: not sent';
  return [
    ...(mailpit
      ? [
          `Messages to the demo's patients: e-mail, in Mailpit ${mailpit}`,
          `  as JSON: ${new URL(`api/v1/search?query=to:${DEMO_EMAIL_DOMAIN}`, mailpit).href}`,
        ]
      : [
          `Messages to the demo's patients: e-mail, sent to ${hostOf(env['NOTIFICATIONS_SMTP_URL'] ?? '')}`,
        ]),
    `  ${have(plan.length, patients.toLocaleString('en-US'), outcome)}: ` +
      `those seen today or in the next ${CONTACT_DAYS - 1} days, patient-<n>@${DEMO_EMAIL_DOMAIN}`,
    `  ${asPlanned}${count((p) => p.preferredLanguage === 'es')} read Spanish, ${count((p) => !!p.quietHours)} have quiet hours, ` +
      `${count((p) => p.consent.bySms)} also take SMS (${sms})`,
    `  ${mailpit ? await inMailpit(mailpit) : 'Sent'}: booking confirmations at once, reminders ` +
      `${reminderOffsets(env)} before a visit, join links ${env['NOTIFICATIONS_JOIN_LINK_LEAD_MINUTES'] ?? 15} min before`,
  ];
}

if (require.main === module)
  demoMessages().then(
    (lines) => process.stdout.write(`${lines.join('\n')}\n`),
    (error: unknown) => {
      process.stderr.write(`${(error as Error).message}\n`);
      process.exit(1);
    },
  );
