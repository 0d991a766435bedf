/**
 * Messages a service's consumer groups have yet to handle: the sum over groups and partitions
 * of its `thc_consumer_lag` series on `/metrics` (committed offset to partition end, refreshed
 * by the service at most every 5 s). Undefined when the scrape fails.
 */
export async function consumerLag(serviceUrl: string): Promise<number | undefined> {
  try {
    const response = await fetch(`${serviceUrl}/metrics`, { signal: AbortSignal.timeout(5000) });
    if (response.status !== 200) return undefined;
    let lag = 0;
    for (const line of (await response.text()).split('\n')) {
      if (!line.startsWith('thc_consumer_lag{')) continue;
      const value = Number(line.slice(line.lastIndexOf(' ') + 1));
      if (Number.isFinite(value)) lag += value;
    }
    return lag;
  } catch {
    return undefined;
  }
}
