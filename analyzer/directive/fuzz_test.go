package directive

import (
	"reflect"
	"testing"
)

// FuzzParse checks that Parse never panics, that errors point inside the
// text, and that the canonical form of every directive parses back to the
// same directive and is a fixed point of Parse+String.
func FuzzParse(f *testing.F) {
	for _, tc := range valid {
		f.Add(tc.in)
	}
	for _, tc := range invalid {
		f.Add(tc.in)
	}
	f.Add("// asyncapi:channel orders")
	f.Fuzz(func(t *testing.T, text string) {
		d, ok, err := Parse(text)
		if !ok {
			if err != nil || !reflect.DeepEqual(d, Directive{}) {
				t.Fatalf("Parse(%q) = %#v, false, %v; want zero values", text, d, err)
			}
			return
		}
		if LooksLikeDirective(text) {
			t.Errorf("LooksLikeDirective(%q) is true for a directive", text)
		}
		if err != nil {
			e, isErr := err.(*Error)
			if !isErr {
				t.Fatalf("Parse(%q): error %T, want *Error", text, err)
			}
			if e.Offset < 0 || e.Offset > len(text) {
				t.Fatalf("Parse(%q): offset %d outside [0, %d]: %s", text, e.Offset, len(text), e.Msg)
			}
			return
		}
		if d.Verb == Payload && (d.Type == nil || d.Arg != d.Type.String()) {
			t.Fatalf("Parse(%q): payload Arg %q, Type %v", text, d.Arg, d.Type)
		}
		canon := d.String()
		d2, ok, err := Parse(canon)
		if !ok || err != nil {
			t.Fatalf("Parse(%q) ok; its canonical form %q: ok %v, %v", text, canon, ok, err)
		}
		if !reflect.DeepEqual(d, d2) {
			t.Fatalf("round trip of %q through %q:\n\t%#v\n\t%#v", text, canon, d, d2)
		}
		if again := d2.String(); again != canon {
			t.Fatalf("canonical form of %q is not a fixed point: %q, then %q", text, canon, again)
		}
	})
}
