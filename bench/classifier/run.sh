#!/usr/bin/env bash
# Classifier benchmark (not a test): our linear model against fastText and scikit-learn TF-IDF +
# LogisticRegression, trained on the same training split and scored on the same held-out split and
# on an evaluation file (read in place, never copied), with and without diacritics; plus training
# time, single-core throughput and memory. Results are printed; bench/README.md records a run.
#
# usage: bench/classifier/run.sh [TRAINING_DIR] [EVAL_FILE]
#   defaults: data/training and ../shared/eval/news-dev.jsonl, relative to the repository root.
# needs: dotnet, fasttext (apt-get install -y fasttext), python3-sklearn, taskset, GNU time.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
data=$(realpath "${1:-$repo/data/training}")
eval_file=$(realpath "${2:-$repo/../shared/eval/news-dev.jsonl}")
work=$(mktemp -d /tmp/d58-bench.XXXXXX)
command -v fasttext >/dev/null || { echo "fasttext missing: apt-get install -y fasttext" >&2; exit 1; }

echo "# machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem/ {print $2}') GB RAM, dotnet $(dotnet --version)"
echo "# corpus: $data ($(cat "$data"/*.jsonl | wc -l) lines); evaluation: $eval_file ($(wc -l < "$eval_file") lines)"
dotnet build -c Release "$repo/src/Classifier" -v quiet -nologo >/dev/null
dll="$repo/src/Classifier/bin/Release/net10.0/Classifier.dll"
model="$work/model.d58model"

echo "## ours: train (warm-started L2 path of up to 4 values per head, one head per thread)"
/usr/bin/time -f "train wall %e s, max RSS %M KiB" dotnet "$dll" train --data "$data" --out "$model" 2>&1 >/dev/null | grep -E "wrote|wall|chose"
ls -l "$model" | awk '{print "model file bytes", $5}'

echo "## ours: accuracy"
for strip in "" "--strip-diacritics"; do
  echo "held-out ${strip:-with diacritics}: $(dotnet "$dll" evaluate --model "$model" --data "$data" --heldout $strip 2>/dev/null | tail -1)"
  echo "news-dev ${strip:-with diacritics}: $(dotnet "$dll" evaluate --model "$model" --data "$eval_file" $strip | tail -1)"
done
dotnet "$dll" evaluate --model "$model" --data "$eval_file" | head -2

echo "## throughput on one core (taskset -c 0): the whole corpus x6, process start and model load included"
/usr/bin/python3 - "$data" "$work" <<'PY'
import glob, json, os, re, sys, unicodedata
rows = [json.loads(l) for p in sorted(glob.glob(os.path.join(sys.argv[1], "*.jsonl"))) for l in open(p, encoding="utf-8") if l.strip()] * 6
with open(os.path.join(sys.argv[2], "big.jsonl"), "w", encoding="utf-8") as f:
    f.writelines(json.dumps({"id": f"b{i}", "text": r["text"]}, ensure_ascii=False) + "\n" for i, r in enumerate(rows))
with open(os.path.join(sys.argv[2], "big.txt"), "w", encoding="utf-8") as f:
    f.writelines(" ".join(re.findall(r"\w+|[^\w\s]", unicodedata.normalize("NFC", r["text"]).lower())) + "\n" for r in rows)
PY
lines=$(wc -l < "$work/big.jsonl")
echo "texts: $lines"
/usr/bin/time -f "ours classify (topic+risk): wall %e s, max RSS %M KiB" taskset -c 0 dotnet "$dll" classify --model "$model" < "$work/big.jsonl" > "$work/ours.out"
test "$(wc -l < "$work/ours.out")" -eq "$lines"

echo "## baselines (fastText, scikit-learn)"
/usr/bin/time -f "baselines total wall %e s" /usr/bin/python3 "$repo/bench/classifier/baselines.py" "$data" "$eval_file" "$work"
ls -l "$work"/ft_topic.bin "$work"/ft_risk.bin | awk '{print "fastText model bytes", $5, $9}'
for head in topic risk; do
  /usr/bin/time -f "fastText predict $head: wall %e s, max RSS %M KiB" taskset -c 0 fasttext predict "$work/ft_$head.bin" "$work/big.txt" > /dev/null
done
echo "# work folder: $work"
