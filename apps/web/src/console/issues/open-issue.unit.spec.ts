import { assigneeText, openedAgo, resolution, triggerText } from './open-issue';

describe('an issue of the queue', () => {
  it('records the steps tried in the playbook order', () => {
    const playbook = [
      { step: 'grant-permissions', text: 'Allow the camera.' },
      { step: 'reload-page', text: 'Reload.' },
      { step: 'audio-only', text: 'Audio only.' },
    ];
    expect(resolution('fixed', new Set(['audio-only', 'grant-permissions']), playbook)).toEqual({
      outcome: 'fixed',
      steps: ['grant-permissions', 'audio-only'],
    });
  });

  it('says who has it and for how long it is open', () => {
    expect(assigneeText(undefined, 'me')).toBe('Not assigned');
    expect(assigneeText('me', 'me')).toBe('Assigned to you');
    expect(assigneeText('other', 'me')).toBe('Assigned to a colleague');
    const now = new Date('2026-03-09T10:30:00Z');
    expect(openedAgo('2026-03-09T10:29:40Z', now)).toBe('opened just now');
    expect(openedAgo('2026-03-09T10:18:00Z', now)).toBe('opened 12 min ago');
    expect(openedAgo('2026-03-09T06:00:00Z', now)).toBe('opened 4 h ago');
    expect(triggerText('pre-visit-check')).toBe('from a failed device check');
  });
});
