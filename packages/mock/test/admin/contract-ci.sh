#!/bin/sh
# A CI step as a user of any language writes it: start the mock with a JUnit report and --fail-on-violation, send
# one valid and one invalid request with curl (signed with openssl, as the docs' curl samples do), write the report,
# stop the mock, and print its exit code. Usage: contract-ci.sh <command that starts nxwa-mock…>
# Environment: PORT_BASE, REPORT, NXCLOUD_ACCESS_KEY, NXCLOUD_ACCESS_SECRET.
set -u
"$@" --port-base "$PORT_BASE" --host api2.nxcloud.com --report "$REPORT" --fail-on-violation --quiet \
  --access-key "$NXCLOUD_ACCESS_KEY" --access-secret "$NXCLOUD_ACCESS_SECRET" &
MOCK=$!
BASE_URL="http://127.0.0.1:$PORT_BASE"
tries=0
until curl -sf "$BASE_URL/__health" >/dev/null 2>&1; do
  tries=$((tries + 1))
  if [ "$tries" -gt 600 ]; then kill "$MOCK"; echo "the mock did not start"; exit 3; fi
  sleep 0.1
done

send() {
  BODY=$1
  TS="$(date +%s)000"
  SIGN="$(printf '%s' "accessKey=$NXCLOUD_ACCESS_KEY&action=mt&bizType=2&ts=$TS&body=$BODY&accessSecret=$NXCLOUD_ACCESS_SECRET" | openssl dgst -md5 -r | cut -d' ' -f1)"
  curl -sS -X POST "$BASE_URL/api/wa/mt" -H 'Content-Type: application/json' \
    -H "accessKey: $NXCLOUD_ACCESS_KEY" -H "ts: $TS" -H "sign: $SIGN" -H 'bizType: 2' -H 'action: mt' \
    --data-raw "$BODY"
  echo
}

send '{"appkey":"demo","business_phone":"8615800001795","messaging_product":"whatsapp","recipient_type":"individual","to":"8613600009759","type":"text","text":{"body":"hello"}}'
# Deliberately invalid: the text has no body.
send '{"appkey":"demo","business_phone":"8615800001795","messaging_product":"whatsapp","recipient_type":"individual","to":"8613600009759","type":"text","text":{}}'
curl -sS -X POST -H 'x-nxwa-admin: 1' "$BASE_URL/__nxwa/report"
echo
kill -TERM "$MOCK"
wait "$MOCK"
echo "exit=$?"
