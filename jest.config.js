// Test tiers follow the file name: *.unit.spec.ts needs nothing running;
// *.int.spec.ts talks to a real Kafka broker and a real MongoDB-wire server, which the
// integration project's global setup provides (see libs/testing).
const preset = require('./jest.preset');

module.exports = {
  // A worker that holds more than this after a test file is replaced by a fresh one: each file
  // starts Nest apps, Kafka clients and Mongo pools, and what they leave behind added up to the
  // 4 GB heap limit over a whole run.
  workerIdleMemoryLimit: '1.5GB',
  projects: [
    {
      ...preset,
      displayName: 'unit',
      testMatch: ['<rootDir>/{apps,services,libs,infra,k8s,scripts,tests}/**/*.unit.spec.ts'],
    },
    {
      ...preset,
      displayName: 'integration',
      testMatch: ['<rootDir>/{apps,services,libs,tests,infra}/**/*.int.spec.ts'],
      globalSetup: '<rootDir>/libs/testing/src/jest/global-setup.ts',
      globalTeardown: '<rootDir>/libs/testing/src/jest/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/libs/testing/src/jest/integration-setup.ts'],
    },
  ],
};
