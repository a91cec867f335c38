// Go as a judge (crypto/x509, standard library only, Go 1.19 from Debian's golang-go): for each
// chain, what crypto/tls decides with its default verification. The client side of crypto/tls
// calls Verify with DNSName = the server name (an IP address is matched against IP SANs) and
// KeyUsages = ServerAuth; the server side with KeyUsages = ClientAuth and no DNSName
// (crypto/tls handshake_client.go verifyServerCertificate, handshake_server.go processCertsFromClient).
//
// Input: a JSON list of {name, purpose ("server"|"client"), host, at (RFC 3339), leaf,
// intermediates, anchor} with certificates as base64 DER. Output: a JSON list of {name, ok, reason}.
//
//	go build -o judge go_x509_judge.go && ./judge chains.json
package main

import (
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"os"
	"time"
)

type chain struct {
	Name          string    `json:"name"`
	Purpose       string    `json:"purpose"`
	Host          string    `json:"host"`
	At            time.Time `json:"at"`
	Leaf          string    `json:"leaf"`
	Intermediates []string  `json:"intermediates"`
	Anchor        string    `json:"anchor"`
}

type verdict struct {
	Name   string `json:"name"`
	Ok     bool   `json:"ok"`
	Reason string `json:"reason"`
}

func parse(b64 string) (*x509.Certificate, error) {
	der, err := base64.StdEncoding.DecodeString(b64)
	if err != nil {
		return nil, err
	}
	return x509.ParseCertificate(der)
}

func judge(c chain) verdict {
	v := verdict{Name: c.Name}
	leaf, err := parse(c.Leaf)
	if err != nil {
		v.Reason = fmt.Sprintf("parse leaf: %v", err)
		return v
	}
	anchor, err := parse(c.Anchor)
	if err != nil {
		v.Reason = fmt.Sprintf("parse anchor: %v", err)
		return v
	}
	roots := x509.NewCertPool()
	roots.AddCert(anchor)
	inters := x509.NewCertPool()
	for i, b := range c.Intermediates {
		ic, err := parse(b)
		if err != nil {
			v.Reason = fmt.Sprintf("parse intermediate %d: %v", i, err)
			return v
		}
		inters.AddCert(ic)
	}
	opts := x509.VerifyOptions{Roots: roots, Intermediates: inters, CurrentTime: c.At}
	if c.Purpose == "client" {
		opts.KeyUsages = []x509.ExtKeyUsage{x509.ExtKeyUsageClientAuth}
	} else {
		opts.KeyUsages = []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}
		opts.DNSName = c.Host
	}
	if _, err := leaf.Verify(opts); err != nil {
		v.Reason = err.Error()
		return v
	}
	v.Ok = true
	v.Reason = "ok"
	return v
}

func main() {
	data, err := os.ReadFile(os.Args[1])
	if err != nil {
		panic(err)
	}
	var chains []chain
	if err := json.Unmarshal(data, &chains); err != nil {
		panic(err)
	}
	out := make([]verdict, 0, len(chains))
	for _, c := range chains {
		out = append(out, judge(c))
	}
	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", " ")
	if err := enc.Encode(out); err != nil {
		panic(err)
	}
}
