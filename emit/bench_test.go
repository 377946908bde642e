package emit

import (
	"fmt"
	"strings"
	"testing"

	"github.com/asyncapi-extract/asyncapi-extract/analyzer"
	"github.com/asyncapi-extract/asyncapi-extract/internal/scaling"
	"github.com/asyncapi-extract/asyncapi-extract/protocols"
)

// manyOperations returns n operations of several protocols on n/2
// channels (a send and a receive each, some with consumer groups and
// keys), with payloads of n/4 struct types.
func manyOperations(tb testing.TB, n int) []*analyzer.Operation {
	tb.Helper()
	var src strings.Builder
	src.WriteString("package p\n\n")
	nt := max(n/4, 1)
	for i := 0; i < nt; i++ {
		fmt.Fprintf(&src, "type Event%d struct {\n\tID string `json:\"id\"`\n\tSeq int `json:\"seq\"`\n\tTags []string `json:\"tags,omitempty\"`\n}\n\n", i)
	}
	ts := typesOf(tb, src.String())
	libs := []*protocols.Library{protocols.KafkaGo, protocols.AMQP091, protocols.PahoMQTT, protocols.NatsGo}
	ops := make([]*analyzer.Operation, 0, n)
	for i := 0; i < n; i++ {
		ch := i / 2
		lib := libs[ch%len(libs)]
		payload := ts[fmt.Sprintf("Event%d", ch%nt)]
		op := &analyzer.Operation{
			Library: lib, Protocol: lib.Protocol,
			Action:   protocols.Send,
			Address:  known(fmt.Sprintf("service.%d.events.v1", ch)),
			Messages: []analyzer.Message{{Payload: typed(payload)}},
			Settings: map[protocols.Setting][]string{protocols.SettingBroker: {"broker-1:9092"}},
		}
		if i%2 == 1 {
			op.Action = protocols.Receive
			op.Settings = map[protocols.Setting][]string{protocols.SettingGroupID: {fmt.Sprintf("group-%d", ch%7)}}
		}
		ops = append(ops, op)
	}
	return ops
}

func buildDocument(tb testing.TB, ops []*analyzer.Operation) int {
	doc, err := Build(Input{Operations: ops}, Options{ModulePath: "example.com/p"})
	if err != nil {
		tb.Fatal(err)
	}
	out, err := doc.YAML()
	if err != nil {
		tb.Fatal(err)
	}
	return len(out)
}

// BenchmarkBuildDocument is building and writing the document of
// thousands of operations: the time per operation should stay flat.
func BenchmarkBuildDocument(b *testing.B) {
	for _, n := range []int{500, 2000, 8000} {
		ops := manyOperations(b, n)
		b.Run(fmt.Sprintf("operations=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				buildDocument(b, ops)
			}
		})
	}
}

// TestBuildDocumentScales checks that building a document is not
// quadratic in the number of operations: 8 times the operations take well
// under 64 times as long (the best of three runs of each, in the same
// process: a ratio, not a time).
func TestBuildDocumentScales(t *testing.T) {
	if testing.Short() {
		t.Skip("timing")
	}
	small, large := manyOperations(t, 500), manyOperations(t, 4000)
	ratio := scaling.Ratio(func() { buildDocument(t, small) }, func() { buildDocument(t, large) })
	t.Logf("8x the operations: %.1fx the time", ratio)
	if ratio > 24 {
		t.Errorf("8x the operations took %.1fx the time: quadratic?", ratio)
	}
}
