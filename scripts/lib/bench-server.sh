# Shared by the benchmarks that run the server: source it, with BIN and PORT set.

# Starts `waymark serve` in the background, its output to $1; sets SERVER and waits until /livez answers.
bench_serve() {
  "$BIN" serve >"$1" 2>&1 &
  SERVER=$!
  for _ in $(seq 100); do curl -sf "http://127.0.0.1:$PORT/livez" >/dev/null && break; sleep 0.2; done
  kill -0 "$SERVER" 2>/dev/null || { cat "$1"; exit 1; }
}

# Signs in as $1 with password $2 through the sign-in form (cookie jar $3) and prints the session cookie's value.
bench_sign_in() {
  local username=$1 password=$2 jar=$3
  curl -s -c "$jar" "http://127.0.0.1:$PORT/sign-in" >/dev/null
  local csrf; csrf=$(awk '$6=="waymark-csrf"{print $7}' "$jar")
  curl -s -b "$jar" -c "$jar" -o /dev/null --data-urlencode "csrfToken=$csrf" --data-urlencode "username=$username" \
       --data-urlencode "password=$password" "http://127.0.0.1:$PORT/sign-in"
  local session; session=$(awk '$6=="waymark-session"{print $7}' "$jar")
  [ -n "$session" ] || { echo "sign-in failed for $username" >&2; exit 1; }
  echo "$session"
}
