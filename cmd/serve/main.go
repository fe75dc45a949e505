// Command serve serves the built page on 127.0.0.1, and builds the single-file page.
//
//	go run ./cmd/serve -root build/site                          # serve on 127.0.0.1:8080, or a free port
//	go run ./cmd/serve -root build/site -port 0                   # any free port
//	go run ./cmd/serve -root build/site -single build/keypoints.html
//
// The server is for development and the browser tests: it binds to the loopback interface only, sends the page's
// Content-Security-Policy, serves precompressed .br and .gz siblings, and never serves a file outside its root.
// The first line it prints is the page's URL, which the browser tests read.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	root := fs.String("root", "build/site", "folder to serve (`make site` fills build/site)")
	port := fs.Int("port", 8080, "port on 127.0.0.1; 0 picks a free one, and so does a port already taken")
	single := fs.String("single", "", "write the self-contained page built from -root to this file, then exit")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintln(stderr, "serve: unexpected arguments:", fs.Args())
		return 2
	}
	if *single != "" {
		n, err := writeSingle(*root, *single)
		if err != nil {
			fmt.Fprintln(stderr, err)
			return 1
		}
		fmt.Fprintf(stdout, "serve: wrote %s (%d bytes)\n", *single, n)
		return 0
	}

	dir, err := os.OpenRoot(*root)
	if err != nil {
		fmt.Fprintf(stderr, "serve: %v (run `make site` first)\n", err)
		return 1
	}
	defer dir.Close()
	ln, err := listen(*port, stderr)
	if err != nil {
		fmt.Fprintln(stderr, "serve:", err)
		return 1
	}
	srv := &http.Server{Handler: newHandler(dir), ReadHeaderTimeout: 10 * time.Second}
	fmt.Fprintf(stdout, "serving %s at http://%s/\n", *root, ln.Addr())

	stop := make(chan os.Signal, 1)
	signal.Notify(stop, os.Interrupt, syscall.SIGTERM)
	go func() {
		<-stop
		srv.Close()
	}()
	if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		fmt.Fprintln(stderr, "serve:", err)
		return 1
	}
	return 0
}

// listen binds 127.0.0.1:port, or a free port when port is 0 or already taken: `make serve` should start even when
// another server holds 8080. Only the loopback interface is ever bound; the page is not for the network.
func listen(port int, stderr io.Writer) (net.Listener, error) {
	ln, err := net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d", port))
	if err == nil || port == 0 {
		return ln, err
	}
	fmt.Fprintf(stderr, "serve: port %d is taken (%v); picking a free one\n", port, err)
	return net.Listen("tcp", "127.0.0.1:0")
}
