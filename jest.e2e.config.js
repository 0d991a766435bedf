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
  projects: [platformSuite('e2e', 'e2e'), platformSuite('faults', 'faults')],
};
