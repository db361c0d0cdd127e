#!/bin/sh
# The staging workflow as a user of any language runs it, with curl: the proxy in front of NxCloud records a signed
# send (the proxy is never given the secret) and shows the drift; then the mock replays the cassette with no
# upstream, strictly. Usage: staging.sh <command that starts nxwa-mock…>
# Environment: UPSTREAM, CASSETTES, PORT_BASE, APP_KEY, APP_SECRET (the app's account at the upstream).
set -u
wait_for() {
  tries=0
  until curl -sf "$1/__health" >/dev/null 2>&1; do
    tries=$((tries + 1))
    if [ "$tries" -gt 600 ]; then echo "the mock did not start"; exit 3; fi
    sleep 0.1
  done
}
send() { # base URL, access key, secret
  BODY='{"appkey":"app-key-in-body","business_phone":"8615800001795","messaging_product":"whatsapp","recipient_type":"individual","to":"8613600009759","type":"text","text":{"body":"hello"}}'
  TS="$(date +%s)000"
  SIGN="$(printf '%s' "accessKey=$2&action=mt&bizType=2&ts=$TS&body=$BODY&accessSecret=$3" | openssl dgst -md5 -r | cut -d' ' -f1)"
  curl -sS -X POST "$1/api/wa/mt" -H 'Content-Type: application/json' \
    -H "accessKey: $2" -H "ts: $TS" -H "sign: $SIGN" -H 'bizType: 2' -H 'action: mt' --data-raw "$BODY"
  echo
}
BASE_URL="http://127.0.0.1:$PORT_BASE"

# 1. Staging: through the proxy, recording.
"$@" --host api2.nxcloud.com --port-base "$PORT_BASE" --quiet --proxy \
  --upstream "api2.nxcloud.com=$UPSTREAM" --record "$CASSETTES" &
MOCK=$!
wait_for "$BASE_URL"
echo "proxied: $(send "$BASE_URL" "$APP_KEY" "$APP_SECRET")"
echo "drift: $(curl -sS "$BASE_URL/__nxwa/drift")"
kill -TERM "$MOCK"
wait "$MOCK"
echo "proxy exit: $?"

# 2. CI: replay, no upstream, the mock's own demo account.
"$@" --host api2.nxcloud.com --port-base "$PORT_BASE" --quiet --replay "$CASSETTES" --replay-strict &
MOCK=$!
wait_for "$BASE_URL"
echo "replayed: $(send "$BASE_URL" nxwa-demo-key nxwa-demo-secret)"
kill -TERM "$MOCK"
wait "$MOCK"
echo "replay exit: $?"
