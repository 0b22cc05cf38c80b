// Command atrium-ferretdb runs FerretDB (the MongoDB-wire-compatible server) for Atrium's
// local infrastructure (scripts/infra).
//
// Why a program of our own: `go install github.com/FerretDB/FerretDB/cmd/ferretdb@v1.24.2`
// builds a binary that panics at start because the module does not ship the generated
// build/version/version.txt. The embeddable package github.com/FerretDB/FerretDB/ferretdb is
// the supported way to run FerretDB from another module, so this is a thin main around it.
package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"runtime/debug"
	"strings"
	"syscall"

	"github.com/FerretDB/FerretDB/build/version"
	"github.com/FerretDB/FerretDB/ferretdb"
)

const ferretdbModule = "github.com/FerretDB/FerretDB"

// moduleVersion returns the FerretDB module version this binary was built with (from go.mod),
// e.g. "v1.24.2". The embedded package otherwise reports "unknown" as its version, which makes
// `buildInfo.ferretdbVersion` useless for `scripts/infra status`.
func moduleVersion() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "unknown"
	}
	for _, dep := range bi.Deps {
		if dep.Path == ferretdbModule {
			if dep.Replace != nil {
				return dep.Replace.Version
			}
			return dep.Version
		}
	}
	return "unknown"
}

// quietHandler drops FerretDB's WARN-level dumps of error responses unless the log level is
// debug. FerretDB v1 logs every response whose `ok` is 0 as two WARN records (the wire header
// and the whole message): that includes routine answers such as a duplicate-key error or
// "no such command: 'endSessions'", which every MongoDB driver sends when it closes, so at
// the default level the log would be mostly noise. The client receives the error anyway.
type quietHandler struct {
	slog.Handler
	debug bool
}

func (h quietHandler) Handle(ctx context.Context, r slog.Record) error {
	if !h.debug && r.Level == slog.LevelWarn &&
		(strings.HasPrefix(r.Message, "Response header: ") || strings.HasPrefix(r.Message, "Response message:")) {
		return nil
	}
	return h.Handler.Handle(ctx, r)
}

func (h quietHandler) WithAttrs(attrs []slog.Attr) slog.Handler {
	return quietHandler{Handler: h.Handler.WithAttrs(attrs), debug: h.debug}
}

func (h quietHandler) WithGroup(name string) slog.Handler {
	return quietHandler{Handler: h.Handler.WithGroup(name), debug: h.debug}
}

func main() {
	handler := flag.String("handler", "postgresql", "backend handler: postgresql or sqlite")
	postgresqlURL := flag.String("postgresql-url", "postgres://postgres@127.0.0.1:5433/ferretdb",
		"PostgreSQL connection string (handler postgresql)")
	sqliteURL := flag.String("sqlite-url", "file:data/",
		"SQLite URI of an existing directory, ending with a slash (handler sqlite)")
	listen := flag.String("listen-addr", "127.0.0.1:27017", "TCP address to listen on")
	logLevel := flag.String("log-level", "info", "log level: debug, info, warn or error")
	printVersion := flag.Bool("version", false, "print the FerretDB version and exit")
	flag.Parse()

	v := moduleVersion()
	if *printVersion {
		fmt.Println(v)
		return
	}

	var level slog.Level
	if err := level.UnmarshalText([]byte(*logLevel)); err != nil {
		fmt.Fprintf(os.Stderr, "atrium-ferretdb: invalid -log-level %q: %v\n", *logLevel, err)
		os.Exit(2)
	}
	logger := slog.New(quietHandler{
		Handler: slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level}),
		debug:   level <= slog.LevelDebug,
	})
	slog.SetDefault(logger)

	// Reported to clients as buildInfo.ferretdbVersion.
	version.Get().Version = v

	cfg := &ferretdb.Config{
		Listener: ferretdb.ListenerConfig{TCP: *listen},
		Logger:   logger,
		Handler:  *handler,
	}
	switch *handler {
	case "postgresql":
		cfg.PostgreSQLURL = *postgresqlURL
	case "sqlite":
		cfg.SQLiteURL = *sqliteURL
	default:
		fmt.Fprintf(os.Stderr, "atrium-ferretdb: unknown -handler %q (want postgresql or sqlite)\n", *handler)
		os.Exit(2)
	}

	f, err := ferretdb.New(cfg)
	if err != nil {
		fmt.Fprintf(os.Stderr, "atrium-ferretdb: %v\n", err)
		os.Exit(1)
	}

	// SIGTERM (scripts/infra down) and SIGINT cancel the context; Run then closes the
	// listener, the client connections and the backend before returning.
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, syscall.SIGINT)
	defer stop()

	logger.Info("atrium-ferretdb starting", "version", v, "handler", *handler, "listen", *listen)
	if err := f.Run(ctx); err != nil {
		fmt.Fprintf(os.Stderr, "atrium-ferretdb: %v\n", err)
		os.Exit(1)
	}
	logger.Info("atrium-ferretdb stopped")
}
