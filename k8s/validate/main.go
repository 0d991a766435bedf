// Command validate builds kustomize overlays and checks every resource they produce against
// the Kubernetes API types of the pinned k8s.io/api version (strict decoding: an unknown or
// misspelt field, or a value of the wrong type, is an error), and the custom resources the
// manifests use (Prometheus Operator ServiceMonitor, Strimzi KafkaTopic) against the subset
// of their schema written out in crds.go. It prints the built resources as JSON, one document
// per overlay, for policy checks by the test that runs it.
//
// Usage: go run . <overlay dir>...
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"sigs.k8s.io/kustomize/api/krusty"
	"sigs.k8s.io/kustomize/kyaml/filesys"
	"sigs.k8s.io/yaml"
)

type builtOverlay struct {
	Overlay   string           `json:"overlay"`
	Resources []map[string]any `json:"resources"`
}

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: validate <overlay dir>...")
		os.Exit(2)
	}
	var out []builtOverlay
	failed := false
	for _, dir := range os.Args[1:] {
		built, errs := validateOverlay(dir)
		for _, err := range errs {
			failed = true
			fmt.Fprintf(os.Stderr, "%s: %v\n", dir, err)
		}
		out = append(out, built)
	}
	if err := json.NewEncoder(os.Stdout).Encode(out); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if failed {
		os.Exit(1)
	}
}

func validateOverlay(dir string) (builtOverlay, []error) {
	built := builtOverlay{Overlay: filepath.Base(dir)}
	resources, err := krusty.MakeKustomizer(krusty.MakeDefaultOptions()).Run(filesys.MakeFsOnDisk(), dir)
	if err != nil {
		return built, []error{fmt.Errorf("kustomize build: %w", err)}
	}
	var errs []error
	for _, resource := range resources.Resources() {
		document, err := resource.AsYAML()
		if err != nil {
			errs = append(errs, err)
			continue
		}
		id := fmt.Sprintf("%s %s/%s", resource.GetGvk().String(), resource.GetNamespace(), resource.GetName())
		target, known := typeFor(resource.GetApiVersion(), resource.GetKind())
		if !known {
			errs = append(errs, fmt.Errorf("%s: no schema for this kind; add it to types.go or crds.go", id))
			continue
		}
		if err := yaml.UnmarshalStrict(document, target); err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", id, err))
			continue
		}
		if check, ok := target.(interface{ Check() error }); ok {
			if err := check.Check(); err != nil {
				errs = append(errs, fmt.Errorf("%s: %w", id, err))
			}
		}
		asMap, err := resource.Map()
		if err != nil {
			errs = append(errs, err)
			continue
		}
		built.Resources = append(built.Resources, asMap)
	}
	return built, errs
}
