/** The sessions service's platform status, as its API answers it. */
export interface PlatformStatus {
  readonly status: 'operational' | 'incident';
  readonly incident?: {
    readonly incidentId: string;
    readonly raisedAt: string;
    readonly lastSignalAt: string;
    readonly affectedSessionCount: number;
  };
  readonly signalsInWindow: number;
  readonly threshold: number;
  readonly windowSeconds: number;
  readonly affectedUpcomingVisits: readonly {
    readonly sessionId: string;
    readonly appointmentId: string;
    readonly providerId: string;
    readonly scheduledStart: string;
  }[];
}

/** What the status means for the coordinator's work, and what to do, in plain words. */
export function meaningOf(status: PlatformStatus): { headline: string; advice: string[] } {
  const minutes = Math.round(status.windowSeconds / 60);
  if (status.status === 'operational')
    return {
      headline: 'Video visits are working normally.',
      advice: [
        `${status.signalsInWindow} ${status.signalsInWindow === 1 ? 'failed join, drop or technical issue' : 'failed joins, drops or technical issues'} in the last ${minutes} min; an incident is raised at ${status.threshold}.`,
        'Help patients one by one from the issue queue.',
      ],
    };
  const affected = status.incident?.affectedSessionCount ?? 0;
  const upcoming = status.affectedUpcomingVisits.length;
  return {
    headline: 'Video visits are failing across the platform.',
    advice: [
      `${affected} ${affected === 1 ? 'visit has' : 'visits have'} had failed joins, drops or issues since the incident began; it is not one patient's device.`,
      upcoming === 0
        ? 'No visit of your clinics starts in the next hours.'
        : `Call ahead the ${upcoming} ${upcoming === 1 ? 'visit' : 'visits'} below: offer audio only or a phone call, or move them.`,
      'The incident closes by itself once the platform has been quiet for a while.',
    ],
  };
}
