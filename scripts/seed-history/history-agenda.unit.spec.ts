import { DAY_MS, HistoryAgenda, Timeline } from './history-agenda';

describe('Timeline', () => {
  test('runs actions in time order, same-time actions in the order planned, and drops the end', () => {
    const ran: string[] = [];
    const timeline = new Timeline(100);
    timeline.at(50, () => ran.push('b'));
    timeline.at(10, () => {
      ran.push('a');
      timeline.at(50, () => ran.push('c'));
      timeline.at(100, () => ran.push('at the end'));
    });
    timeline.run();
    expect(ran).toEqual(['a', 'b', 'c']);
  });
});

describe('HistoryAgenda', () => {
  const event = { id: 'e', type: 't', data: {}, metadata: {} };

  test("gives a day's appends in time order and refuses what falls on a day already taken", () => {
    const agenda = new HistoryAgenda(0, 3 * DAY_MS);
    agenda.add('sessions', 's-1', DAY_MS + 20, [event]);
    agenda.add('scheduling', 'a-1', DAY_MS + 10, [event, event]);
    expect(agenda.take(1).map((a) => a.streamId)).toEqual(['a-1', 's-1']);
    expect(agenda.planned).toBe(3);
    expect(() => agenda.add('sessions', 's-1', DAY_MS + 30, [event])).toThrow(RangeError);
    expect(() => agenda.add('sessions', 's-1', 3 * DAY_MS, [event])).toThrow(RangeError);
  });
});
