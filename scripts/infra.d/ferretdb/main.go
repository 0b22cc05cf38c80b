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

// quietHandler keeps FerretDB's log readable at the default level by lowering records about
// routine events that FerretDB v1 logs as warnings:
//   - every response whose `ok` is 0, as two records (the wire header and the whole message),
//     which includes a duplicate-key error or "no such command: 'endSessions'" (every MongoDB
//     driver sends endSessions when it closes): the client receives the error anyway, so they
//     are logged at debug level only;
//   - a client that closed its connection without a goodbye ("connection reset by peer",
//     "use of closed network connection"): logged at info level.
type quietHandler struct {
	slog.Handler
}

func (h quietHandler) Handle(ctx context.Context, r slog.Record) error {
	if r.Level == slog.LevelWarn {
		switch {
		case strings.HasPrefix(r.Message, "Response header: "), strings.HasPrefix(r.Message, "Response message:"):
			r.Level = slog.LevelDebug
		case strings.HasPrefix(r.Message, "Failed to set deadline") && strings.Contains(r.Message, "use of closed network connection"):
			r.Level = slog.LevelInfo
		case r.Message == "Connection stopped" && recordMentions(r, "connection reset by peer"):
			r.Level = slog.LevelInfo
		}
		if !h.Handler.Enabled(ctx, r.Level) {
			return nil
		}
	}
	return h.Handler.Handle(ctx, r)
}

// recordMentions reports whether one of the record's attributes contains s.
func recordMentions(r slog.Record, s string) bool {
	found := false
	r.Attrs(func(a slog.Attr) bool {
		if strings.Contains(a.Value.String(), s) {
			found = true
			return false
		}
		return true
	})
	return found
}

func (h quietHandler) WithAttrs(attrs []slog.Attr) slog.Handler {
	return quietHandler{Handler: h.Handler.WithAttrs(attrs)}
}

func (h quietHandler) WithGroup(name string) slog.Handler {
	return quietHandler{Handler: h.Handler.WithGroup(name)}
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
	logger := slog.New(quietHandler{Handler: slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level})})
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
