// Package generated holds pmgen's output for the example collection in
// testdata/example, checked in so that readers can see what pmgen writes
// and so that a test notices when the output is stale.
//
// Regenerate with "go generate ./..." from the repository root.
package generated

//go:generate go run ../cmd/pmgen generate -collection ../testdata/example/kassa.postman_collection.json -env ../testdata/example/kassa.postman_environment.json -out kassa -package kassa
