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
	seenPath := make(map[string]bool)
	addPath := func(p string) {
		if !seenPath[p] {
			seenPath[p] = true
			paths = append(paths, p)
		}
	}
	for _, lib := range libs {
		addPath(lib.Path)
		for name := range lib.Calls {
			addPath(keyPackage(lib, name))
		}
	}
	byPath := loadTypes(t, paths)
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
			fn := lookupFunc(byPath[keyPackage(lib, name)], name)
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

// loadTypes loads the packages at paths from the testdata module, as
// the tables' checks see them, by import path.
func loadTypes(t *testing.T, paths []string) map[string]*types.Package {
	t.Helper()
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
	return byPath
}

// checkPath checks that a path's root exists on fn and that each field
// exists on the struct it selects from (or is a constructor's field).
func checkPath(t *testing.T, lib *protocols.Library, name string, fn *types.Func, c protocols.Call, p protocols.Path, virtual map[string]bool) {
	t.Helper()
	sig := fn.Signature()
	var typ types.Type
	switch p.Root {
	case protocols.RootNone, protocols.RootConst:
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
		if c.Handler != nil || c.Message.IsZero() {
			return // a handler's argument: checked where it is used
		}
		mp := c.Message
		root := mp
		root.Fields = nil
		var msgType types.Type
		switch root.Root {
		case protocols.RootArg:
			msgType = sig.Params().At(root.Index).Type()
		case protocols.RootResult:
			msgType = sig.Results().At(root.Index).Type()
		case protocols.RootRecv:
			msgType = sig.Recv().Type()
		}
		// The message is what the Message path's elements select; a
		// sent slice stands for its elements.
		msgType = walkElements(t, lib, name, mp, msgType, virtual)
		if s, ok := msgType.(*types.Slice); ok {
			msgType = s.Elem()
		}
		typ = msgType
	}
	typ = walkElements(t, lib, name, p, typ, virtual)
}

// walkElements follows the elements of a path from typ and returns the
// type reached, or nil where the rest cannot be checked statically.
func walkElements(t *testing.T, lib *protocols.Library, name string, p protocols.Path, typ types.Type, virtual map[string]bool) types.Type {
	t.Helper()
	for _, f := range p.Fields {
		if typ == nil {
			return nil
		}
		switch {
		case f == "[]" || f == "[:len/2]" || isIndex(f):
			switch u := typ.Underlying().(type) {
			case *types.Slice:
				typ = u.Elem()
			case *types.Array:
				typ = u.Elem()
			default:
				t.Errorf("%s: %s: path %s: %s is not a slice", lib.Name, name, p, typ)
				return nil
			}
			continue
		case f == "<-":
			ch, ok := typ.Underlying().(*types.Chan)
			if !ok {
				t.Errorf("%s: %s: path %s: %s is not a channel", lib.Name, name, p, typ)
				return nil
			}
			typ = ch.Elem()
			continue
		case strings.HasSuffix(f, "()"):
			var pkg *types.Package
			if n, ok := deref(typ).(*types.Named); ok {
				pkg = n.Obj().Pkg()
			}
			obj, _, _ := types.LookupFieldOrMethod(typ, true, pkg, strings.TrimSuffix(f, "()"))
			m, ok := obj.(*types.Func)
			if !ok {
				t.Errorf("%s: %s: path %s: %s has no method %s", lib.Name, name, p, typ, f)
				return nil
			}
			typ = m.Signature().Results().At(0).Type()
			continue
		case f == "encoded" || f == "decoded":
			return nil // the messages of a stream
		case f == "[keys]" || f == "[values]":
			m, ok := deref(typ).Underlying().(*types.Map)
			if !ok {
				t.Errorf("%s: %s: path %s: %s is not a map", lib.Name, name, p, typ)
				return nil
			}
			if f == "[keys]" {
				typ = m.Key()
			} else {
				typ = m.Elem()
			}
			continue
		case strings.HasPrefix(f, "[\""):
			m, ok := deref(typ).Underlying().(*types.Map)
			if !ok {
				t.Errorf("%s: %s: path %s: %s is not a map", lib.Name, name, p, typ)
				return nil
			}
			typ = m.Elem()
			continue
		case strings.HasSuffix(f, ")"):
			return nil // an option's argument
		}
		if virtual[f] {
			return nil // a constructor's field: the rest is not a Go field
		}
		if types.IsInterface(deref(typ)) {
			return nil // a field of what the value is asserted to
		}
		st, ok := deref(typ).Underlying().(*types.Struct)
		if !ok {
			t.Errorf("%s: %s: path %s: %s is not a struct", lib.Name, name, p, typ)
			return nil
		}
		var next types.Type
		for i := range st.NumFields() {
			if st.Field(i).Name() == f {
				next = st.Field(i).Type()
			}
		}
		if next == nil {
			t.Errorf("%s: %s: path %s: %s has no field %s", lib.Name, name, p, typ, f)
			return nil
		}
		typ = next
	}
	return typ
}

func deref(t types.Type) types.Type {
	if p, ok := t.(*types.Pointer); ok {
		return p.Elem()
	}
	return t
}

