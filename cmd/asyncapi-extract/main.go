// Command asyncapi-extract writes the AsyncAPI 3.0 document of the
// messages a Go code base sends and receives, found statically from its
// calls of messaging client libraries.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/asyncapi-extract/asyncapi-extract/emit"
	"github.com/asyncapi-extract/asyncapi-extract/internal/driver"
	"github.com/asyncapi-extract/asyncapi-extract/internal/textdiff"
)

// Exit codes.
const (
	exitOK       = 0 // the document was written
	exitChanged  = 1 // --check found a difference; --exit-code changed the output file
	exitUsage    = 2 // bad flags or arguments
	exitLoad     = 3 // packages could not be loaded or have errors; nothing written
	exitInternal = 4 // the document could not be built or written
	exitPartial  = 5 // --keep-going wrote the document of the packages that could be analysed
)

const exitCodesHelp = `EXIT CODES:
   0  the document was written (diagnostics, if any, are on stderr); with --check, the file is up to date
   1  with --check, the file differs (the diff is on stdout); with --exit-code, the output file was changed or created
   2  bad flags or arguments
   3  the packages could not be loaded, have errors, or could not all be analysed; nothing was written
   4  the document could not be built or written
   5  with --keep-going, the same errors as 3, but the document of what could be analysed was written`

func main() {
	os.Exit(run(os.Args, os.Stdout, os.Stderr))
}

// run is the command with its streams, for tests.
func run(args []string, stdout, stderr io.Writer) int {
	code := exitOK
	app := &cli.App{
		Name:      "asyncapi-extract",
		Usage:     "write the AsyncAPI 3.0 document of what Go code sends and receives",
		UsageText: "asyncapi-extract [flags] [packages]   (packages default to ./...)",
		Description: "Loads the Go packages, finds every publish and subscribe call of the supported\n" +
			"messaging clients, resolves channel addresses and payload types, and prints an\n" +
			"AsyncAPI 3.0.0 document. Diagnostics go to stderr as file:line:col: message.\n\n" +
			exitCodesHelp,
		Writer:          stdout,
		ErrWriter:       stderr,
		HideHelpCommand: true,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write the document to `FILE` (format from its extension: .yaml, .yml or .json)"},
			&cli.StringFlag{Name: "format", Usage: "output format: yaml or json (default: from --output, else yaml)"},
			&cli.StringFlag{Name: "tags", Usage: "comma-separated build `TAGS`"},
			&cli.StringFlag{Name: "title", Usage: "info.title (default: the module path)"},
			&cli.StringFlag{Name: "version", Usage: "info.version (default: 1.0.0, or N.0.0 for a /vN module)"},
			&cli.BoolFlag{Name: "positions", Usage: "add x-go-source, the call sites of each operation"},
			&cli.StringFlag{Name: "C", Usage: "run as if started in `DIR`"},
			&cli.BoolFlag{Name: "include-tests", Usage: "analyse _test.go files too"},
			&cli.StringFlag{Name: "check", Usage: "compare the document with `FILE` instead of writing it: print a unified diff and exit 1 when they differ"},
			&cli.BoolFlag{Name: "exit-code", Usage: "with --output, exit 1 when the file was changed or created (for pre-commit)"},
			&cli.StringFlag{Name: "base", Usage: "merge the document into the hand-written base document `FILE` (default: " + strings.Join(baseNames, ", ") + " in the working directory, if present)"},
			&cli.BoolFlag{Name: "no-base", Usage: "do not merge into a base document"},
			&cli.BoolFlag{Name: "keep-going", Usage: "when packages have errors, still write the document of the others (exit 5)"},
		},
		OnUsageError: func(_ *cli.Context, err error, _ bool) error {
			return cli.Exit(err.Error(), exitUsage)
		},
		Action: func(c *cli.Context) error {
			code = extract(c, stdout, stderr)
			return nil
		},
		ExitErrHandler: func(_ *cli.Context, err error) {
			if err == nil {
				return
			}
			fmt.Fprintln(stderr, "asyncapi-extract:", err)
			code = exitUsage
			var ec cli.ExitCoder
			if errors.As(err, &ec) {
				code = ec.ExitCode()
			}
		},
	}
	if err := app.Run(args); err != nil && code == exitOK {
		code = exitUsage
	}
	return code
}

