/** Time a provider already gives to a visit; buffers are added from the schedule. */
export interface BookedInterval {
  readonly appointmentId: string;
  readonly start: Date;
  readonly end: Date;
}