// keyPackage returns the import path of the package of a table key: the
// library's own, or the one the key names.
func keyPackage(lib *protocols.Library, full string) string {
	s := strings.TrimPrefix(strings.TrimPrefix(full, "("), "*")
	if strings.HasPrefix(s, lib.Path+".") {
		return lib.Path
	}
	return packageOf(full)
}

// packageOf returns the import path of the package of a full function
// name: "(*net/http.ServeMux).HandleFunc" is in "net/http".
func packageOf(full string) string {
	s := strings.TrimPrefix(strings.TrimPrefix(full, "("), "*")
	if i := strings.Index(s, ")."); i >= 0 {
		s = s[:i]
	}
	slash := strings.LastIndexByte(s, '/')
	dot := strings.IndexByte(s[slash+1:], '.')
	if dot < 0 {
		return s
	}
	return s[:slash+1+dot]
}

// lookupFunc finds a function or method by its full name in pkg.
func lookupFunc(pkg *types.Package, full string) *types.Func {
	if pkg == nil {
		return nil
	}
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
	var lookIn types.Type = types.NewPointer(tn.Type())
	if types.IsInterface(tn.Type()) {
		lookIn = tn.Type()
	}
	obj, _, _ := types.LookupFieldOrMethod(lookIn, true, pkg, method)
	fn, _ := obj.(*types.Func)
	if fn != nil && fn.FullName() != full {
		return nil
	}
	return fn
}

// isIndex reports whether the path element f is an index: [0].
func isIndex(f string) bool {
	if len(f) < 3 || f[0] != '[' || f[len(f)-1] != ']' {
		return false
	}
	for _, c := range f[1 : len(f)-1] {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// TestCodecsMatchLibraries checks the codec and stream tables (Codecs and
// each library's Writes, Reads, DerivedStreams and ByteMethods) against
// the real packages, as TestTablesMatchLibraries does the calls.
func TestCodecsMatchLibraries(t *testing.T) {
	if err := testmod.Download(); err != nil {
		t.Fatal(err)
	}
	type table struct {
		owner       *protocols.Library
		codecs      map[string]protocols.Codec
		streams     map[string]protocols.StreamCodec
		paths       map[string]protocols.Path
		derived     map[string]protocols.DerivedStream
		byteMethods map[string]string
	}
	std := &protocols.Library{Name: "codecs"}
	c := protocols.Codecs
	tables := []table{
		{owner: std, codecs: c.Encoders}, {owner: std, codecs: c.Decoders},
		{owner: std, streams: c.StreamEncoders}, {owner: std, streams: c.StreamDecoders},
		{owner: std, paths: c.Buffers}, {owner: std, paths: c.Readers},
		{owner: std, codecs: c.Writes}, {owner: std, codecs: c.Reads},
		{owner: std, derived: c.DerivedStreams}, {owner: std, byteMethods: c.ByteMethods},
	}
	for _, lib := range protocols.Libraries() {
		tables = append(tables,
			table{owner: lib, codecs: lib.Writes}, table{owner: lib, codecs: lib.Reads},
			table{owner: lib, derived: lib.DerivedStreams}, table{owner: lib, byteMethods: lib.ByteMethods})
	}
	var paths []string
	seen := make(map[string]bool)
	keys := func(tb table) []string {
		var out []string
		for k := range tb.codecs {
			out = append(out, k)
		}
		for k := range tb.streams {
			out = append(out, k)
		}
		for k := range tb.paths {
			out = append(out, k)
		}
		for k := range tb.derived {
			out = append(out, k)
		}
		for k := range tb.byteMethods {
			out = append(out, k)
		}
		return out
	}
	for _, tb := range tables {
		for _, k := range keys(tb) {
			if p := keyPackage(tb.owner, k); !seen[p] {
				seen[p] = true
				paths = append(paths, p)
			}
		}
	}
	byPath := loadTypes(t, paths)
	for _, p := range paths {
		if byPath[p] == nil {
			t.Errorf("package %s not loaded", p)
		}
	}
	for _, tb := range tables {
		lib := tb.owner
		for name, m := range tb.byteMethods {
			pkg := byPath[keyPackage(lib, name)]
			var iface *types.Interface
			if pkg != nil {
				if tn, ok := pkg.Scope().Lookup(strings.TrimPrefix(name, pkg.Path()+".")).(*types.TypeName); ok {
					iface, _ = tn.Type().Underlying().(*types.Interface)
				}
			}
			if iface == nil {
				t.Errorf("%s: no interface %s", lib.Name, name)
				continue
			}
			if obj, _, _ := types.LookupFieldOrMethod(iface, false, nil, m); obj == nil {
				t.Errorf("%s: interface %s has no method %s", lib.Name, name, m)
			}
		}
		check := func(name string, ps ...protocols.Path) {
			fn := lookupFunc(byPath[keyPackage(lib, name)], name)
			if fn == nil {
				t.Errorf("%s: no function %s", lib.Name, name)
				return
			}
			for _, p := range ps {
				checkPath(t, lib, name, fn, protocols.Call{}, p, nil)
			}
		}
		for name, cd := range tb.codecs {
			check(name, cd.Value, cd.Data, cd.Stream)
		}
		for name, sc := range tb.streams {
			check(name, sc.Stream)
		}
		for name, p := range tb.paths {
			check(name, p)
		}
		for name, d := range tb.derived {
			check(name, d.From, d.To)
		}
	}
}
