/** What the coordinator asks for: who, where, what kind of visit, when, and an interpreter. */
export interface BookingCriteria {
  readonly patientId: string;
  /** Where the patient will be (USPS code): the provider must be licensed there. */
  readonly patientState: string;
  readonly visitType: 'video' | 'audio';
  readonly clinicId: string;
  /** Empty: every provider of the clinic. */
  readonly providerId: string;
  /** Local dates (YYYY-MM-DD), both included. */
  readonly fromDate: string;
  readonly toDate: string;
  readonly interpreter: InterpreterRequest;
}

export type InterpreterRequest =
  | { readonly needed: false }
  | { readonly needed: true; readonly language: string; readonly mode: 'pool' | 'on-demand' };

export interface Slot {
  readonly providerId: string;
  readonly visitType: string;
  readonly start: string;
  readonly end: string;
  readonly localStart: string;
  readonly localEnd: string;
  readonly timeZone: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LANGUAGE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$/;
const DAY_MS = 86_400_000;

/** What is wrong with the criteria, by field, before anything is asked of the services. */
export function criteriaProblems(
  c: BookingCriteria,
): Partial<Record<keyof BookingCriteria, string>> {
  const problems: Partial<Record<keyof BookingCriteria, string>> = {};
  if (!UUID.test(c.patientId.trim())) problems.patientId = 'Patient id must be a UUID.';
  if (!/^[A-Z]{2}$/.test(c.patientState))
    problems.patientState = "Patient's state must be a two-letter code, such as NY.";
  if (!c.clinicId) problems.clinicId = 'Choose a clinic.';
  if (!c.fromDate || !c.toDate) problems.fromDate = 'Choose the first and last day.';
  else if (c.toDate < c.fromDate) problems.toDate = 'The last day must not be before the first.';
  else if ((Date.parse(c.toDate) - Date.parse(c.fromDate)) / DAY_MS > 30)
    problems.toDate = 'Search at most 31 days at once.';
  if (c.interpreter.needed && !LANGUAGE.test(c.interpreter.language))
    problems.interpreter = 'Language must be a language code, such as es.';
  return problems;
}

/** The start of a calendar day (YYYY-MM-DD) on the browser's clock, `plus` days later. */
export function localDay(date: string, plus = 0): Date {
  const [y = 1970, m = 1, d = 1] = date.split('-').map(Number);
  return new Date(y, m - 1, d + plus);
}

/** The slot search of the criteria: one provider's, or the whole clinic's. */
export function slotSearchPath(c: BookingCriteria, timeZone: string): string {
  const from = localDay(c.fromDate);
  const to = localDay(c.toDate, 1);
  const query = new URLSearchParams({
    from: from.toISOString(),
    to: to.toISOString(),
    timeZone,
    visitType: c.visitType,
  });
  return c.providerId
    ? `/api/v1/providers/${c.providerId}/slots?${query}`
    : `/api/v1/clinics/${c.clinicId}/slots?${query}`;
}

/** Slots not yet started, at most `limit`, grouped by the clinic's calendar day. */
export function slotsByDay(
  slots: readonly Slot[],
  now: Date,
  limit: number,
): { day: string; slots: Slot[] }[] {
  const days = new Map<string, Slot[]>();
  for (const slot of slots.filter((s) => Date.parse(s.start) > now.getTime()).slice(0, limit)) {
    const day = slot.localStart.slice(0, 10);
    days.set(day, [...(days.get(day) ?? []), slot]);
  }
  return [...days].map(([day, list]) => ({ day, slots: list }));
}

/**
 * The slots of providers: a clinic's search lists every schedule of the clinic, and an
 * interpreter's hours are a schedule too. A staff member the directory does not list in the
 * clinic is kept (their schedule is there), one listed without the provider function is not.
 */
export function providerSlots(
  slots: readonly Slot[],
  staff: readonly { staffId: string; functions: readonly string[] }[],
): Slot[] {
  const notProviders = new Set(
    staff.filter((s) => !s.functions.includes('provider')).map((s) => s.staffId),
  );
  return slots.filter((slot) => !notProviders.has(slot.providerId));
}

/** The booking API's body for a slot. */
export function bookingBody(c: BookingCriteria, slot: Slot, clinicTimeZone: string) {
  return {
    patientId: c.patientId.trim(),
    clinicId: c.clinicId,
    visitType: c.visitType,
    providerId: slot.providerId,
    start: slot.start,
    end: slot.end,
    timeZone: clinicTimeZone,
    patientLocation: { state: c.patientState },
    ...(c.interpreter.needed
      ? {
          interpreter: {
            language: c.interpreter.language,
            ...(c.interpreter.mode === 'on-demand' ? { onDemand: true } : {}),
          },
        }
      : {}),
  };
}

/** The reschedule API's body: the new slot, the patient where they said at booking. */
export function moveBody(slot: Slot, clinicTimeZone: string) {
  return {
    providerId: slot.providerId,
    start: slot.start,
    end: slot.end,
    timeZone: clinicTimeZone,
  };
}

/** A refusal as the coordinator reads it: what the service said, and what kind of no it is. */
export function refusalText(status: number, detail: string, fields: readonly string[]): string {
  const why = [detail, ...fields].filter(Boolean).join(' ');
  if (status === 409) return `Not booked: the time is no longer free or not allowed. ${why}`;
  if (status === 422) return `Not booked: the slot breaks a scheduling rule. ${why}`;
  if (status === 403) return `Not allowed: ${why}`;
  if (status === 400) return `Check the form: ${why}`;
  return why || `The service answered ${status}.`;
}
