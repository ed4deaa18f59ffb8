// A Go net/http reference peer for compare.sh: answers 200 "ok" to every
// request that net/http's own parser lets through. A bare handler, not a
// ServeMux, so the answers are the server's, not a router's (a mux would
// redirect absolute-form targets and reject CONNECT on its own).
package main

import (
	"flag"
	"io"
	"log"
	"net/http"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:4402", "address to listen on")
	flag.Parse()
	handler := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// Read the body, as serverlab does, so framing errors surface.
		if _, err := io.Copy(io.Discard, r.Body); err != nil {
			http.Error(w, "bad body: "+err.Error(), http.StatusBadRequest)
			return
		}
		io.WriteString(w, "ok\n")
	})
	log.Fatal(http.ListenAndServe(*addr, handler))
}
