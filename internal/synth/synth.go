// Package synth writes synthetic Postman collections of a chosen size for
// pmgen's benchmarks. A collection looks like a cash-register service's:
// CRUD-style resources in folders nested three to five levels deep, JSON
// bodies with nested objects, arrays, two-decimal amounts, strings,
// booleans and nulls, saved 2xx and 4xx examples, scripts that store ids
// for later requests, {{variables}}, query and path variables, and
// collection, folder and request auth.
//
// The output depends only on the number of requests, so every run of a
// benchmark reads the same bytes.
package synth

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"time"
)

// Layout of a collection. The first request, the cashier's login, is at
// the top level; the others belong to resources of RequestsPerResource
// requests each.
const (
	// RequestsPerResource is the number of requests of one resource:
	// create, get, list, update and a status check.
	RequestsPerResource = 5
	// RequestsPerTopFolder is the number of requests in each top-level
	// folder, and so in each generated file of operations.
	RequestsPerTopFolder = 100
	// ResourcesPerGroup is the number of resources in each second-level
	// folder.
	ResourcesPerGroup = 4
)

// Files are the paths of a written collection and its environment.
type Files struct {
	Collection  string
	Environment string
}

// Collection returns a collection of format v2.1 with n requests,
// indented with tabs as Postman exports it.
func Collection(n int) ([]byte, error) {
	if n < 1 {
		return nil, fmt.Errorf("invalid number of requests %d: want at least 1", n)
	}
	g := &builder{rng: rand.New(rand.NewPCG(uint64(n), 0x5eed))}
	return encode(g.collection(n))
}

// Environment returns an environment file for the collections: the
// credentials, typed secret and left empty as in a shared export, and
// the login.
func Environment() ([]byte, error) {
	return encode(&environment{
		ID:   "3f0c2a9e-1b7d-4e55-8a61-0c9d2e4f7b10",
		Name: "Синтетический стенд",
		Values: []*envValue{
			{Key: "kassaToken", Type: "secret", Enabled: true},
			{Key: "login", Value: "ivanova", Type: "default", Enabled: true},
			{Key: "pin", Type: "secret", Enabled: true},
		},
		Scope: "environment",
	})
}

// Write writes the collection with n requests and the environment into
// dir, as synth-N.postman_collection.json and synth.postman_environment.json.
func Write(dir string, n int) (Files, error) {
	coll, err := Collection(n)
	if err != nil {
		return Files{}, err
	}
	env, err := Environment()
	if err != nil {
		return Files{}, err
	}
	files := Files{
		Collection:  filepath.Join(dir, fmt.Sprintf("synth-%d.postman_collection.json", n)),
		Environment: filepath.Join(dir, "synth.postman_environment.json"),
	}
	if err := os.WriteFile(files.Collection, coll, 0o644); err != nil {
		return Files{}, err
	}
	if err := os.WriteFile(files.Environment, env, 0o644); err != nil {
		return Files{}, err
	}
	return files, nil
}

// encode writes v as Postman does: tab indentation, no escaping of <, >
// and &, and a final newline.
func encode(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "\t")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// builder creates one collection. Its random source is seeded with the
// number of requests.
type builder struct {
	rng       *rand.Rand
	resources int // resources created so far
}

func (g *builder) collection(n int) *collection {
	c := &collection{
		Info: info{
			PostmanID:   "9d4e7a1c-2f3b-4c8d-a5e6-7b0f1e2d3c4a",
			Name:        fmt.Sprintf("Синтетическая касса — %d запросов", n),
			Description: "Синтетическая коллекция для измерения скорости pmgen.",
			Schema:      "https://schema.getpostman.com/json/collection/v2.1.0/collection.json",
		},
		Auth: apiKeyAuth("Authorization", "Basic {{kassaToken}}"),
		Variable: []*variable{
			{Key: "baseUrl", Value: "https://kassa.example.invalid", Type: "string"},
			{Key: "currency", Value: "BYN", Type: "string"},
			{Key: "deviceId", Value: "POS-TERMINAL-03", Type: "string"},
			{Key: "pageSize", Value: "50", Type: "string"},
		},
	}
	c.Item = append(c.Item, loginRequest())
	for top, left := 1, n-1; left > 0; top++ {
		count := min(left, RequestsPerTopFolder)
		c.Item = append(c.Item, g.topFolder(top, count))
		left -= count
	}
	return c
}

// topFolder returns a top-level folder with count requests. Its
// resources sit in groups of ResourcesPerGroup; a resource's folder is at
// depth 3, 4 or 5.
func (g *builder) topFolder(top, count int) *item {
	folder := &item{
		Name:        fmt.Sprintf("Магазин %d", top),
		Description: "Кассы одного магазина.",
		Auth:        bearerAuth("{{sessionToken}}"),
	}
	for r := 0; count > 0; r++ {
		parent := subfolder(folder, fmt.Sprintf("Касса %d.%d", top, r/ResourcesPerGroup+1))
		depth := 3 + g.resources%3
		if depth >= 4 {
			parent = subfolder(parent, "Архив")
		}
		if depth == 5 {
			parent = subfolder(parent, "Прошлые версии")
		}
		res := g.resource(min(count, RequestsPerResource))
		parent.Item = append(parent.Item, res)
		count -= len(res.Item)
	}
	return folder
}

// subfolder returns the folder of parent with the given name, adding it
// when there is none.
func subfolder(parent *item, name string) *item {
	for _, it := range parent.Item {
		if it.Name == name && it.Request == nil {
			return it
		}
	}
	f := &item{Name: name}
	parent.Item = append(parent.Item, f)
	return f
}

func apiKeyAuth(key, value string) *auth {
	return &auth{Type: "apikey", APIKey: []*keyText{
		{Key: "value", Value: value, Type: "string"},
		{Key: "key", Value: key, Type: "string"},
	}}
}

func bearerAuth(token string) *auth {
	return &auth{Type: "bearer", Bearer: []*keyText{{Key: "token", Value: token, Type: "string"}}}
}

func basicAuth(user, password string) *auth {
	return &auth{Type: "basic", Basic: []*keyText{
		{Key: "password", Value: password, Type: "string"},
		{Key: "username", Value: user, Type: "string"},
	}}
}

// Sizes returns the numbers of requests that pmgen's benchmarks measure.
func Sizes() []int { return []int{100, 1000, 10000} }

// SizeName returns the sub-benchmark name of a size, "requests=1000".
func SizeName(n int) string { return fmt.Sprintf("requests=%d", n) }

// SecondsPerOp returns d divided among n operations, in seconds, for
// testing.B.ReportMetric; 0 when n is 0.
func SecondsPerOp(d time.Duration, n int) float64 {
	if n == 0 {
		return 0
	}
	return d.Seconds() / float64(n)
}
