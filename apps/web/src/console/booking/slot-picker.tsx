import { useState } from 'react';
import { localDay, Slot, slotsByDay } from './booking-request';

const PAGE = 24;

/** The free slots found, by day, with the provider of each; one is chosen to book or move to. */
export function SlotPicker({
  slots,
  providerName,
  chosen,
  onChoose,
}: {
  slots: readonly Slot[];
  providerName: (providerId: string) => string;
  chosen?: Slot;
  onChoose: (slot: Slot) => void;
}) {
  const [limit, setLimit] = useState(PAGE);
  const days = slotsByDay(slots, new Date(), limit);
  const shown = days.reduce((n, d) => n + d.slots.length, 0);
  if (shown === 0) return <p>No free slot in these days. Try other days or another provider.</p>;
  const key = (s: Slot) => `${s.providerId}|${s.start}`;
  return (
    <fieldset>
      <legend>Free slots</legend>
      {days.map(({ day, slots: ofDay }) => (
        <div key={day}>
          <h3>{dayName(day)}</h3>
          <ul className="slot-list">
            {ofDay.map((s) => (
              <li key={key(s)}>
                <label>
                  <input
                    type="radio"
                    name="slot"
                    checked={chosen !== undefined && key(chosen) === key(s)}
                    onChange={() => onChoose(s)}
                  />
                  {s.localStart.slice(11, 16)} · {providerName(s.providerId)}
                </label>
              </li>
            ))}
          </ul>
        </div>
      ))}
      {shown < slots.length && (
        <button type="button" onClick={() => setLimit(limit + PAGE)}>
          Show more slots
        </button>
      )}
    </fieldset>
  );
}

/** "Monday 9 March" for "2026-03-09", the clinic's calendar day. */
function dayName(day: string): string {
  return new Intl.DateTimeFormat(undefined, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
  }).format(localDay(day));
}
