/** The offset to commit after handling `offset`: Kafka stores the next offset to read. */
export function offsetAfter(offset: string): string {
  return (BigInt(offset) + 1n).toString();
}
