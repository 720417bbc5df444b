#!/usr/bin/env bash
# The console behind nginx with TLS as docs/console-nginx.conf sets it up (that file, with this
# test's ports, certificate and folders put in): the pages over HTTPS, the session cookie marked
# Secure, the client's address passed on and not taken from the client, the published folder
# served to the fleet, a kiosk's report through the proxy, plain HTTP sent to HTTPS.
# Skipped (exit 77) where nginx is not installed: Debian's nginx starts a server on port 80 when
# installed, so the suite does not install it. Usage: console_nginx_test.sh KIOSK_CONSOLE TESTS_DIR
set -u
console=$1 tests=$2
command -v nginx >/dev/null || { echo "console_nginx: nginx is not installed (apt-get install nginx to try the set-up); skipped"; exit 77; }
work=$(mktemp -d)
chmod 755 "$work"
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done; rm -rf "$work"' EXIT
source "$tests/lib.sh"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 \
  -keyout "$work/key.pem" -out "$work/cert.pem" 2>/dev/null
mkdir -p "$work/published" && echo "a bundle" >"$work/published/torino.kbundle" && chmod -R a+rX "$work/published"
echo "anna's long password" | "$console" add-user --data "$work/data" Anna editor >/dev/null
token=$("$console" add-kiosk --data "$work/data" hub-nord-1 2>/dev/null)
app=$(free_port) tls=$(free_port) plain=$(free_port)
"$console" serve --data "$work/data" --listen 127.0.0.1:"$app" --secure-cookies --trust-proxy >"$work/console.log" 2>&1 &
pids+=($!)

# docs/console-nginx.conf with this test's ports, certificate and folders, in a minimal nginx.conf.
sed -e "s|listen 443 ssl;|listen 127.0.0.1:$tls ssl;|; /listen \[::\]/d; s|listen 80;|listen 127.0.0.1:$plain;|" \
    -e "s|/etc/letsencrypt/live/console.example.org/fullchain.pem|$work/cert.pem|; s|/etc/letsencrypt/live/console.example.org/privkey.pem|$work/key.pem|" \
    -e "s|/var/lib/torino-kiosk-console/published/|$work/published/|; s|127.0.0.1:8080|127.0.0.1:$app|" \
    "$tests/../docs/console-nginx.conf" >"$work/site.conf"
cat >"$work/nginx.conf" <<CONF
$( [ "$(id -u)" -eq 0 ] && echo "user root;" )
pid $work/nginx.pid;
error_log $work/error.log;
events {}
http {
    access_log $work/access.log;
    client_body_temp_path $work/body;
    proxy_temp_path $work/proxy;
    include /etc/nginx/mime.types;
    include $work/site.conf;
}
CONF
check "nginx accepts the documented configuration" nginx -t -p "$work" -c "$work/nginx.conf" -q
nginx -p "$work" -c "$work/nginx.conf" -g 'daemon off;' &
pids+=($!)
for _ in $(seq 100); do curl -s -o /dev/null --cacert "$work/cert.pem" "https://127.0.0.1:$tls/" && break; sleep 0.1; done

https() { curl -s --cacert "$work/cert.pem" "$@"; }
check "the pages over HTTPS" contains "$(https "https://127.0.0.1:$tls/")" 'src="js/app.js"'
# The browser is at 127.0.0.2 (another loopback address): nginx must pass that on, not the header it sent.
headers=$(https --interface 127.0.0.2 -D - -o "$work/login.json" -H 'Content-Type: application/json' -H 'X-Real-IP: 203.0.113.9' \
  -d '{"name": "Anna", "password": "anna'"'"'s long password"}' "https://127.0.0.1:$tls/api/login")
check "sign-in over HTTPS" contains "$headers" "HTTP/1.1 200"
check "the session cookie is Secure, HttpOnly, SameSite=Strict" grep -qi '^set-cookie: session=.*; HttpOnly; SameSite=Strict; Secure' <<<"$headers"
cookie=$(grep -i '^set-cookie:' <<<"$headers" | sed 's/^[^:]*: \([^;]*\);.*/\1/')
check "the session works through the proxy" test "$(https -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "https://127.0.0.1:$tls/api/me")" = 200
https --interface 127.0.0.2 -H 'Content-Type: application/json' -H 'X-Real-IP: 203.0.113.9' -d '{"name": "Anna", "password": "wrong password"}' \
  "https://127.0.0.1:$tls/api/login" >/dev/null
audit=$(sqlite3 "$work/data/console.db" "SELECT action || ' from ' || detail FROM audit WHERE user = 'Anna' ORDER BY id")
check "the audit log has the client's address from nginx, not one the client made up" \
  test "$audit" = "$(printf 'login from 127.0.0.2\nlogin failed from 127.0.0.2')"
check "the published folder is served to the fleet" test "$(https "https://127.0.0.1:$tls/fleet/torino.kbundle")" = "a bundle"
check "a kiosk's report through the proxy" test "$(https -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" \
  -H 'Content-Type: application/json' -d '{"version": 3}' "https://127.0.0.1:$tls/api/report")" = 204
check "plain HTTP is sent to HTTPS" contains "$(curl -s -D - -o /dev/null "http://127.0.0.1:$plain/")" "Location: https://"
finish console_nginx
