/** The six services as processes: their names, default ports and built entry points. */
export const PLATFORM_SERVICES = [
  'scheduling',
  'sessions',
  'training',
  'compliance-audit',
  'analytics',
  'notifications',
] as const;

export type PlatformService = (typeof PLATFORM_SERVICES)[number];

/** The port each service listens on when PORT is not set (its service.identity.ts). */
export const DEFAULT_PORTS = {
  scheduling: 3001,
  sessions: 3002,
  training: 3003,
  'compliance-audit': 3004,
  analytics: 3005,
  notifications: 3006,
} as const satisfies Record<PlatformService, number>;

/** The compiled entry point `nx build` writes for a service (see each project's tsconfig.build.json). */
export function builtEntryPoint(service: PlatformService): string {
  return `dist/services/${service}/services/${service}/src/main.js`;
}
