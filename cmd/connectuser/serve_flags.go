package main

import (
	"errors"
	"fmt"
	"math"
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

// serveBurst checks serve's --rate and --burst and returns the bucket size to
// use: --rate is a positive number of requests per second (0, the default,
// is no limit); --burst, if given, needs a --rate and is at least 1;
// without it the bucket holds rate rounded up.
func serveBurst(rate float64, burst int, burstSet bool) (int, error) {
	if rate < 0 || math.IsNaN(rate) || math.IsInf(rate, 0) {
		return 0, errors.New("--rate must be a positive number of requests per second")
	}
	if !burstSet {
		return int(math.Ceil(rate)), nil
	}
	if rate == 0 {
		return 0, errors.New("--burst needs --rate: the bucket size has no meaning without a rate")
	}
	if burst < 1 {
		return 0, fmt.Errorf("--burst %d: the bucket holds at least 1 request", burst)
	}
	return burst, nil
}
