/** The `personId` path parameter of the contact preference routes, as the API documents it. */
export const PERSON_PARAM = {
  example: '9c4e1b7a-2d3f-4a8b-9e6c-1f5a7d3b2c02',
  format: 'uuid',
  description: 'The person reached: a patient (the `sub` of their token), caregiver or interpreter',
} as const;
