import { readerPhrases } from './reader-phrases';
import type { LanguageWording } from './wording';
import { sentenceCase as upper } from './wording';

const { kindOf, visit, minutes, joinBlocks, joinSms } = readerPhrases({
  visitKinds: { video: 'video visit', audio: 'phone visit' },
  /** "your video visit" to the patient, "the video visit" to those who come with them. */
  article: { patient: 'your', others: 'the' },
  minute: { one: 'minute', many: 'minutes' },
  join: {
    fromLink: 'Join from your personal link:',
    keepPrivate: 'Please do not forward it: it is for you alone.',
    fromLinkSentOrToCome:
      'Join from the personal link we sent you, or from the one we will send shortly before the visit.',
  },
  joinSms: {
    fromLink: 'Join from your personal link:',
    fromLinkSentOrToCome: 'Join from the link we sent you or will send before the visit.',
  },
});

export const english: LanguageWording = {
  kinds: {
    reminder: (facts) => ({
      subject: `Reminder: ${visit(facts)} on ${facts.when}`,
      body: [
        { text: `This is a reminder of ${visit(facts)} on ${facts.when}.` },
        ...joinBlocks(facts.joinUrl),
        { text: 'Please join a few minutes early, from a quiet and private place.' },
      ],
      sms: [
        `Reminder: ${visit(facts)} is on ${facts.when}. ${joinSms(facts.joinUrl)}`,
        `Reminder: ${visit(facts)}, ${facts.when}.${facts.joinUrl ? ` ${facts.joinUrl}` : ''}`,
      ],
    }),
    'booking-confirmation': (facts) => ({
      subject: `${upper(visit(facts))} is booked: ${facts.when}`,
      body: [
        { text: `${upper(visit(facts))} is booked for ${facts.when}.` },
        ...(facts.joinUrl
          ? joinBlocks(facts.joinUrl)
          : [{ text: 'We will send you a personal link to join shortly before the visit.' }]),
        { text: 'The attached calendar file (visit.ics) adds the visit to your calendar.' },
        {
          text: 'If you cannot come, please tell your clinic as early as you can, so that someone else can have the time.',
        },
      ],
      sms: [
        `${upper(visit(facts))} is booked for ${facts.when}. ${
          facts.joinUrl
            ? joinSms(facts.joinUrl)
            : 'We will send you a link to join before the visit.'
        }`,
        `${upper(visit(facts))} is booked: ${facts.when}.${facts.joinUrl ? ` ${facts.joinUrl}` : ''}`,
      ],
    }),
    'booking-changed': (facts) => {
      const moved = facts.previousWhen
        ? `${upper(visit(facts))} has moved from ${facts.previousWhen} to ${facts.when}.`
        : `${upper(visit(facts))} has moved to ${facts.when}.`;
      return {
        subject: `${upper(visit(facts))} has moved to ${facts.when}`,
        body: [
          { text: moved },
          ...joinBlocks(facts.joinUrl),
          { text: 'The attached calendar file (visit.ics) moves the visit in your calendar.' },
        ],
        sms: [
          `${moved} ${joinSms(facts.joinUrl)}`,
          `${moved}${facts.joinUrl ? ` ${facts.joinUrl}` : ''}`,
          `${upper(visit(facts))} has moved to ${facts.when}.${facts.joinUrl ? ` ${facts.joinUrl}` : ''}`,
        ],
      };
    },
    'booking-cancelled': (facts) => ({
      subject: `${upper(visit(facts))} on ${facts.when} is cancelled`,
      body: [
        { text: `${upper(visit(facts))} on ${facts.when} has been cancelled.` },
        {
          text:
            facts.role === 'patient'
              ? 'To book another time, please contact your clinic.'
              : 'If you have questions, please contact the clinic.',
        },
        { text: 'The attached calendar file (visit.ics) removes the visit from your calendar.' },
      ],
      sms: [
        `${upper(visit(facts))} on ${facts.when} has been cancelled.${
          facts.role === 'patient' ? ' To book another time, contact your clinic.' : ''
        }`,
        `${upper(visit(facts))} on ${facts.when} has been cancelled.`,
      ],
    }),
    'join-link': (facts) => {
      const on = facts.when ? ` on ${facts.when}` : '';
      const intro = {
        patient: `Here is your personal link to join ${visit(facts)}${on}:`,
        interpreter: `You are interpreting at a ${kindOf(facts)}${on}. Here is your personal link to join it:`,
        caregiver: `You have been invited to join a ${kindOf(facts)}${on} as a caregiver. Here is your personal link to join it:`,
      }[facts.role];
      return {
        subject: `Your personal link for ${visit(facts)}`,
        body: [
          { text: intro },
          { link: facts.joinUrl },
          {
            text: 'This link is yours alone: please do not forward or share it. Anyone who has it could join in your place.',
          },
          {
            text: 'Open it a few minutes before the start. The page lets you check your camera, microphone and connection first; then you wait in the waiting room until the provider lets you in.',
          },
        ],
        sms: [
          `Your personal link for ${visit(facts)}${on}: ${facts.joinUrl} It is yours alone; please do not forward it.`,
          `Your link for ${visit(facts)}: ${facts.joinUrl} Do not forward it.`,
          `${facts.joinUrl} Your visit link. Do not forward it.`,
        ],
      };
    },
    'waitlist-offer': (facts) => ({
      subject: `A time for a ${kindOf(facts)} is open: ${facts.when}`,
      body: [
        {
          text: `You asked to be told when a time opened up. One is free for a ${kindOf(facts)}: ${facts.when}.`,
        },
        { text: `We are holding it for you until ${facts.heldUntil}.` },
        ...(facts.joinUrl
          ? [{ text: 'To take it, open this link:' }, { link: facts.joinUrl }]
          : [{ text: 'To take it, please contact your clinic before then.' }]),
        { text: 'After that, the time may be offered to someone else.' },
      ],
      sms: [
        `A ${kindOf(facts)} time is open for you: ${facts.when}. Held until ${facts.heldUntil}. ${
          facts.joinUrl ? `To take it: ${facts.joinUrl}` : 'To take it, contact your clinic.'
        }`,
        `Open ${kindOf(facts)} time: ${facts.when}, held until ${facts.heldUntil}.${
          facts.joinUrl ? ` ${facts.joinUrl}` : ' Contact your clinic.'
        }`,
      ],
    }),
    'provider-running-late': (facts) => {
      const provider = facts.role === 'patient' ? 'your provider' : 'the provider';
      const waited = facts.waitedMinutes;
      return {
        subject: `${upper(provider)} is running late`,
        body: [
          { text: `We are sorry: ${provider} is running late.` },
          ...(waited
            ? [
                {
                  text: `You have been waiting for ${minutes(waited)}. Thank you for your patience.`,
                },
              ]
            : []),
          {
            text: 'Please stay in the waiting room: you will be let in as soon as the provider is ready. If you leave, you can come back with the same link.',
          },
        ],
        sms: [
          `We are sorry: ${provider} is running late${
            waited ? ` (you have waited ${minutes(waited)})` : ''
          }. Please stay in the waiting room; you will be let in soon.`,
        ],
      };
    },
    'survey-invitation': (facts) => ({
      subject: `How was ${visit(facts)}?`,
      body: [
        { text: `Thank you for ${visit(facts)}${facts.when ? ` on ${facts.when}` : ''}.` },
        {
          text: 'Would you answer a few short questions? It takes about a minute and helps the clinic make these visits better.',
        },
        ...(facts.joinUrl
          ? [{ text: 'Answer here:' }, { link: facts.joinUrl }]
          : [
              {
                text: 'You can answer from your visit link: open it again and the questions are there.',
              },
            ]),
        { text: 'Answering is up to you.' },
      ],
      sms: [
        `Thank you for ${visit(facts)}. Would you answer a few short questions? ${
          facts.joinUrl ?? 'Open your visit link again to answer.'
        }`,
      ],
    }),
  },
  emailFooter:
    'You are receiving this e-mail because this address was given for messages about visits with your clinic. To stop these e-mails, tell your clinic. Please do not reply: replies to this address are not read.',
  smsStop: 'Reply STOP to opt out.',
  calendar: {
    summary: (visitType) => (visitType === 'video' ? 'Video visit' : 'Phone visit'),
    description: (facts) =>
      facts.cancelled
        ? `${upper(visit(facts))} has been cancelled.`
        : `${upper(visit(facts))}. Join from the personal link we send you; please do not forward it.`,
  },
};
