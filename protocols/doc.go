package protocols

import (
	"fmt"
	"maps"
	"slices"
	"strings"
)

// SupportedCallsMarkdown renders the tables as the README's list of
// supported calls, so that the documentation is generated from the same
// data the analyzer reads.
func SupportedCallsMarkdown(libs []*Library) string {
	var b strings.Builder
	for _, lib := range libs {
		if len(lib.Calls) == 0 {
			continue // not supported yet
		}
		fmt.Fprintf(&b, "### %s (`%s`, protocol `%s`)\n\n", lib.Name, lib.Path, lib.Protocol.Name)
		b.WriteString("| call | action | address from | payload from |\n|---|---|---|---|\n")
		for _, name := range slices.Sorted(maps.Keys(lib.Calls)) {
			c := lib.Calls[name]
			addrs := make([]string, len(c.Address))
			for i, p := range c.Address {
				addrs[i] = "`" + p.String() + "`"
			}
			fmt.Fprintf(&b, "| `%s` | %s | %s | `%s` |\n", trimPath(name, lib.Path), c.Action, strings.Join(addrs, ", then "), c.Payload)
		}
		if len(lib.Constructors) > 0 {
			names := slices.Sorted(maps.Keys(lib.Constructors))
			for i, n := range names {
				names[i] = "`" + trimPath(n, lib.Path) + "`"
			}
			fmt.Fprintf(&b, "\nFollowed through: %s.\n", strings.Join(names, ", "))
		}
		b.WriteString("\n")
	}
	return b.String()
}

// trimPath shortens a full name to the package's last path element.
func trimPath(name, path string) string {
	short := path[strings.LastIndexByte(path, '/')+1:]
	return strings.ReplaceAll(name, path, short)
}

// String writes a path as the tables read: recv.Topic, arg1, msg.Value.
func (p Path) String() string {
	var root string
	switch p.Root {
	case RootNone:
		return "-"
	case RootRecv:
		root = "recv"
	case RootArg:
		root = fmt.Sprintf("arg%d", p.Index)
	case RootResult:
		root = fmt.Sprintf("result%d", p.Index)
	case RootMessage:
		root = "msg"
	case RootConst:
		return "\"" + strings.Join(p.Fields, "") + "\""
	}
	if len(p.Fields) == 0 {
		return root
	}
	return root + "." + strings.Join(p.Fields, ".")
}
