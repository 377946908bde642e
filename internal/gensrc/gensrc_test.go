package gensrc

import (
	"fmt"
	"go/format"
	"os/exec"
	"reflect"
	"testing"
)

// vetSeeds are seeds of varied programs: every payload and call kind
// comes up in one of them.
var vetSeeds = [][]byte{
	nil,
	[]byte("\x05\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f"),
	[]byte("\xff\xfe\xfd\xfc\xfb\xfa\xf9\xf8\xf7\xf6\xf5\xf4\xf3\xf2\xf1\xf0\xef\xee\xed\xec\xeb\xea\xe9\xe8\xe7\xe6"),
	[]byte("generated code must compile, whatever the seed says: 0123456789 abcdefghijklmnopqrstuvwxyz"),
	[]byte{3, 0, 0, 9, 10, 8, 7, 6, 5, 4, 3, 2, 1, 0, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7},
	[]byte("\x07\x08\x10\x18\x20\x28\x30\x38\x40\x48\x50\x58\x60\x68\x70\x78\x80\x88\x90\x98\xa0\xa8\xb0\xb8\xc0\xc8\xd0\xd8\xe0\xe8\xf0\xf8\x01\x09\x11\x19\x21\x29\x31\x39\x41\x49\x51\x59\x61\x69\x71\x79\x81\x89\x91\x99\xa1\xa9\xb1\xb9\xc1\xc9\xd1\xd9\xe1\xe9\xf1\xf9"),
}

// The generated code compiles and passes go vet.
func TestGeneratedCodeVets(t *testing.T) {
	seeds := append([][]byte(nil), vetSeeds...)
	for i := range 3 {
		seeds = append(seeds, expandSeed(fmt.Sprint("vet ", i), 256))
	}
	for i, seed := range seeds {
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			files := Generate(seed)
			dir := writeModule(t, files)
			cmd := exec.Command("go", "vet", "./...")
			cmd.Dir = dir
			cmd.Env = goEnv()
			if out, err := cmd.CombinedOutput(); err != nil {
				for name, src := range files {
					t.Logf("%s:\n%s", name, src)
				}
				t.Fatalf("go vet: %v\n%s", err, out)
			}
		})
	}
}

// The same seed gives the same files.
func TestGenerateDeterministic(t *testing.T) {
	for _, seed := range vetSeeds {
		if a, b := Generate(seed), Generate(seed); !reflect.DeepEqual(a, b) {
			t.Fatalf("Generate(%q) differs between calls", seed)
		}
	}
}

// The generated files are gofmt-formatted.
func TestGeneratedCodeFormatted(t *testing.T) {
	for _, seed := range vetSeeds {
		for name, src := range Generate(seed) {
			if out, err := format.Source([]byte(src)); err != nil || string(out) != src {
				t.Errorf("%s of seed %q is not formatted (%v)", name, seed, err)
			}
		}
	}
}
