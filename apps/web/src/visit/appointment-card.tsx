import { appointmentWhen, browserTimeZone } from './appointment-time';
import type { Visit } from './visit-api';
import type { VisitLanguage } from './visit-language';
import type { VisitStrings } from './visit-strings';

/** When the visit is, in the clinic's time zone named, with whom and where. */
export function AppointmentCard(props: {
  visit: Visit;
  language: VisitLanguage;
  strings: VisitStrings;
}) {
  const { visit, strings } = props;
  const when = appointmentWhen(
    visit.scheduledStart,
    visit.scheduledEnd,
    visit.timeZone ?? browserTimeZone(),
    props.language,
  );
  return (
    <section className="card appointment" aria-labelledby="appointment-heading">
      <h2 id="appointment-heading">{strings.appointment}</h2>
      <dl>
        <dt>{strings.when}</dt>
        <dd>
          {when.day}, {when.hours} {strings.zone(when.place)}
        </dd>
        <dt>{strings.provider}</dt>
        <dd>{visit.providerName ?? strings.notKnownYet}</dd>
        <dt>{strings.clinic}</dt>
        <dd>{visit.clinicName ?? strings.notKnownYet}</dd>
      </dl>
    </section>
  );
}
