// Test tiers follow the file name: *.unit.spec.ts needs nothing running;
// *.int.spec.ts talks to a real Kafka broker and a real MongoDB-wire server, which the
// integration project's global setup provides (see libs/testing).
const preset = require('./jest.preset');

module.exports = {
  projects: [
    {
      ...preset,
      displayName: 'unit',
      testMatch: ['<rootDir>/{apps,services,libs,infra,k8s,scripts}/**/*.unit.spec.ts'],
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
