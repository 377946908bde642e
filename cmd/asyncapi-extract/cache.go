package main

import (
	"bytes"
	"io"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/asyncapi-extract/asyncapi-extract/internal/runcache"
)

// cachedGenerate is generate, reusing the result of an earlier run with
// the same inputs (see internal/runcache): a run with nothing changed,
// the pre-commit case, loads and analyses nothing. Only clean runs are
// stored: a run with errors is run again, and says so again.
func cachedGenerate(c *cli.Context, absDir, format string, tags []string, base []byte, baseName string, stderr io.Writer) ([]byte, int, int) {
	if c.Bool("no-cache") {
		return generate(c, absDir, format, tags, base, baseName, stderr)
	}
	cache, key := openCache(c, absDir, format, tags, base, baseName)
	if cache == nil {
		return generate(c, absDir, format, tags, base, baseName, stderr)
	}
	if e, ok := cache.Get(key); ok {
		if _, err := stderr.Write(e.Stderr); err != nil {
			return nil, 0, exitInternal
		}
		return e.Output, exitOK, 0
	}
	var diags bytes.Buffer
	out, success, failed := generate(c, absDir, format, tags, base, baseName, io.MultiWriter(stderr, &diags))
	if failed == 0 && success == exitOK {
		// A file edited while the packages were loaded may or may not be
		// in the result: such a run is not stored. A cache that cannot be
		// written only costs the next run time.
		if _, after := openCache(c, absDir, format, tags, base, baseName); after == key {
			_ = cache.Put(key, &runcache.Entry{Output: out, Stderr: diags.Bytes()})
		}
	}
	return out, success, failed
}

// openCache opens the cache and computes the key of this run, or
// returns nil when the run cannot be cached (no module) or the cache is
// unusable.
func openCache(c *cli.Context, absDir, format string, tags []string, base []byte, baseName string) (*runcache.Cache, string) {
	dir, err := runcache.DefaultDir()
	if err != nil {
		return nil, ""
	}
	cache, err := runcache.Open(dir)
	if err != nil {
		return nil, ""
	}
	// Every flag that changes the document or the diagnostics.
	args := []string{
		"format=" + format,
		"tags=" + strings.Join(tags, ","),
		"title=" + c.String("title"),
		"version=" + c.String("version"),
		"base=" + baseName,
	}
	for _, b := range []string{"positions", "keep-going"} {
		if c.Bool(b) {
			args = append(args, b)
		}
	}
	args = append(args, "--")
	args = append(args, c.Args().Slice()...)
	key, err := runcache.Key(runcache.Inputs{Dir: absDir, Args: args, Extra: [][]byte{base},
		Tests: c.Bool("include-tests")})
	if err != nil {
		return nil, ""
	}
	return cache, key
}
