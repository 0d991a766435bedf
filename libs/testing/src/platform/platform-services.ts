/** The five services as processes: their names, default ports and built entry points. */
export const PLATFORM_SERVICES = [
  'scheduling',
  'sessions',
  'training',
  'compliance-audit',
  'analytics',
] as const;

export type PlatformService = (typeof PLATFORM_SERVICES)[number];

/** The compiled entry point `nx build` writes for a service (see each project's tsconfig.build.json). */
export function builtEntryPoint(service: PlatformService): string {
  return `dist/services/${service}/services/${service}/src/main.js`;
}
