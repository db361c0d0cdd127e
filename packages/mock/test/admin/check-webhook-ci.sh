#!/bin/sh
# A CI step as a user of any language writes it: check a webhook and keep the table as a report file for the CI's
# test results. Usage: check-webhook-ci.sh <command that runs nxwa-mock…>
# Environment: WEBHOOK, REPORT, NXWA_MOCK_ACCESS_KEY, NXWA_MOCK_ACCESS_SECRET.
set -u
"$@" check-webhook "$WEBHOOK" --host api.nxcloud.com --report "$REPORT"
echo "exit=$?"
