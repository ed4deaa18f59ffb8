// A Go net/http peer for the benchmarks: the same two routes the stages
// serve for wrk (GET /echo/hello answers "hello", GET /hello answers
// "Hello, World!"), one goroutine per connection, keep-alive by default.
// Prints the same start-up line as the stages so scripts can wait for it.
package main

import (
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"
	"strings"
)

func main() {
	port := flag.Int("port", 8080, "port to listen on (0: any free port)")
	flag.Parse()
	mux := http.NewServeMux()
	mux.HandleFunc("/echo/", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		fmt.Fprint(w, strings.TrimPrefix(r.URL.Path, "/echo/"))
	})
	mux.HandleFunc("/hello", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		fmt.Fprint(w, "Hello, World!")
	})
	ln, err := net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d", *port))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	fmt.Printf("go-nethttp listening on http://localhost:%d/\n", ln.Addr().(*net.TCPAddr).Port)
	http.Serve(ln, mux)
}
