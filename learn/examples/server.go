// A goroutine-per-connection server in Go, to show that ./check drives a
// server in any language: it is an example of the command line, not a
// solution. It answers GET / with 200 and everything else with 404, one
// request per connection, so it passes a few of stage 03's checks and fails
// the rest with the checker's hints.
//
//	./check 03 -- go run learn/examples/server.go --port {port}
//	go build -o /tmp/server-go learn/examples/server.go   # quicker: one build for every check
//	./check 03 -- /tmp/server-go --port {port}
package main

import (
	"bufio"
	"flag"
	"fmt"
	"log"
	"net"
	"strings"
	"time"
)

func main() {
	port := flag.Int("port", 4221, "port to listen on")
	// Flags the checker appends for some stages: accepted so that they do not
	// stop the program, unused here. (Go's flag package takes --name as -name.)
	flag.String("directory", "", "directory for /files/")
	flag.Int("max-concurrent", 0, "stage 04, 08")
	flag.String("when-full", "", "stage 04")
	flag.Int("workers", 0, "stages 05-07")
	flag.Int("queue", 0, "stages 05, 06")
	flag.Duration("read-timeout", 0, "stages 05-08")
	flag.Duration("idle-timeout", 0, "stages 06-08")
	flag.Bool("keep-alive", true, "stages 06-08")
	flag.Bool("reuse-port", false, "stage 08")
	flag.Parse()

	listener, err := net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d", *port))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("go example listening on http://localhost:%d/\n", listener.Addr().(*net.TCPAddr).Port)
	for {
		conn, err := listener.Accept()
		if err != nil {
			time.Sleep(5 * time.Millisecond) // e.g. out of file descriptors: back off, try again
			continue
		}
		go handle(conn) // the whole idea of stage 03, in one keyword
	}
}

func handle(conn net.Conn) {
	defer conn.Close()
	reader := bufio.NewReader(conn)
	requestLine, err := reader.ReadString('\n')
	if err != nil {
		return
	}
	for { // skip the headers, up to the empty line that ends them
		line, err := reader.ReadString('\n')
		if err != nil {
			return
		}
		if line == "\r\n" || line == "\n" {
			break
		}
	}
	status := "404 Not Found"
	if strings.HasPrefix(requestLine, "GET / ") {
		status = "200 OK"
	}
	fmt.Fprintf(conn, "HTTP/1.1 %s\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", status)
}
