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
	"regexp"
	"strings"

	"github.com/urfave/cli/v2"
	"gopkg.in/yaml.v3"

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
	tuneGC()
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
			&cli.StringFlag{Name: "cpuprofile", Hidden: true, Usage: "write a CPU profile to `FILE`"},
			&cli.StringFlag{Name: "memprofile", Hidden: true, Usage: "write a heap profile to `FILE` at the end"},
			&cli.BoolFlag{Name: "no-cache", Usage: "do not reuse or store the result of a run with the same inputs (the cache is in $ASYNCAPI_EXTRACT_CACHE, else the user cache directory)"},
			&cli.BoolFlag{Name: "keep-going", Usage: "when packages have errors, still write the document of the others (exit 5)"},
		},
		OnUsageError: func(_ *cli.Context, err error, _ bool) error {
			return cli.Exit(err.Error(), exitUsage)
		},
		Action: func(c *cli.Context) error {
			stop, err := startProfiles(c.String("cpuprofile"), c.String("memprofile"))
			if err != nil {
				return cli.Exit(err.Error(), exitUsage)
			}
			code = extract(c, stdout, stderr)
			if err := stop(); err != nil {
				fmt.Fprintln(stderr, "asyncapi-extract:", err)
			}
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

// fail prints the message of a failure to stderr and returns its exit
// code.
func fail(stderr io.Writer, code int, format string, args ...any) int {
	fmt.Fprintf(stderr, "asyncapi-extract: "+format+"\n", args...)
	return code
}

func extract(c *cli.Context, stdout, stderr io.Writer) int {
	target := c.String("output")
	if c.String("check") != "" {
		if target != "" {
			return fail(stderr, exitUsage, "--check and --output exclude each other")
		}
		target = c.String("check")
	}
	if c.Bool("exit-code") && c.String("output") == "" {
		return fail(stderr, exitUsage, "--exit-code needs --output")
	}
	format, err := outputFormat(c.String("format"), target)
	if err != nil {
		return fail(stderr, exitUsage, "%v", err)
	}
	dir := c.String("C")
	if dir == "" {
		dir = "."
	}
	absDir, err := filepath.Abs(dir)
	if err != nil {
		return fail(stderr, exitUsage, "%v", err)
	}
	if st, err := os.Stat(absDir); err != nil {
		if os.IsNotExist(err) {
			return fail(stderr, exitUsage, "-C %s: no such directory", dir)
		}
		return fail(stderr, exitUsage, "-C %s: %v", dir, err)
	} else if !st.IsDir() {
		return fail(stderr, exitUsage, "-C %s: not a directory", dir)
	}
	// The base document is read, and its syntax checked, before the
	// packages are loaded: a mistake in it fails at once.
	base, baseName, err := baseDocument(c, absDir)
	if err != nil {
		return fail(stderr, exitUsage, "%v", err)
	}
	if base != nil {
		if err := checkBase(nil, base, baseName); err != nil {
			return fail(stderr, exitUsage, "%v", err)
		}
	}
	var tags []string
	if t := c.String("tags"); t != "" {
		tags = strings.Split(t, ",")
	}

	out, success, failed := cachedGenerate(c, absDir, format, tags, base, baseName, stderr)
	if failed != 0 {
		return failed
	}

	if path := c.String("check"); path != "" {
		if code := check(path, absDir, out, stdout, stderr); code != exitOK {
			return code
		}
		return success
	}
	if path := c.String("output"); path != "" {
		path = inDir(absDir, path)
		// A symbolic link stays one: its target is replaced.
		if target, err := filepath.EvalSymlinks(path); err == nil {
			path = target
		}
		old, readErr := os.ReadFile(path)
		if readErr == nil && string(old) == string(out) {
			return success // unchanged: not even rewritten
		}
		if err := writeFileAtomic(path, out); err != nil {
			return fail(stderr, exitInternal, "cannot write %s: %s", c.String("output"), strings.ReplaceAll(err.Error(), absDir+string(filepath.Separator), ""))
		}
		if c.Bool("exit-code") {
			fmt.Fprintf(stderr, "asyncapi-extract: %s was %s\n", relTo(absDir, path), map[bool]string{true: "updated", false: "created"}[readErr == nil])
			return exitChanged
		}
		return success
	}
	if _, err := stdout.Write(out); err != nil {
		return fail(stderr, exitInternal, "%v", err)
	}
	return success
}

// generations counts the runs of generate, and testHookGenerate runs
// at the start of each, for the tests of the cache.
var (
	generations      int
	testHookGenerate = func() {}
)

// generate loads and analyses the packages and builds the document,
// printing the diagnostics to stderr. It returns the document and the
// exit code of writing it, or the exit code of a failure.
func generate(c *cli.Context, absDir, format string, tags []string, base []byte, baseName string, stderr io.Writer) (out []byte, success, failed int) {
	generations++
	testHookGenerate()
	res, err := driver.Run(driver.Config{
		Dir:      absDir,
		Patterns: c.Args().Slice(),
		Tags:     tags,
		Tests:    c.Bool("include-tests"),
	})
	if err != nil {
		return nil, 0, fail(stderr, exitLoad, "%v", err)
	}
	// success is the exit code of a run that writes its document.
	success = exitOK
	for _, e := range res.Errors {
		// Positions relative to the directory, as diagnostics', on
		// every line (a type error's continuation lines have theirs).
		lines := strings.Split(e, "\n")
		for i, l := range lines {
			indent := ""
			if strings.HasPrefix(l, "\t") {
				indent, l = "\t", l[1:]
			}
			l = strings.TrimPrefix(l, absDir+string(filepath.Separator))
			lines[i] = indent + strings.ReplaceAll(l, " "+absDir+string(filepath.Separator), " ")
		}
		fmt.Fprintln(stderr, strings.Join(lines, "\n"))
	}
	for _, n := range res.Notes {
		if n.Pos.Filename == "" {
			fmt.Fprintf(stderr, "asyncapi-extract: %s\n", n.Message)
			continue
		}
		n.Pos.Filename = relTo(absDir, n.Pos.Filename)
		fmt.Fprintln(stderr, n.String())
	}
	if res.NoPackages {
		return nil, 0, fail(stderr, exitLoad, "no package to analyse; no document written")
	}
	if len(res.Errors) > 0 {
		if !c.Bool("keep-going") {
			return nil, 0, fail(stderr, exitLoad, "%d error(s); no document written (--keep-going writes what could be analysed)", len(res.Errors))
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
		ModulePath: modulePath(res, absDir),
		Positions:  c.Bool("positions"),
		BaseDir:    absDir,
	})
	if err != nil {
		return nil, 0, fail(stderr, exitInternal, "building the document: %v", err)
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
	if base != nil {
		if err := checkBase(doc.Node(), base, baseName); err != nil {
			return nil, 0, fail(stderr, exitUsage, "%v", err)
		}
		if doc, err = emit.MergeBase(doc, base, baseName); err != nil {
			return nil, 0, fail(stderr, exitUsage, "%v", err)
		}
	}
	if format == "json" {
		out, err = doc.JSON()
	} else {
		out, err = doc.YAML()
	}
	if err != nil {
		return nil, 0, fail(stderr, exitInternal, "writing the document: %v", err)
	}

	return out, success, 0
}

// baseNames are the base documents looked for in the working directory.
var baseNames = []string{"asyncapi.base.yaml", "asyncapi.base.yml", "asyncapi.base.json"}

// baseDocument returns the base document to merge into, if any.
func baseDocument(c *cli.Context, dir string) ([]byte, string, error) {
	if c.Bool("no-base") {
		return nil, "", nil
	}
	if name := c.String("base"); name != "" {
		data, err := os.ReadFile(inDir(dir, name))
		if err != nil {
			var pe *os.PathError
			if errors.As(err, &pe) {
				err = pe.Err
			}
			return nil, "", fmt.Errorf("--base %s: %v", name, err)
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

// yamlLineRE matches a YAML syntax error that has a line.
var yamlLineRE = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// checkBase rejects a base document that would make the merged document
// invalid: a YAML syntax error (at its file:line), a document that is not
// a mapping, an asyncapi version other than 3.0.0, or, given the
// extracted document gen, a value that is not a mapping where gen has one
// (info: 7), which the merge would let win.
func checkBase(gen *yaml.Node, data []byte, name string) error {
	var b yaml.Node
	if err := yaml.Unmarshal(data, &b); err != nil {
		msg := err.Error()
		if m := yamlLineRE.FindStringSubmatch(msg); m != nil {
			return fmt.Errorf("%s:%s: %s", name, m[1], m[2])
		}
		return fmt.Errorf("%s: %s", name, strings.TrimPrefix(msg, "yaml: "))
	}
	if b.Kind == 0 {
		return nil // empty
	}
	if b.Kind != yaml.DocumentNode || len(b.Content) != 1 || b.Content[0].Kind != yaml.MappingNode {
		return fmt.Errorf("%s:%d: the base document must be a mapping", name, b.Line)
	}
	root := b.Content[0]
	for i := 0; i+1 < len(root.Content); i += 2 {
		if k, v := root.Content[i], root.Content[i+1]; k.Value == "asyncapi" && v.Value != "3.0.0" {
			return fmt.Errorf("%s:%d:%d: asyncapi: %s, but the document is AsyncAPI 3.0.0: set it to 3.0.0 or leave it out", name, v.Line, v.Column, v.Value)
		}
	}
	if gen == nil || len(gen.Content) != 1 {
		return nil
	}
	return baseConflict(gen.Content[0], root, "", name)
}

// baseConflict finds a key where gen has a mapping and base has
// something else.
func baseConflict(gen, base *yaml.Node, path, name string) error {
	genVals := make(map[string]*yaml.Node)
	for i := 0; i+1 < len(gen.Content); i += 2 {
		genVals[gen.Content[i].Value] = gen.Content[i+1]
	}
	for i := 0; i+1 < len(base.Content); i += 2 {
		k, bv := base.Content[i], base.Content[i+1]
		if bv.Kind == yaml.AliasNode && bv.Alias != nil {
			bv = bv.Alias
		}
		gv := genVals[k.Value]
		if gv == nil || gv.Kind != yaml.MappingNode {
			continue
		}
		p := strings.TrimPrefix(path+"."+k.Value, ".")
		if bv.Kind != yaml.MappingNode {
			what := "a list"
			if bv.Kind == yaml.ScalarNode {
				what = fmt.Sprintf("%q", bv.Value)
				if bv.ShortTag() == "!!null" {
					what = "null"
				}
			}
			return fmt.Errorf("%s:%d:%d: %s: the base has %s where the document has a mapping (the base's value would replace it)", name, bv.Line, bv.Column, p, what)
		}
		if err := baseConflict(gv, bv, p, name); err != nil {
			return err
		}
	}
	return nil
}

// check compares the document with the file at path and prints the
// diff that would update the file.
func check(path, dir string, out []byte, stdout, stderr io.Writer) int {
	old, err := os.ReadFile(inDir(dir, path))
	if err != nil && !os.IsNotExist(err) {
		return fail(stderr, exitInternal, "%v", err)
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

// modulePath is what info.title, info.version and info.description
// default to: the main module's path, or, when the packages are in several
// modules of a go.work workspace, the name of the directory.
func modulePath(res *driver.Result, dir string) string {
	if len(res.Modules) > 1 {
		return filepath.Base(dir)
	}
	return res.ModulePath
}

// inDir returns path, a flag's file name, as an absolute path: relative
// ones are relative to dir, the -C directory.
func inDir(dir, path string) string {
	if filepath.IsAbs(path) {
		return path
	}
	return filepath.Join(dir, path)
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
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		return errors.New("it is a directory")
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp*")
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			// The temporary file's name would only confuse.
			return fmt.Errorf("cannot create a file in %s: %v", filepath.Dir(path), pe.Err)
		}
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
