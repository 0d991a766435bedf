package main

import (
	appsv1 "k8s.io/api/apps/v1"
	autoscalingv2 "k8s.io/api/autoscaling/v2"
	corev1 "k8s.io/api/core/v1"
	networkingv1 "k8s.io/api/networking/v1"
	policyv1 "k8s.io/api/policy/v1"
)

// KubernetesVersion is the API version the manifests are checked against: the Kubernetes
// release of the pinned k8s.io/api module (v0.34.x = Kubernetes 1.34).
const KubernetesVersion = "1.34"

// typeFor returns a fresh value of the Go type that kind decodes into, and whether it is known.
func typeFor(apiVersion, kind string) (any, bool) {
	switch apiVersion + "/" + kind {
	case "apps/v1/Deployment":
		return &appsv1.Deployment{}, true
	case "v1/Service":
		return &corev1.Service{}, true
	case "v1/ConfigMap":
		return &corev1.ConfigMap{}, true
	case "v1/ServiceAccount":
		return &corev1.ServiceAccount{}, true
	case "autoscaling/v2/HorizontalPodAutoscaler":
		return &autoscalingv2.HorizontalPodAutoscaler{}, true
	case "policy/v1/PodDisruptionBudget":
		return &policyv1.PodDisruptionBudget{}, true
	case "networking.k8s.io/v1/NetworkPolicy":
		return &networkingv1.NetworkPolicy{}, true
	case "networking.k8s.io/v1/Ingress":
		return &networkingv1.Ingress{}, true
	case "monitoring.coreos.com/v1/ServiceMonitor":
		return &ServiceMonitor{}, true
	case "monitoring.coreos.com/v1/PrometheusRule":
		return &PrometheusRule{}, true
	case "kafka.strimzi.io/v1beta2/KafkaTopic":
		return &KafkaTopic{}, true
	case "kafka.strimzi.io/v1beta2/KafkaUser":
		return &KafkaUser{}, true
	case "mongodb.com/v1/MongoDBUser":
		return &MongoDBUser{}, true
	}
	return nil, false
}
