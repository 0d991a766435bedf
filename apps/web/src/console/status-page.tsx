/** Platform status. */
export function StatusPage() {
  return <h1>Platform status</h1>;
}
