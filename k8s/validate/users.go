package main

import (
	"errors"
	"fmt"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// The custom resources that give each service its own credentials, reduced to the fields the
// manifests set, like crds.go: strict decoding rejects a misspelt field, Check what the
// operators' schemas require (Strimzi kafka.strimzi.io/v1beta2 KafkaUser, MongoDB Enterprise
// Kubernetes Operator mongodb.com/v1 MongoDBUser).

// KafkaUser is a Kafka principal the Strimzi User Operator creates, with its ACLs.
type KafkaUser struct {
	metav1.TypeMeta   `json:",inline"`
	metav1.ObjectMeta `json:"metadata"`
	Spec              struct {
		Authentication struct {
			Type string `json:"type"`
		} `json:"authentication"`
		Authorization struct {
			Type string         `json:"type"`
			Acls []KafkaAclRule `json:"acls"`
		} `json:"authorization"`
	} `json:"spec"`
}

// KafkaAclRule allows operations on one resource (Strimzi AclRule; `operation`, singular, is
// deprecated and not accepted here).
type KafkaAclRule struct {
	Type     string `json:"type,omitempty"`
	Resource struct {
		Type        string `json:"type"`
		Name        string `json:"name,omitempty"`
		PatternType string `json:"patternType,omitempty"`
	} `json:"resource"`
	Operations []string `json:"operations"`
	Host       string   `json:"host,omitempty"`
}

var (
	kafkaAuthentications = set("scram-sha-512", "tls", "tls-external")
	kafkaResourceTypes   = set("topic", "group", "cluster", "transactionalId")
	kafkaPatternTypes    = set("", "literal", "prefix")
	kafkaOperations      = set("Read", "Write", "Create", "Delete", "Alter", "Describe",
		"ClusterAction", "AlterConfigs", "DescribeConfigs", "IdempotentWrite", "All")
)

func (u *KafkaUser) Check() error {
	if u.Labels["strimzi.io/cluster"] == "" {
		return errors.New("metadata.labels[strimzi.io/cluster] names the Kafka cluster and is required")
	}
	if !kafkaAuthentications[u.Spec.Authentication.Type] {
		return fmt.Errorf("spec.authentication.type %q is not one of scram-sha-512, tls, tls-external", u.Spec.Authentication.Type)
	}
	if u.Spec.Authorization.Type != "simple" {
		return fmt.Errorf("spec.authorization.type %q: ACLs need the simple authorizer", u.Spec.Authorization.Type)
	}
	for i, acl := range u.Spec.Authorization.Acls {
		at := fmt.Sprintf("spec.authorization.acls[%d]", i)
		if acl.Type != "" && acl.Type != "allow" && acl.Type != "deny" {
			return fmt.Errorf("%s.type %q is not allow or deny", at, acl.Type)
		}
		if !kafkaResourceTypes[acl.Resource.Type] {
			return fmt.Errorf("%s.resource.type %q is not topic, group, cluster or transactionalId", at, acl.Resource.Type)
		}
		if acl.Resource.Type != "cluster" && acl.Resource.Name == "" {
			return fmt.Errorf("%s.resource.name is required for a %s", at, acl.Resource.Type)
		}
		if !kafkaPatternTypes[acl.Resource.PatternType] {
			return fmt.Errorf("%s.resource.patternType %q is not literal or prefix", at, acl.Resource.PatternType)
		}
		if len(acl.Operations) == 0 {
			return fmt.Errorf("%s.operations: at least one operation is required", at)
		}
		for _, op := range acl.Operations {
			if !kafkaOperations[op] {
				return fmt.Errorf("%s.operations: %q is not a Kafka ACL operation", at, op)
			}
		}
	}
	return nil
}

// MongoDBUser is a database user the MongoDB Kubernetes Operator creates, with its roles.
type MongoDBUser struct {
	metav1.TypeMeta   `json:",inline"`
	metav1.ObjectMeta `json:"metadata"`
	Spec              struct {
		Username           string `json:"username"`
		DB                 string `json:"db"`
		MongodbResourceRef struct {
			Name      string `json:"name"`
			Namespace string `json:"namespace,omitempty"`
		} `json:"mongodbResourceRef"`
		PasswordSecretKeyRef *struct {
			Name string `json:"name"`
			Key  string `json:"key,omitempty"`
		} `json:"passwordSecretKeyRef,omitempty"`
		ConnectionStringSecretName string `json:"connectionStringSecretName,omitempty"`
		Roles                      []struct {
			DB   string `json:"db"`
			Name string `json:"name"`
		} `json:"roles"`
	} `json:"spec"`
}

func (u *MongoDBUser) Check() error {
	if u.Spec.Username == "" || u.Spec.DB == "" || u.Spec.MongodbResourceRef.Name == "" {
		return errors.New("spec.username, spec.db and spec.mongodbResourceRef.name are required")
	}
	if u.Spec.DB != "$external" && (u.Spec.PasswordSecretKeyRef == nil || u.Spec.PasswordSecretKeyRef.Name == "") {
		return errors.New("spec.passwordSecretKeyRef.name is required for a SCRAM user")
	}
	if len(u.Spec.Roles) == 0 {
		return errors.New("spec.roles: a user without roles can do nothing")
	}
	for i, role := range u.Spec.Roles {
		if role.DB == "" || role.Name == "" {
			return fmt.Errorf("spec.roles[%d]: db and name are required", i)
		}
	}
	return nil
}

func set(values ...string) map[string]bool {
	m := make(map[string]bool, len(values))
	for _, v := range values {
		m[v] = true
	}
	return m
}
