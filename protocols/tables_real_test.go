package protocols_test

import (
	"go/types"
	"strings"
	"testing"

	"golang.org/x/tools/go/packages"

	"github.com/asyncapi-extract/asyncapi-extract/internal/testmod"
	"github.com/asyncapi-extract/asyncapi-extract/protocols"
)

// TestTablesMatchLibraries checks every table entry against the real
// library, as the testdata module requires it: the function exists, the
// argument and result indices are in range, and the struct fields the
// paths name exist. A library release that renames or reshapes a call
// fails here rather than silently finding nothing.
func TestTablesMatchLibraries(t *testing.T) {
	if err := testmod.Download(); err != nil {
		t.Fatal(err)
	}
	libs := protocols.Libraries()
	var paths []string
	for _, lib := range libs {
		paths = append(paths, lib.Path)
	}
	cfg := &packages.Config{Mode: packages.NeedName | packages.NeedTypes, Dir: testmod.Dir()}
	pkgs, err := packages.Load(cfg, paths...)
	if err != nil {
		t.Fatal(err)
	}
	byPath := make(map[string]*types.Package)
	for _, p := range pkgs {
		for _, e := range p.Errors {
			t.Errorf("%s: %v", p.PkgPath, e)
		}
		byPath[p.PkgPath] = p.Types
	}
	for _, lib := range libs {
		pkg := byPath[lib.Path]
		if pkg == nil {
			t.Errorf("%s: package %s not loaded (is it required by testdata/go.mod?)", lib.Name, lib.Path)
			continue
		}
		// Fields a constructor gives a result type, which the library
		// keeps unexported.
		virtual := make(map[string]bool)
		for _, c := range lib.Constructors {
			for f := range c.Fields {
				virtual[f] = true
			}
		}
		for name, c := range lib.Calls {
			fn := lookupFunc(pkg, name)
			if fn == nil {
				t.Errorf("%s: no function %s", lib.Name, name)
				continue
			}
			paths := []protocols.Path{c.Message, c.Payload, c.Key}
			paths = append(paths, c.Address...)
			for _, p := range c.Settings {
				paths = append(paths, p)
			}
			for _, p := range paths {
				checkPath(t, lib, name, fn, c, p, virtual)
			}
		}
		for name, ctor := range lib.Constructors {
			fn := lookupFunc(pkg, name)
			if fn == nil {
				t.Errorf("%s: no constructor %s", lib.Name, name)
				continue
			}
			for _, p := range ctor.Fields {
				checkPath(t, lib, name, fn, protocols.Call{}, p, virtual)
			}
		}
	}
}

// checkPath checks that a path's root exists on fn and that each field
// exists on the struct it selects from (or is a constructor's field).
func checkPath(t *testing.T, lib *protocols.Library, name string, fn *types.Func, c protocols.Call, p protocols.Path, virtual map[string]bool) {
	t.Helper()
	sig := fn.Signature()
	var typ types.Type
	switch p.Root {
	case protocols.RootNone:
		return
	case protocols.RootRecv:
		if sig.Recv() == nil {
			t.Errorf("%s: %s: path %s: not a method", lib.Name, name, p)
			return
		}
		typ = sig.Recv().Type()
	case protocols.RootArg:
		if p.Index >= sig.Params().Len() {
			t.Errorf("%s: %s: path %s: only %d parameters", lib.Name, name, p, sig.Params().Len())
			return
		}
		typ = sig.Params().At(p.Index).Type()
	case protocols.RootResult:
		if p.Index >= sig.Results().Len() {
			t.Errorf("%s: %s: path %s: only %d results", lib.Name, name, p, sig.Results().Len())
			return
		}
		typ = sig.Results().At(p.Index).Type()
	case protocols.RootMessage:
		mp := c.Message
		mp.Fields = nil
		var msgType types.Type
		switch mp.Root {
		case protocols.RootArg:
			msgType = sig.Params().At(mp.Index).Type()
		case protocols.RootResult:
			msgType = sig.Results().At(mp.Index).Type()
		}
		if s, ok := msgType.(*types.Slice); ok {
			msgType = s.Elem()
		}
		typ = msgType
	}
	for _, f := range p.Fields {
		if virtual[f] {
			return // a constructor's field: the rest is not a Go field
		}
		st, ok := deref(typ).Underlying().(*types.Struct)
		if !ok {
			t.Errorf("%s: %s: path %s: %s is not a struct", lib.Name, name, p, typ)
			return
		}
		var next types.Type
		for i := range st.NumFields() {
			if st.Field(i).Name() == f {
				next = st.Field(i).Type()
			}
		}
		if next == nil {
			t.Errorf("%s: %s: path %s: %s has no field %s", lib.Name, name, p, typ, f)
			return
		}
		typ = next
	}
}

func deref(t types.Type) types.Type {
	if p, ok := t.(*types.Pointer); ok {
		return p.Elem()
	}
	return t
}

// lookupFunc finds a function or method by its full name in pkg.
func lookupFunc(pkg *types.Package, full string) *types.Func {
	if !strings.HasPrefix(full, "(") {
		obj, _ := pkg.Scope().Lookup(strings.TrimPrefix(full, pkg.Path()+".")).(*types.Func)
		return obj
	}
	recv, method, ok := strings.Cut(full[1:], ").")
	if !ok {
		return nil
	}
	recv = strings.TrimPrefix(recv, "*")
	tn, _ := pkg.Scope().Lookup(strings.TrimPrefix(recv, pkg.Path()+".")).(*types.TypeName)
	if tn == nil {
		return nil
	}
	obj, _, _ := types.LookupFieldOrMethod(types.NewPointer(tn.Type()), true, pkg, method)
	fn, _ := obj.(*types.Func)
	if fn != nil && fn.FullName() != full {
		return nil
	}
	return fn
}
