/** Who a running service is: its name (also the Kafka client id and OTel service name) and default port. */
export interface ServiceIdentity {
  readonly name:
    'scheduling' | 'sessions' | 'training' | 'compliance-audit' | 'analytics' | 'notifications';
  readonly defaultPort: number;
  readonly title: string;
  readonly description: string;
}

export const SERVICE_IDENTITY = Symbol('SERVICE_IDENTITY');
