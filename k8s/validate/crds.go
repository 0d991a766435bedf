package main

import (
	"errors"
	"fmt"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// The custom resources the manifests use, reduced to the fields they set. Strict decoding
// into these types rejects a misspelt or unexpected field; Check enforces what the operators'
// own schemas require (Prometheus Operator monitoring.coreos.com/v1, Strimzi
// kafka.strimzi.io/v1beta2).

// ServiceMonitor tells the Prometheus Operator which Services to scrape.
type ServiceMonitor struct {
	metav1.TypeMeta   `json:",inline"`
	metav1.ObjectMeta `json:"metadata"`
	Spec              struct {
		Selector          metav1.LabelSelector `json:"selector"`
		NamespaceSelector *struct {
			MatchNames []string `json:"matchNames,omitempty"`
			Any        bool     `json:"any,omitempty"`
		} `json:"namespaceSelector,omitempty"`
		Endpoints []struct {
			Port          string `json:"port"`
			Path          string `json:"path,omitempty"`
			Scheme        string `json:"scheme,omitempty"`
			Interval      string `json:"interval,omitempty"`
			ScrapeTimeout string `json:"scrapeTimeout,omitempty"`
		} `json:"endpoints"`
	} `json:"spec"`
}

func (m *ServiceMonitor) Check() error {
	if len(m.Spec.Endpoints) == 0 {
		return errors.New("spec.endpoints: at least one endpoint is required")
	}
	if len(m.Spec.Selector.MatchLabels) == 0 && len(m.Spec.Selector.MatchExpressions) == 0 {
		return errors.New("spec.selector: an empty selector would scrape every Service")
	}
	for i, e := range m.Spec.Endpoints {
		if e.Port == "" {
			return fmt.Errorf("spec.endpoints[%d].port is required", i)
		}
	}
	return nil
}

// PrometheusRule carries alerting rules for the Prometheus Operator.
type PrometheusRule struct {
	metav1.TypeMeta   `json:",inline"`
	metav1.ObjectMeta `json:"metadata"`
	Spec              struct {
		Groups []struct {
			Name     string `json:"name"`
			Interval string `json:"interval,omitempty"`
			Rules    []struct {
				Alert       string            `json:"alert,omitempty"`
				Record      string            `json:"record,omitempty"`
				Expr        string            `json:"expr"`
				For         string            `json:"for,omitempty"`
				Labels      map[string]string `json:"labels,omitempty"`
				Annotations map[string]string `json:"annotations,omitempty"`
			} `json:"rules"`
		} `json:"groups"`
	} `json:"spec"`
}

func (r *PrometheusRule) Check() error {
	for _, g := range r.Spec.Groups {
		for i, rule := range g.Rules {
			if (rule.Alert == "") == (rule.Record == "") || rule.Expr == "" {
				return fmt.Errorf("group %s rule %d: exactly one of alert/record, and expr, are required", g.Name, i)
			}
		}
	}
	return nil
}

// KafkaTopic is a topic the Strimzi Topic Operator creates and keeps configured.
type KafkaTopic struct {
	metav1.TypeMeta   `json:",inline"`
	metav1.ObjectMeta `json:"metadata"`
	Spec              struct {
		TopicName  string         `json:"topicName,omitempty"`
		Partitions int32          `json:"partitions"`
		Replicas   int32          `json:"replicas"`
		Config     map[string]any `json:"config,omitempty"`
	} `json:"spec"`
}

func (t *KafkaTopic) Check() error {
	if t.Labels["strimzi.io/cluster"] == "" {
		return errors.New("metadata.labels[strimzi.io/cluster] names the Kafka cluster and is required")
	}
	if t.Spec.Partitions < 1 || t.Spec.Replicas < 1 {
		return errors.New("spec.partitions and spec.replicas must be at least 1")
	}
	return nil
}
