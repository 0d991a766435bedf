// Command ferretdb runs FerretDB v1.24.2 (MongoDB wire protocol) with the SQLite backend,
// through the embeddable package github.com/FerretDB/FerretDB/ferretdb.
//
// Why a wrapper: building FerretDB's own cmd/ferretdb package (with `go install ...@v1.24.2`
// or as a `go tool` of this module) produces a binary whose main module is
// github.com/FerretDB/FerretDB, so its build/version package insists on a generated
// version.txt that is not part of the module, and panics at start. When the main module
// is this one, that check is skipped.
//
// Flags follow the names of FerretDB's own CLI so the command line reads the same:
//
//	ferretdb --handler=sqlite --sqlite-url=file:/abs/dir/ --listen-addr=127.0.0.1:27017 \
//	         --telemetry=disable --debug-addr=- --state-dir=- --log-level=info
//
// --telemetry, --debug-addr and --state-dir are accepted for compatibility only: the
// embeddable package never reports telemetry, serves no debug HTTP endpoint and keeps its
// state in memory.
package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	listenAddr := flag.String("listen-addr", "127.0.0.1:27017", "listen TCP address")
	handler := flag.String("handler", "sqlite", "backend handler: sqlite or postgresql")
	sqliteURL := flag.String("sqlite-url", "file:data/", "SQLite URI (directory, ending in /) for the sqlite handler")
	postgresqlURL := flag.String("postgresql-url", "", "PostgreSQL URL for the postgresql handler")
	logLevel := flag.String("log-level", "info", "log level: debug, info, warn or error")
	_ = flag.String("telemetry", "disable", "accepted for CLI compatibility; the embedded server never reports telemetry")
	_ = flag.String("debug-addr", "-", "accepted for CLI compatibility; no debug HTTP endpoint is served")
	_ = flag.String("state-dir", "-", "accepted for CLI compatibility; state is kept in memory")
	flag.Parse()

	var level slog.Level
	if err := level.UnmarshalText([]byte(strings.ToUpper(*logLevel))); err != nil {
		fmt.Fprintf(os.Stderr, "invalid --log-level %q: %v\n", *logLevel, err)
		os.Exit(2)
	}

	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level}))

	f, err := ferretdb.New(&ferretdb.Config{
		Listener:      ferretdb.ListenerConfig{TCP: *listenAddr},
		Logger:        logger,
		Handler:       *handler,
		SQLiteURL:     *sqliteURL,
		PostgreSQLURL: *postgresqlURL,
	})
	if err != nil {
		logger.Error("failed to start FerretDB", "error", err)
		os.Exit(1)
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	logger.Info("FerretDB v1.24.2 (embedded) starting",
		"listen_addr", *listenAddr, "handler", *handler, "sqlite_url", *sqliteURL, "pid", os.Getpid())

	if err := f.Run(ctx); err != nil {
		logger.Error("FerretDB stopped with an error", "error", err)
		os.Exit(1)
	}

	logger.Info("stopped")
}
