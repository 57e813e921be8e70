package main

import (
	"fmt"
	"net"
	"strings"
)

// checkServeAddr decides whether serve may listen on addr. The local service
// accepts any credentials, so it listens on a loopback address only (an IP
// address of the loopback network, or the name localhost); any other
// address, including an empty host (every interface), is refused unless
// allowRemote, in which case warning says what is being exposed.
func checkServeAddr(addr string, allowRemote bool) (warning string, err error) {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return "", fmt.Errorf("--addr %q: not HOST:PORT", addr)
	}
	if isLoopbackHost(host) {
		return "", nil
	}
	if !allowRemote {
		return "", fmt.Errorf("--addr %q is not a loopback address: the service accepts any credentials, so it listens on 127.0.0.1, ::1 or localhost unless --allow-remote is given", addr)
	}
	return fmt.Sprintf("warning: --allow-remote: listening on %s, beyond this machine; the service accepts any credentials, so anyone who reaches it can read and change its users", addr), nil
}

// isLoopbackHost reports whether host names the loopback interface only.
func isLoopbackHost(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
