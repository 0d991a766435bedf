import { PLAYBOOK, playbookFor } from './playbook.data';

const CATEGORIES = ['audio', 'video', 'connection', 'join-link', 'device', 'other'] as const;
const DEVICES = ['desktop', 'mobile', 'tablet'] as const;

describe('the troubleshooting playbook', () => {
  it('has steps for every category and device, each in English and Spanish', () => {
    for (const category of CATEGORIES)
      for (const device of DEVICES) {
        const steps = PLAYBOOK[category](device);
        expect(steps.length).toBeGreaterThanOrEqual(3);
        for (const step of steps) {
          expect(step.text.en.length).toBeGreaterThan(10);
          expect(step.text.es.length).toBeGreaterThan(10);
          expect(step.text.es).not.toBe(step.text.en);
        }
      }
  });

  it('tells a phone user to use Settings, and a computer user the address bar, for permissions', () => {
    expect(playbookFor('video', 'mobile', 'es')[0]?.text).toContain('Ajustes');
    expect(playbookFor('video', 'desktop', 'en')[0]).toEqual({
      step: 'grant-permissions',
      text: expect.stringContaining('address bar'),
    });
  });
});
