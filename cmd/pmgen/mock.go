package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"syscall"

	"github.com/pmgen/pmgen/internal/pipeline"
	"github.com/pmgen/pmgen/mock"
)

// mockFlags are the flags of mock.
type mockFlags struct {
	collection string
	envs       listFlag
	config     string
	addr       string
	// addrGiven is set when -addr is on the command line, which allows an
	// address other than a loopback one.
	addrGiven bool
	limits    limitFlags
}

func (f *mockFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.collection, "collection", "", "Postman collection `file` whose saved examples to serve (format v2.0 or v2.1; required)")
	fs.Var(&f.envs, "env", "Postman environment `file`, read as generate reads it; may be repeated")
	fs.StringVar(&f.config, "config", "", "config `file` in YAML (default: pmgen.yaml next to the collection, when it exists)")
	fs.StringVar(&f.addr, "addr", mock.DefaultAddr, "`host:port` to listen on; a port of 0 picks a free one. An address other than loopback must be given here explicitly")
	f.limits.register(fs)
}

// validate checks the flags; it returns a usage error.
func (f *mockFlags) validate() error {
	if f.collection == "" {
		return errors.New("missing -collection: name the Postman collection file whose examples to serve")
	}
	if err := f.limits.validate(); err != nil {
		return err
	}
	return mock.CheckAddr(f.addr, f.addrGiven)
}

// runMock serves the collection's examples until SIGINT or SIGTERM. The
// first signal starts a graceful shutdown, and a second one ends the
// process at once, as the signal's default action does.
func runMock(args []string, stderr io.Writer) int {
	signaled, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	// The shutdown starts only once the default action is back, so that a
	// second signal during the shutdown ends the process.
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		<-signaled.Done()
		stop()
		cancel()
	}()
	return serveMock(ctx, args, stderr, nil)
}

// serveMock runs pmgen mock until ctx is done. It calls ready, when not
// nil, with the address it listens on once it accepts connections.
func serveMock(ctx context.Context, args []string, stderr io.Writer, ready func(net.Addr)) int {
	fs := flag.NewFlagSet("pmgen mock", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var f mockFlags
	f.register(fs)
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), "Usage: pmgen mock -collection FILE [-env FILE] [-addr HOST:PORT] [flags]\n\n"+
			"Serves the collection's saved examples over HTTP, matching each request to an\n"+
			"example as the replay server of the generated tests does, and logs every request\n"+
			"to standard error. Stops on SIGINT or SIGTERM.\n\nFlags:\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "pmgen mock: unexpected argument %q: give the collection with -collection\n", fs.Arg(0))
		return exitUsage
	}
	fs.Visit(func(fl *flag.Flag) { f.addrGiven = f.addrGiven || fl.Name == "addr" })
	if err := f.validate(); err != nil {
		fmt.Fprintf(stderr, "pmgen mock: %v\n", err)
		return exitUsage
	}

	res, err := pipeline.Model(pipeline.Options{
		Collection:     f.collection,
		Environments:   f.envs,
		Config:         f.config,
		DefaultPackage: "client",
		Limits:         f.limits.options(),
		Version:        version(),
	})
	printDiagnostics(stderr, &res.Diags)
	if err != nil {
		fmt.Fprintf(stderr, "pmgen mock: %s\n", firstLine(err))
		return exitInput
	}

	logger := slog.New(slog.NewTextHandler(stderr, nil))
	ln, err := mock.Listen(f.addr, f.addrGiven)
	if errors.Is(err, syscall.EADDRINUSE) {
		fmt.Fprintf(stderr, "pmgen mock: %v: choose another port with -addr, or -addr 127.0.0.1:0 for any free one\n", err)
		return exitInput
	}
	if err != nil {
		fmt.Fprintf(stderr, "pmgen mock: %v\n", err)
		return exitInput
	}
	srv := mock.NewServer(res.API, logger)
	operations, examples := srv.Counts()
	host, _, _ := net.SplitHostPort(ln.Addr().String())
	if !mock.IsLoopback(host) {
		logger.Warn("listening on an address other hosts can reach", "addr", ln.Addr().String())
	}
	logger.Info("serving saved examples", "addr", ln.Addr().String(), "url", "http://"+ln.Addr().String(),
		"collection", f.collection, "operations", operations, "examples", examples)
	if ready != nil {
		ready(ln.Addr())
	}
	if err := mock.Serve(ctx, ln, srv, logger); err != nil {
		logger.Error("server failed", "error", err)
		return exitInput
	}
	return exitOK
}
