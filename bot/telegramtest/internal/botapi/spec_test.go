package botapi

import (
	"cmp"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// botAPIJSON is the copy of bot-api.json the table is checked against:
// $BOTAPI_JSON when set, else a shared/telegram folder beside the
// repository where there is one. Without it the test is skipped; the table
// itself is committed and needs no file.
var botAPIJSON = cmp.Or(os.Getenv("BOTAPI_JSON"), filepath.Join("..", "..", "..", "..", "..", "shared", "telegram", "bot-api.json"))

type jsonField struct {
	Name        string   `json:"name"`
	Types       []string `json:"types"`
	Required    bool     `json:"required"`
	Description string   `json:"description"`
}

type jsonEntry struct {
	Name     string      `json:"name"`
	Fields   []jsonField `json:"fields"`
	Subtypes []string    `json:"subtypes"`
}

type jsonSpec struct {
	Version string               `json:"version"`
	Methods map[string]jsonEntry `json:"methods"`
	Types   map[string]jsonEntry `json:"types"`
}

func TestSpecTableMatchesBotAPIJSON(t *testing.T) {
	abs, _ := filepath.Abs(botAPIJSON)
	raw, err := os.ReadFile(botAPIJSON)
	if errors.Is(err, fs.ErrNotExist) {
		t.Skipf("bot-api.json not found at %s (looked relative to the package directory: %s)", abs, botAPIJSON)
	}
	if err != nil {
		t.Fatalf("read %s: %v", abs, err)
	}
	var spec jsonSpec
	if err := json.Unmarshal(raw, &spec); err != nil {
		t.Fatalf("decode %s: %v", abs, err)
	}
	if spec.Version != specVersion {
		t.Errorf("table generated from %q, the JSON is %q: regenerate with go generate", specVersion, spec.Version)
	}
	for _, m := range specMethods {
		t.Run("method/"+m.Name, func(t *testing.T) {
			want, ok := spec.Methods[m.Name]
			if !ok {
				t.Fatalf("method %s is not in bot-api.json", m.Name)
			}
			compareFields(t, m.Fields, want.Fields)
		})
	}
	for _, ts := range specTypes {
		t.Run("type/"+ts.Name, func(t *testing.T) {
			want, ok := spec.Types[ts.Name]
			if !ok {
				t.Fatalf("type %s is not in bot-api.json", ts.Name)
			}
			compareFields(t, ts.Fields, want.Fields)
			if !slices.Equal(ts.Subtypes, want.Subtypes) {
				t.Errorf("subtypes = %v, want %v", ts.Subtypes, want.Subtypes)
			}
		})
	}
	t.Run("UpdateKinds", func(t *testing.T) {
		var want []string
		for _, f := range spec.Types["Update"].Fields {
			if f.Name != "update_id" {
				want = append(want, f.Name)
			}
		}
		if !slices.Equal(updateKinds, want) {
			t.Errorf("updateKinds = %v, want %v", updateKinds, want)
		}
	})
	t.Run("ScopeTypes", func(t *testing.T) {
		subs := spec.Types["BotCommandScope"].Subtypes
		if len(subs) != len(scopeTypes) {
			t.Errorf("BotCommandScope has %d subtypes, scopeTypes %d", len(subs), len(scopeTypes))
		}
		for _, sub := range subs {
			var desc string
			for _, f := range spec.Types[sub].Fields {
				if f.Name == "type" {
					desc = f.Description
				}
			}
			if want := "must be " + scopeTypes[sub]; scopeTypes[sub] == "" || !strings.HasSuffix(desc, want) {
				t.Errorf("%s: type field says %q, scopeTypes has %q", sub, desc, scopeTypes[sub])
			}
		}
	})
}

func compareFields(t *testing.T, got []fieldSpec, want []jsonField) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%d fields, want %d", len(got), len(want))
	}
	for i := range min(len(got), len(want)) {
		g, w := got[i], want[i]
		if g.Name != w.Name || !slices.Equal(g.Types, w.Types) || g.Required != w.Required {
			t.Errorf("field %d = %s %v required=%t, want %s %v required=%t", i, g.Name, g.Types, g.Required, w.Name, w.Types, w.Required)
		}
	}
}

// TestSpecTableIsClosed checks, without the JSON, that every type a served
// method can reach is in the table (that every method has a handler is
// telegramtest's TestEveryMethodHasAHandler).
func TestSpecTableIsClosed(t *testing.T) {
	check := func(types []string, where string) {
		for _, typ := range types {
			base := strings.ReplaceAll(typ, "Array of ", "")
			switch base {
			case "Integer", "String", "Boolean", "Float", "InputFile", "True":
				continue
			}
			if _, ok := typesByName[base]; !ok {
				t.Errorf("%s: type %s is not in specTypes", where, base)
			}
		}
	}
	for _, m := range specMethods {
		for _, f := range m.Fields {
			check(f.Types, m.Name+"."+f.Name)
		}
	}
	for _, ts := range specTypes {
		check(ts.Subtypes, ts.Name)
		for _, f := range ts.Fields {
			check(f.Types, ts.Name+"."+f.Name)
		}
	}
}
