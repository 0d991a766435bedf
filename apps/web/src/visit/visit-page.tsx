/** A participant's visit, opened from their join link. */
export function VisitPage() {
  return (
    <main id="main">
      <h1>Your visit</h1>
    </main>
  );
}
