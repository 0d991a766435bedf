// Whole-platform suites: the five services run as built processes against the real
// infrastructure. `npm run test:e2e` plays a day of a telehealth program; `npm run test:faults`
// plays it again while injecting faults. Both need `nx build` output (built on demand).
const preset = require('./jest.preset');

const platformSuite = (displayName, pattern) => ({
  ...preset,
  displayName,
  testMatch: [`<rootDir>/tests/e2e/**/*.${pattern}.spec.ts`],
  globalSetup: '<rootDir>/libs/testing/src/jest/global-setup.ts',
  globalTeardown: '<rootDir>/libs/testing/src/jest/global-teardown.ts',
  setupFilesAfterEnv: ['<rootDir>/tests/e2e/src/e2e-setup.ts'],
});

module.exports = {
  // A worker that holds more than this after a test file is replaced by a fresh one: each file
  // starts Nest apps, Kafka clients and Mongo pools, and what they leave behind added up to the
  // 4 GB heap limit over a whole run.
  workerIdleMemoryLimit: '1.5GB',
  projects: [platformSuite('e2e', 'e2e'), platformSuite('faults', 'faults')],
};
