#!/usr/bin/env bash
# Makes throwaway TLS material for testing the engine client against a TLS-protected engine.
#
#   scripts/tls-certs.sh DIR
#
# DIR gets, in the DOCKER_CERT_PATH layout:
#   ca.pem ca-key.pem             the test CA
#   cert.pem key.pem              a client certificate (extendedKeyUsage clientAuth)
#   server-cert.pem server-key.pem   the engine's certificate, for 127.0.0.1 and localhost
#   other-ca.pem other-ca-key.pem an unrelated CA, for the "wrong CA" case
# Everything is valid for 2 days: long enough for a test run, too short to be reused by mistake.
set -euo pipefail

if [[ $# -ne 1 ]]; then
    echo "usage: $0 DIR" >&2
    exit 2
fi
command -v openssl >/dev/null || { echo "$0: openssl is not installed" >&2; exit 1; }

dir=$1
mkdir -p "$dir"
cd "$dir"
days=2
# EC keys: generated in milliseconds, unlike RSA, and accepted by every TLS stack in use.
newkey() { openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1" 2>/dev/null; }

make_ca() { # name subject
    newkey "$1-key.pem"
    openssl req -x509 -new -key "$1-key.pem" -sha256 -days "$days" -subj "$2" \
        -addext "basicConstraints=critical,CA:TRUE" \
        -addext "keyUsage=critical,keyCertSign,cRLSign" \
        -out "$1.pem"
}

sign() { # key csr-subject out extfile-content
    local key=$1 subject=$2 out=$3 ext=$4
    newkey "$key"
    openssl req -new -key "$key" -subj "$subject" -out "$out.csr"
    printf '%s\n' "$ext" >"$out.ext"
    openssl x509 -req -in "$out.csr" -CA ca.pem -CAkey ca-key.pem -CAcreateserial \
        -days "$days" -sha256 -extfile "$out.ext" -out "$out" 2>/dev/null
    rm -f "$out.csr" "$out.ext"
}

make_ca ca "/CN=Slipway test CA"
make_ca other-ca "/CN=Unrelated test CA"

sign server-key.pem "/CN=localhost" server-cert.pem \
"basicConstraints=CA:FALSE
keyUsage=critical,digitalSignature
extendedKeyUsage=serverAuth
subjectAltName=IP:127.0.0.1,DNS:localhost"

sign key.pem "/CN=slipway-client" cert.pem \
"basicConstraints=CA:FALSE
keyUsage=critical,digitalSignature
extendedKeyUsage=clientAuth"

rm -f ca.srl
chmod 600 ./*-key.pem key.pem
openssl verify -CAfile ca.pem server-cert.pem cert.pem >/dev/null
