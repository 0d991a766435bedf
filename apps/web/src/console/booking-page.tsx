/** Book a visit. */
export function BookingPage() {
  return <h1>Book a visit</h1>;
}