func extract(c *cli.Context, stdout, stderr io.Writer) int {
	fail := func(code int, format string, args ...any) int {
		fmt.Fprintf(stderr, "asyncapi-extract: "+format+"\n", args...)
		return code
	}
	target := c.String("output")
	if c.String("check") != "" {
		if target != "" {
			return fail(exitUsage, "--check and --output exclude each other")
		}
		target = c.String("check")
	}
	if c.Bool("exit-code") && c.String("output") == "" {
		return fail(exitUsage, "--exit-code needs --output")
	}
	format, err := outputFormat(c.String("format"), target)
	if err != nil {
		return fail(exitUsage, "%v", err)
	}
	dir := c.String("C")
	if dir == "" {
		dir = "."
	}
	absDir, err := filepath.Abs(dir)
	if err != nil {
		return fail(exitUsage, "%v", err)
	}
	if st, err := os.Stat(absDir); err != nil || !st.IsDir() {
		return fail(exitUsage, "-C %s: not a directory", dir)
	}
	var tags []string
	if t := c.String("tags"); t != "" {
		tags = strings.Split(t, ",")
	}

	res, err := driver.Run(driver.Config{
		Dir:      absDir,
		Patterns: c.Args().Slice(),
		Tags:     tags,
		Tests:    c.Bool("include-tests"),
	})
	if err != nil {
		return fail(exitLoad, "%v", err)
	}
	// success is the exit code of a run that writes its document.
	success := exitOK
	if len(res.Errors) > 0 {
		for _, e := range res.Errors {
			// Positions relative to the directory, as diagnostics'.
			fmt.Fprintln(stderr, strings.TrimPrefix(e, absDir+string(filepath.Separator)))
		}
		if !c.Bool("keep-going") {
			return fail(exitLoad, "%d error(s); no document written (--keep-going writes what could be analysed)", len(res.Errors))
		}
		fmt.Fprintf(stderr, "asyncapi-extract: %d error(s); the document lacks what those packages would give\n", len(res.Errors))
		success = exitPartial
	}
	for _, d := range res.Diagnostics {
		d.Pos.Filename = relTo(absDir, d.Pos.Filename)
		fmt.Fprintln(stderr, d.String())
	}

	doc, err := emit.Build(emit.Input{Fset: res.Fset, Operations: res.Operations, Docs: res.Docs, Directives: res.Directives,
		Declarations: res.Declarations}, emit.Options{
		Title:      c.String("title"),
		Version:    c.String("version"),
		ModulePath: res.ModulePath,
		Positions:  c.Bool("positions"),
		BaseDir:    absDir,
	})
	if err != nil {
		return fail(exitInternal, "building the document: %v", err)
	}
	for _, n := range doc.Notes() {
		pos := res.Fset.Position(n.Obj.Pos())
		pos.Filename = relTo(absDir, pos.Filename)
		if pos.IsValid() {
			fmt.Fprintf(stderr, "%s: %s\n", pos, n.Message)
		} else {
			fmt.Fprintf(stderr, "%s\n", n.Message)
		}
	}
	if base, name, err := baseDocument(c, absDir); err != nil {
		return fail(exitUsage, "%v", err)
	} else if base != nil {
		if doc, err = emit.MergeBase(doc, base, name); err != nil {
			return fail(exitUsage, "%v", err)
		}
	}
	var out []byte
	if format == "json" {
		out, err = doc.JSON()
	} else {
		out, err = doc.YAML()
	}
	if err != nil {
		return fail(exitInternal, "writing the document: %v", err)
	}

	if path := c.String("check"); path != "" {
		if code := check(path, absDir, out, stdout, stderr); code != exitOK {
			return code
		}
		return success
	}
	if path := c.String("output"); path != "" {
		if !filepath.IsAbs(path) {
			path = filepath.Join(absDir, path)
		}
		old, readErr := os.ReadFile(path)
		if readErr == nil && string(old) == string(out) {
			return success // unchanged: not even rewritten
		}
		if err := writeFileAtomic(path, out); err != nil {
			return fail(exitInternal, "%v", err)
		}
		if c.Bool("exit-code") {
			fmt.Fprintf(stderr, "asyncapi-extract: %s was %s\n", relTo(absDir, path), map[bool]string{true: "updated", false: "created"}[readErr == nil])
			return exitChanged
		}
		return success
	}
	if _, err := stdout.Write(out); err != nil {
		return fail(exitInternal, "%v", err)
	}
	return success
}

