package plugin

import (
	"fmt"
	"go/token"
	"go/types"
	"reflect"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/asyncapi-extract/asyncapi-extract/analyzer"
	"github.com/asyncapi-extract/asyncapi-extract/protocols"
	"github.com/asyncapi-extract/asyncapi-extract/schema"
)

// NewDrift returns the analyzer that checks a package's operations
// against the committed document at specPath:
//
//   - an operation the code performs that the document lacks;
//   - an operation the document lists at a call site of this package
//     (x-go-source) that the code no longer performs;
//   - a payload whose Go type the document's operation does not list,
//     a field the code sends that the document's schema does not have,
//     and a field the document requires that the code does not send.
//
// Each is reported at the call site.
func NewDrift(specPath string) *analysis.Analyzer {
	d := &drift{specPath: specPath}
	return &analysis.Analyzer{
		Name:       "drift", // golangci-lint prefixes its messages with it
		Doc:        "check the operations and payloads of the code against the committed AsyncAPI document",
		Requires:   []*analysis.Analyzer{analyzer.Analyzer},
		Run:        d.run,
		ResultType: reflect.TypeFor[struct{}](),
	}
}

type drift struct {
	specPath string
}

func (d *drift) run(pass *analysis.Pass) (any, error) {
	res, _ := pass.ResultOf[analyzer.Analyzer].(*analyzer.Result)
	if res == nil || len(pass.Files) == 0 {
		return struct{}{}, nil
	}
	sp, err := loadSpec(d.specPath)
	if err != nil {
		return nil, fmt.Errorf("asyncapi spec: %v", err)
	}
	for _, op := range res.Operations {
		if !op.Address.Known {
			continue // reported by the analyzer already
		}
		matches := sp.operations(op)
		if len(matches) == 0 {
			pass.Reportf(op.Pos, "%s %s on %q is not in %s", op.Proto().Name, op.Action, op.Address.Value, sp.name)
			continue
		}
		d.checkPayloads(pass, sp, op, matches)
	}
	d.checkGone(pass, sp, res)
	return struct{}{}, nil
}

// operations returns the document's operations that are op: same action
// on a channel of the same address.
func (s *spec) operations(op *analyzer.Operation) []specOp {
	var out []specOp
	for _, so := range s.ops {
		if so.known && so.action == string(op.Action) && so.address == op.Address.Value {
			out = append(out, so)
		}
	}
	return out
}

// checkPayloads compares the payloads of op with the messages the
// document's operations list.
func (d *drift) checkPayloads(pass *analysis.Pass, sp *spec, op *analyzer.Operation, matches []specOp) {
	for _, m := range op.Messages {
		t := m.Payload.Type
		if t == nil || types.IsInterface(t) {
			continue
		}
		goType := types.TypeString(t, nil)
		var sm *specMsg
		for _, so := range matches {
			for i := range so.msgs {
				if so.msgs[i].goType == goType {
					sm = &so.msgs[i]
				}
			}
		}
		if sm == nil {
			pass.Reportf(op.Pos, "%s %s on %q: payload %s is not one of the messages %s lists", op.Proto().Name, op.Action, op.Address.Value, shortType(t), sp.name)
			continue
		}
		props, required := fieldsOf(t, m.Payload.Encoding)
		for _, p := range props {
			if !sm.props[p] {
				pass.Reportf(op.Pos, "%s %s on %q: field %q of %s is not in %s's schema", op.Proto().Name, op.Action, op.Address.Value, p, shortType(t), sp.name)
			}
		}
		have := make(map[string]bool)
		for _, p := range required {
			have[p] = true
		}
		for _, p := range props {
			have[p] = true
		}
		for _, r := range sm.required {
			if !have[r] {
				pass.Reportf(op.Pos, "%s %s on %q: %s requires field %q, which %s does not have", op.Proto().Name, op.Action, op.Address.Value, sp.name, r, shortType(t))
			}
		}
	}
}

// fieldsOf returns the JSON properties of a payload type, in field order,
// and its required ones.
func fieldsOf(t types.Type, enc protocols.Encoding) ([]string, []string) {
	g := schema.NewGenerator()
	e := schema.EncodingOf(enc)
	g.AddAs(t, e)
	set := g.Build()
	ref := set.RefAs(t, e)
	if ref == nil || ref.Ref == nil {
		return nil, nil
	}
	name := strings.TrimPrefix(*ref.Ref, "#/components/schemas/")
	for _, c := range set.Components() {
		if c.Name != name {
			continue
		}
		var props []string
		for p := range c.Schema.Properties {
			props = append(props, p)
		}
		sort.Strings(props)
		return props, c.Schema.Required
	}
	return nil, nil
}

// checkGone reports the document's operations whose call sites are in
// this package but that the package no longer performs.
func (d *drift) checkGone(pass *analysis.Pass, sp *spec, res *analyzer.Result) {
	files := make(map[string]*token.File)
	for _, f := range pass.Files {
		if tf := pass.Fset.File(f.Pos()); tf != nil {
			files[tf.Name()] = tf
		}
	}
	// Where this package performs operations: final ones by action and
	// address, wrappers by the line of their client call.
	performed := make(map[string]bool)
	wrapperLines := make(map[specSource]bool)
	for _, op := range res.Operations {
		performed[string(op.Action)+" "+op.Address.Value] = true
	}
	for _, w := range res.Wrappers {
		for _, op := range w.Operations {
			p := pass.Fset.Position(op.Pos)
			wrapperLines[specSource{p.Filename, p.Line}] = true
		}
	}
	for _, so := range sp.ops {
		if !so.known || performed[so.action+" "+so.address] {
			continue
		}
		var here []specSource
		wrapped := false
		for _, src := range so.sources {
			if files[src.file] != nil {
				here = append(here, src)
			}
			if wrapperLines[src] {
				wrapped = true
			}
		}
		if len(here) == 0 || wrapped {
			continue
		}
		src := here[0]
		tf := files[src.file]
		pos := tf.Pos(0)
		if src.line >= 1 && src.line <= tf.LineCount() {
			pos = tf.LineStart(src.line)
		}
		pass.Reportf(pos, "%s lists %s on %q (operation %s) here, but the code no longer performs it", sp.name, so.action, so.address, so.id)
	}
}

func shortType(t types.Type) string {
	return types.TypeString(t, func(p *types.Package) string { return p.Name() })
}
