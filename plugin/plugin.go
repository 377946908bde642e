// Package plugin is asyncapi-extract as a golangci-lint v2 module plugin.
// Build golangci-lint with it (see the README), enable the "asyncapi"
// linter, and it reports what the command would warn about (channel
// addresses only known at run time, payloads of unknown type, malformed
// directives) and, when the "spec" setting names the committed AsyncAPI
// document, where the code and the document disagree.
package plugin

import (
	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/asyncapi-extract/asyncapi-extract/analyzer"
)

func init() {
	register.Plugin("asyncapi", New)
}

// Settings are the linter's settings in .golangci.yml.
type Settings struct {
	// Spec is the committed AsyncAPI document, relative to the directory
	// golangci-lint runs in (the module root). When set, operations and
	// payloads are checked against it.
	Spec string `json:"spec"`
}

// New makes the plugin from its settings.
func New(conf any) (register.LinterPlugin, error) {
	s, err := register.DecodeSettings[Settings](conf)
	if err != nil {
		return nil, err
	}
	return &linter{settings: s}, nil
}

type linter struct {
	settings Settings
}

// BuildAnalyzers returns the project's Analyzer, unchanged, and the drift
// check when a spec is set.
func (l *linter) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	as := []*analysis.Analyzer{analyzer.Analyzer}
	if l.settings.Spec != "" {
		as = append(as, NewDrift(l.settings.Spec))
	}
	return as, nil
}

// GetLoadMode asks for type information: the Analyzer works on SSA.
func (l *linter) GetLoadMode() string { return register.LoadModeTypesInfo }
