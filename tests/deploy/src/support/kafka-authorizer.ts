/**
 * What Kafka's ACL authorizer (Strimzi `authorization: simple`, i.e. kafka.security.authorizer
 * AclAuthorizer / StandardAuthorizer) decides for one principal, from the ACLs of its KafkaUser:
 * a deny rule wins over an allow rule, nothing allowed is refused, `literal` names match
 * exactly, `prefix` names match the start, `*` matches every name; Describe is implied by
 * Read, Write, Delete and Alter; `All` allows every operation. Enough of the broker's rules to
 * play, on the manifests, what a compromised pod holding that user's password could do.
 */
export type KafkaOperation =
  | 'Read'
  | 'Write'
  | 'Create'
  | 'Delete'
  | 'Alter'
  | 'Describe'
  | 'DescribeConfigs'
  | 'AlterConfigs'
  | 'IdempotentWrite'
  | 'ClusterAction';
export type KafkaResourceType = 'topic' | 'group' | 'cluster' | 'transactionalId';

export interface KafkaAclRule {
  readonly type?: 'allow' | 'deny';
  readonly resource: {
    readonly type: KafkaResourceType;
    readonly name?: string;
    readonly patternType?: 'literal' | 'prefix';
  };
  readonly operations: readonly string[];
  readonly host?: string;
}

const IMPLIES_DESCRIBE = ['Read', 'Write', 'Delete', 'Alter'];

function matches(rule: KafkaAclRule, type: KafkaResourceType, name: string): boolean {
  if (rule.resource.type !== type) return false;
  if (type === 'cluster') return true;
  const pattern = rule.resource.name ?? '';
  if (pattern === '*') return true;
  return rule.resource.patternType === 'prefix' ? name.startsWith(pattern) : name === pattern;
}

function grants(rule: KafkaAclRule, operation: KafkaOperation): boolean {
  return (
    rule.operations.includes('All') ||
    rule.operations.includes(operation) ||
    (operation === 'Describe' && rule.operations.some((op) => IMPLIES_DESCRIBE.includes(op)))
  );
}

/** Whether the broker lets the user do `operation` on the resource. */
export function kafkaAllows(
  acls: readonly KafkaAclRule[],
  operation: KafkaOperation,
  type: KafkaResourceType,
  name = 'kafka-cluster',
): boolean {
  const applicable = acls.filter((rule) => matches(rule, type, name) && grants(rule, operation));
  if (applicable.some((rule) => rule.type === 'deny')) return false;
  return applicable.length > 0;
}
