import { ApiProperty } from '@nestjs/swagger';
import type { MetricDefinition } from '../domain/metric-definitions';
import type { ReachFigure } from '../domain/reach-figures';

const METRIC_UNITS = [
  'count',
  'ratio',
  'minutes',
  'seconds',
  'hours',
  'score',
] as const satisfies readonly MetricDefinition['unit'][];

const REACH_UNITS = ['count', 'ratio'] as const satisfies readonly ReachFigure['unit'][];

/** What the definition of any figure says: its name, its title and what it means, in words. */
abstract class FigureDefinitionResponse {
  @ApiProperty({ description: 'The name queries and rows use' }) name!: string;
  @ApiProperty({ description: 'The name people read' }) title!: string;
  @ApiProperty({ description: 'The written definition, as docs/metrics.md publishes it' })
  definition!: string;
}

/** A figure of the metrics table. */
export class MetricDefinitionResponse extends FigureDefinitionResponse {
  @ApiProperty({ enum: METRIC_UNITS }) unit!: MetricDefinition['unit'];
}

/** A figure of the reach table. */
export class ReachFigureDefinitionResponse extends FigureDefinitionResponse {
  @ApiProperty({ enum: REACH_UNITS }) unit!: ReachFigure['unit'];
}
