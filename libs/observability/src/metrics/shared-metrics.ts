import {
  Counter,
  CounterConfiguration,
  Gauge,
  GaugeConfiguration,
  Histogram,
  HistogramConfiguration,
  register,
} from 'prom-client';

/**
 * Metrics in the prom-client default registry (what `/metrics` serves), created on first use.
 * Several relays or consumers in one process share one metric and tell their series apart by
 * labels; registering the same name twice would throw.
 */
export function sharedCounter<L extends string>(config: CounterConfiguration<L>): Counter<L> {
  const existing = register.getSingleMetric(config.name);
  if (existing === undefined) return new Counter(config);
  if (existing instanceof Counter) return existing as Counter<L>;
  throw new Error(`metric ${config.name} is already registered with another type`);
}

/** See {@link sharedCounter}; a `collect` callback only takes effect on first registration. */
export function sharedGauge<L extends string>(config: GaugeConfiguration<L>): Gauge<L> {
  const existing = register.getSingleMetric(config.name);
  if (existing === undefined) return new Gauge(config);
  if (existing instanceof Gauge) return existing as Gauge<L>;
  throw new Error(`metric ${config.name} is already registered with another type`);
}

/** See {@link sharedCounter}; buckets only take effect on first registration. */
export function sharedHistogram<L extends string>(config: HistogramConfiguration<L>): Histogram<L> {
  const existing = register.getSingleMetric(config.name);
  if (existing === undefined) return new Histogram(config);
  if (existing instanceof Histogram) return existing as Histogram<L>;
  throw new Error(`metric ${config.name} is already registered with another type`);
}
