package emit

import (
	"strconv"
	"strings"

	"github.com/asyncapi-extract/asyncapi-extract/analyzer"
	"github.com/asyncapi-extract/asyncapi-extract/protocols"
)

// wildcardTemplate turns a topic filter with wildcards, which an AsyncAPI
// address cannot hold ("#" is forbidden, and a "+" level is a variable
// part), into a template: each single-level wildcard becomes a
// parameter named after its level, a trailing multi-level one a
// parameter spanning the remaining levels. It returns the address
// unchanged, and no filter, when there is no wildcard.
func wildcardTemplate(addr analyzer.Address, w *protocols.Wildcards) (analyzer.Address, string) {
	levels := strings.Split(addr.Value, w.Separator)
	changed := false
	params := append([]analyzer.AddressParam(nil), addr.Params...)
	for i, l := range levels {
		switch {
		case l == w.Single:
			// Named after its level, unless the code's own template
			// has a parameter of that name already.
			name := freshParam(params, "level"+strconv.Itoa(i+1))
			levels[i] = "{" + name + "}"
			params = append(params, analyzer.AddressParam{Name: name,
				Origin: "the " + w.Single + " wildcard of the subscription: any one topic level"})
			changed = true
		case l == w.Multi && i == len(levels)-1:
			name := freshParam(params, "rest")
			levels[i] = "{" + name + "}"
			params = append(params, analyzer.AddressParam{Name: name,
				Origin: "the " + w.Multi + " wildcard of the subscription: any number of remaining topic levels, separated by " + strconv.Quote(w.Separator)})
			changed = true
		}
	}
	if !changed {
		return addr, ""
	}
	return analyzer.Address{Known: true, Value: strings.Join(levels, w.Separator), Params: params}, addr.Value
}
