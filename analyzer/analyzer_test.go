package analyzer_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/asyncapi-extract/asyncapi-extract/analyzer"
	"github.com/asyncapi-extract/asyncapi-extract/internal/testmod"
)

func TestMain(m *testing.M) {
	if err := analyzer.Analyzer.Flags.Set("operations", "true"); err != nil {
		panic(err)
	}
	m.Run()
}

// TestKafkaGo runs the analyzer on the real segmentio/kafka-go: every
// operation found is reported and matched against the `// want` comments.
func TestKafkaGo(t *testing.T) {
	if err := testmod.Download(); err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, testmod.Dir(), analyzer.Analyzer, "./kafkago/...")
}

// TestCodecs covers payloads encoded with protobuf, protojson and msgpack,
// and typed headers.
func TestCodecs(t *testing.T) {
	if err := testmod.Download(); err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, testmod.Dir(), analyzer.Analyzer, "./codecs/...")
}
