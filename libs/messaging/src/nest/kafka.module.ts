import { Global, Injectable, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Kafka, logLevel } from 'kafkajs';
import { kafkaClientConfigFromEnv } from '../kafka/kafka-client-config';

export const KAFKA = Symbol('KAFKA');

/** Resolves a contract topic to the deployed name (tests and shared clusters add a prefix). */
@Injectable()
export class TopicNames {
  private readonly prefix: string;

  constructor(config: ConfigService) {
    this.prefix = config.get<string>('KAFKA_TOPIC_PREFIX') ?? '';
  }

  resolve(topic: string): string {
    return `${this.prefix}${topic}`;
  }

  group(name: string): string {
    return `${this.prefix}${name}`;
  }
}

/** The service's kafkajs client, configured from the environment (brokers, TLS, SASL). */
@Global()
@Module({
  providers: [
    {
      provide: KAFKA,
      inject: [ConfigService],
      useFactory: (config: ConfigService) =>
        new Kafka({
          ...kafkaClientConfigFromEnv((name) => config.get<string>(name)),
          logLevel: logLevel.WARN,
        }),
    },
    TopicNames,
  ],
  exports: [KAFKA, TopicNames],
})
export class KafkaModule {}