// baseNames are the base documents looked for in the working directory.
var baseNames = []string{"asyncapi.base.yaml", "asyncapi.base.yml", "asyncapi.base.json"}

// baseDocument returns the base document to merge into, if any.
func baseDocument(c *cli.Context, dir string) ([]byte, string, error) {
	if c.Bool("no-base") {
		return nil, "", nil
	}
	if name := c.String("base"); name != "" {
		path := name
		if !filepath.IsAbs(path) {
			path = filepath.Join(dir, path)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, "", fmt.Errorf("--base: %v", err)
		}
		return data, name, nil
	}
	for _, name := range baseNames {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err == nil {
			return data, name, nil
		}
	}
	return nil, "", nil
}

// check compares the document with the file at path and prints the
// diff that would update the file.
func check(path, dir string, out []byte, stdout, stderr io.Writer) int {
	full := path
	if !filepath.IsAbs(full) {
		full = filepath.Join(dir, full)
	}
	old, err := os.ReadFile(full)
	if err != nil && !os.IsNotExist(err) {
		fmt.Fprintf(stderr, "asyncapi-extract: %v\n", err)
		return exitInternal
	}
	diff := textdiff.Unified(path, path+" (generated)", old, out)
	if diff == "" {
		return exitOK
	}
	if os.IsNotExist(err) {
		fmt.Fprintf(stderr, "asyncapi-extract: %s does not exist\n", path)
	} else {
		fmt.Fprintf(stderr, "asyncapi-extract: %s is out of date\n", path)
	}
	fmt.Fprint(stdout, diff)
	return exitChanged
}

// outputFormat decides the format: --format if given, else the output
// file's extension, else YAML.
func outputFormat(flag, output string) (string, error) {
	switch strings.ToLower(flag) {
	case "yaml", "yml":
		return "yaml", nil
	case "json":
		return "json", nil
	case "":
	default:
		return "", fmt.Errorf("--format %q: want yaml or json", flag)
	}
	switch strings.ToLower(filepath.Ext(output)) {
	case ".json":
		return "json", nil
	case "", ".yaml", ".yml":
		return "yaml", nil
	default:
		return "", fmt.Errorf("--output %s: cannot tell the format from the extension; use .yaml, .yml or .json, or --format", output)
	}
}

func relTo(base, path string) string {
	if rel, err := filepath.Rel(base, path); err == nil && !strings.HasPrefix(rel, "..") {
		return rel
	}
	return path
}

// writeFileAtomic replaces path with data, or leaves it untouched: the
// data goes to a temporary file in the same directory that is renamed
// over path.
func writeFileAtomic(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // after a successful rename, a no-op
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	// A new file is 0644; a replaced one keeps its mode.
	mode := os.FileMode(0o644)
	if st, err := os.Stat(path); err == nil {
		mode = st.Mode().Perm()
	}
	if err := tmp.Chmod(mode); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
