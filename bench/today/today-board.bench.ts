import { randomUUID } from 'node:crypto';
import mongoose from 'mongoose';
import { TelehealthConsents } from '../../services/sessions/src/visits/infrastructure/telehealth-consents.projection';
import { ClinicNames } from '../../services/sessions/src/visits/infrastructure/clinic-names.projection';
import { ProviderQualifications } from '../../services/sessions/src/visits/infrastructure/provider-qualifications.projection';
import {
  SessionViewDocument,
  SessionViews,
} from '../../services/sessions/src/visits/infrastructure/session-views.projection';
import { TodayBoard } from '../../services/sessions/src/visits/today/today-board.query';

const CLINICS = 30;
const PROVIDERS_PER_CLINIC = 12;
/** Visits of the board's day in each clinic, whatever the history holds. */
const VISITS_TODAY_PER_CLINIC = 40;
const HISTORY_DAYS = 3 * 365;
const BATCH = 2_000;

export interface TodayBenchOptions {
  readonly mongoUrl: string;
  readonly history: number;
  readonly reads: number;
  readonly report: (line: string) => void;
}

/** The element at `index` of a list built above, which always has it. */
function at<T>(list: readonly T[], index: number): T {
  const item = list[index];
  if (item === undefined) throw new Error(`no element ${index}`);
  return item;
}

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

/**
 * The coordinator's Today board read as sessions runs it (TodayBoard on the real read models),
 * over `history` stored session views spread across three years of 30 clinics, against a raw
 * driver read by `_id` of the same collection in the same run. The board's day holds the same
 * 80 visits at every size, so what grows with the history shows as growth in the board's time.
 */
export async function benchTodayBoard(options: TodayBenchOptions): Promise<void> {
  const { history, reads, report } = options;
  const connection = await mongoose
    .createConnection(options.mongoUrl, { dbName: `bench_today_${randomUUID().slice(0, 8)}` })
    .asPromise();
  try {
    const views = new SessionViews(connection);
    await views.onModuleInit();
    const clinics = Array.from({ length: CLINICS }, () => randomUUID());
    const providers = clinics.map(() =>
      Array.from({ length: PROVIDERS_PER_CLINIC }, () => randomUUID()),
    );
    const day = new Date();
    day.setUTCHours(0, 0, 0, 0);
    const today = CLINICS * VISITS_TODAY_PER_CLINIC;
    const started = Date.now();
    const ids: string[] = [];
    for (let offset = 0; offset < history + today; offset += BATCH) {
      const batch: SessionViewDocument[] = [];
      for (let i = offset; i < Math.min(offset + BATCH, history + today); i++) {
        const clinic = i % CLINICS;
        // The first `today` documents are the board's day; the rest spread over the past years.
        const startsAt =
          i < today
            ? new Date(day.getTime() + (8 * 60 + (i % VISITS_TODAY_PER_CLINIC) * 15) * 60_000)
            : new Date(day.getTime() - (1 + (i % HISTORY_DAYS)) * 86_400_000 + (i % 40) * 900_000);
        batch.push(
          sessionView(
            at(clinics, clinic),
            at(at(providers, clinic), i % PROVIDERS_PER_CLINIC),
            startsAt,
          ),
        );
      }
      ids.push(at(batch, 0)._id);
      await views.collection.insertMany(batch, { ordered: false });
    }
    report(
      `  stored ${(history + today).toLocaleString('en-US')} session views in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    const board = new TodayBoard(
      views,
      new TelehealthConsents(connection),
      new ProviderQualifications(connection),
      new ClinicNames(connection),
    );
    const range = { from: day, to: new Date(day.getTime() + 86_400_000) };
    const scope = { kind: 'clinics', clinicIds: [at(clinics, 0), at(clinics, 1)] } as const;
    const baseline: number[] = [];
    const boards: number[] = [];
    let shown = 0;
    for (let i = 0; i < reads; i++) {
      const t0 = performance.now();
      await views.collection.findOne({ _id: at(ids, i % ids.length) });
      baseline.push(performance.now() - t0);
      const t1 = performance.now();
      shown = (await board.read(scope, range, undefined, new Date())).visits.length;
      boards.push(performance.now() - t1);
    }
    baseline.sort((a, b) => a - b);
    boards.sort((a, b) => a - b);
    const [b50, b99, t50, t99] = [
      percentile(baseline, 50),
      percentile(baseline, 99),
      percentile(boards, 50),
      percentile(boards, 99),
    ];
    report(`  raw driver findOne by _id:       p50 ${b50.toFixed(2)} ms, p99 ${b99.toFixed(2)} ms`);
    report(
      `  Today board (2 clinics, ${shown} visits): p50 ${t50.toFixed(2)} ms, p99 ${t99.toFixed(2)} ms = ${(t50 / b50).toFixed(1)}x / ${(t99 / b99).toFixed(1)}x the raw read`,
    );
  } finally {
    await connection.dropDatabase().catch(() => undefined);
    await connection.close();
  }
}

function sessionView(clinicId: string, providerId: string, startsAt: Date): SessionViewDocument {
  const sessionId = randomUUID();
  const patientId = randomUUID();
  const end = new Date(startsAt.getTime() + 30 * 60_000);
  const past = startsAt.getTime() < Date.now() - 86_400_000;
  return {
    _id: sessionId,
    version: past ? 6 : 1,
    startsAt,
    status: past ? 'ended' : 'scheduled',
    sessionId,
    appointmentId: randomUUID(),
    patientId,
    providerId,
    clinicId,
    visitType: 'video',
    scheduledStart: startsAt.toISOString(),
    scheduledEnd: end.toISOString(),
    participants: [
      { participantId: patientId, role: 'patient' },
      { participantId: providerId, role: 'provider' },
    ],
    links: [],
    presence: {},
    quality: {},
    issues: [],
    surveyed: past,
    ...(past ? { endedAt: end.toISOString(), outcome: 'completed' } : {}),
  } as unknown as SessionViewDocument;
}
