#!/bin/sh
# Regenerates reference/*.csv with the real surveillance::earsC (needs Rscript + r-cran-surveillance).
set -eu
cd "$(dirname "$0")"
mkdir -p reference
grep -v '^#' cases.txt | while read -r series method sigma alpha; do
  out="reference/$series.$method.ms$sigma${alpha:+.a$alpha}.csv"
  Rscript earsc_reference.R "series-$series.csv" "$method" "$sigma" ${alpha:+"$alpha"} > "$out"
  echo "$out"
done
