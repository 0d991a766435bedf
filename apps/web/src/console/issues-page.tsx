/** Issue queue. */
export function IssuesPage() {
  return <h1>Issue queue</h1>;
}
