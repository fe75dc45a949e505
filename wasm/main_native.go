//go:build !(js && wasm)

package main

import (
	"fmt"
	"os"
)

// main explains itself when the bridge is built for the wrong target.
func main() {
	fmt.Fprintln(os.Stderr, "wasm: build with GOOS=js GOARCH=wasm (make wasm)")
	os.Exit(2)
}
