import { trainingSettingsFromEnv } from './training.settings';

const from = (env: Record<string, string>) => trainingSettingsFromEnv((name) => env[name]);

describe('training settings from the environment', () => {
  it('defaults to a check a minute, warnings at 30 and 7 days, 30 days to complete', () =>
    expect(from({})).toEqual({
      expiryCheckIntervalMs: 60_000,
      warningLeadDays: [30, 7],
      assignmentDueDays: 30,
    }));

  it('reads lead times in any order, once each', () =>
    expect(from({ TRAINING_EXPIRY_WARNING_DAYS: '7, 60,7' }).warningLeadDays).toEqual([60, 7]));

  it.each([
    ['TRAINING_EXPIRY_WARNING_DAYS', 'soon'],
    ['TRAINING_EXPIRY_CHECK_INTERVAL_MS', '-1'],
    ['TRAINING_ASSIGNMENT_DUE_DAYS', '0'],
  ])('refuses %s=%s naming the variable', (name, value) =>
    expect(() => from({ [name]: value })).toThrow(name),
  );
});
