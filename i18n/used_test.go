package i18n

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// codeStrings returns the string literals of the module's non-test Go code
// outside the catalogs, and the literals that begin a concatenation (the
// prefix of a key built at run time, as "status."+string(m.Status)).
func codeStrings(t *testing.T, root string) (lits map[string]bool, prefixes []string) {
	t.Helper()
	lits = make(map[string]bool)
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if name := d.Name(); path != root && (strings.HasPrefix(name, ".") || name == "testdata") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(root, path)
		if err != nil {
			return err
		}
		catalog := strings.HasPrefix(filepath.ToSlash(rel), "i18n/") // the package and its areas' catalogs
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CompositeLit:
				if _, isMap := n.Type.(*ast.MapType); catalog && isMap {
					return false // a catalog's own keys use nothing
				}
			case *ast.BinaryExpr:
				if lit, ok := n.X.(*ast.BasicLit); ok && n.Op == token.ADD && lit.Kind == token.STRING {
					if s, err := strconv.Unquote(lit.Value); err == nil {
						prefixes = append(prefixes, s)
					}
				}
			case *ast.BasicLit:
				if n.Kind == token.STRING {
					if s, err := strconv.Unquote(n.Value); err == nil {
						lits[s] = true
					}
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return lits, prefixes
}

// TestEveryKeyIsUsed finds catalog keys no code refers to: a key counts as
// used when the code holds it as a string literal, or when a literal that
// begins a concatenation is a prefix of it.
func TestEveryKeyIsUsed(t *testing.T) {
	lits, prefixes := codeStrings(t, "..")
	if !lits["err.internal"] || !slices.Contains(prefixes, "cmd.") {
		t.Fatalf("the scan misses code it should see: %d literals, prefixes %q", len(lits), prefixes)
	}
	var unused []string
	for key := range catalogs["vi"] {
		if lits[key] || slices.ContainsFunc(prefixes, func(p string) bool { return p != "" && strings.HasPrefix(key, p) }) {
			continue
		}
		unused = append(unused, key)
	}
	slices.Sort(unused)
	if len(unused) > 0 {
		t.Errorf("catalog keys no code uses (remove them, or refer to them): %q", unused)
	}
}
