#!/bin/sh
# Runs `ears` (src/Alerts) on every case of cases.txt and diffs it against reference/ (R's output).
set -eu
cd "$(dirname "$0")"
dll=../../src/Alerts/bin/Debug/net10.0/Alerts.dll
dotnet build ../../src/Alerts -v q -nologo > /dev/null
grep -v '^#' cases.txt | {
status=0
while read -r series method sigma alpha; do
  ref="reference/$series.$method.ms$sigma${alpha:+.a$alpha}.csv"
  if dotnet "$dll" ears --method "$method" --min-sigma "$sigma" ${alpha:+--alpha "$alpha"} < "series-$series.csv" \
     | diff -u "$ref" - > /dev/null; then echo "same  $ref"; else echo "DIFF  $ref"; status=1; fi
done
exit $status
}
