#!/usr/bin/python3
"""Baselines for the classifier benchmark: fastText (Debian `fasttext` CLI) and scikit-learn
TF-IDF + LogisticRegression, trained on the same training split of the same corpus as our model
(held-out = FNV-1a(id) % 10 == 0) and scored on that held-out split and on an evaluation file,
with and without diacritics. Prints one JSON line per (model, data set, diacritics) run.

usage: baselines.py TRAINING_DIR EVAL_FILE WORK_DIR
"""
import glob, json, os, re, subprocess, sys, time, unicodedata

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score, log_loss
from sklearn.pipeline import make_pipeline, make_union

TOPICS = ["wages", "social_insurance", "working_time", "safety_health", "employment",
          "management_conduct", "living_conditions", "union_relations", "none"]
RISKS = ["none", "low", "elevated", "critical"]


def fnv1a(text):
    h = 0x811C9DC5
    for b in text.encode("utf-8"):
        h = ((h ^ b) * 0x01000193) & 0xFFFFFFFF
    return h


def read(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def strip(text):
    text = unicodedata.normalize("NFD", text).replace("đ", "d").replace("Đ", "D")
    return unicodedata.normalize("NFC", "".join(c for c in text if unicodedata.category(c) != "Mn"))


def tokens(text):
    # The usual preprocessing for these tools: NFC, lowercase, punctuation split off.
    return " ".join(re.findall(r"\w+|[^\w\s]", unicodedata.normalize("NFC", text).lower()))


def metrics(gold, pred):
    n = len(gold)
    alert = lambda r: r in ("elevated", "critical")
    tp = sum(alert(g[1]) and alert(p[1]) for g, p in zip(gold, pred))
    pp = sum(alert(p[1]) for p in pred)
    gp = sum(alert(g[1]) for g in gold)
    crit = sum(g[1] == "critical" for g in gold)
    return {
        "n": n,
        "topicAccuracy": sum(g[0] == p[0] for g, p in zip(gold, pred)) / n,
        "topicMacroF1": f1_score([g[0] for g in gold], [p[0] for p in pred], average="macro", zero_division=0),
        "riskAccuracy": sum(g[1] == p[1] for g, p in zip(gold, pred)) / n,
        "alertablePrecision": tp / pp if pp else 0.0,
        "alertableRecall": tp / gp if gp else 0.0,
        "alertableF1": 2 * tp / (pp + gp) if pp + gp else 0.0,
        "criticalRecall": sum(g[1] == "critical" and p[1] == "critical" for g, p in zip(gold, pred)) / crit if crit else 0.0,
    }


class FastText:
    name = "fastText"
    args = ["-minn", "3", "-maxn", "5", "-wordNgrams", "2", "-epoch", "25", "-lr", "0.5", "-dim", "50",
            "-bucket", "262144", "-thread", "2", "-seed", "58", "-verbose", "0"]

    def __init__(self, work):
        self.work = work

    def fit(self, texts, labels, head):
        path = os.path.join(self.work, f"ft_{head}.train")
        with open(path, "w", encoding="utf-8") as f:
            for t, l in zip(texts, labels):
                f.write(f"__label__{l} {tokens(t)}\n")
        model = os.path.join(self.work, f"ft_{head}")
        subprocess.run(["fasttext", "supervised", "-input", path, "-output", model] + self.args, check=True)
        return model + ".bin"

    def predict(self, model, texts):
        path = os.path.join(self.work, "ft.input")
        with open(path, "w", encoding="utf-8") as f:
            f.writelines(tokens(t) + "\n" for t in texts)
        out = subprocess.run(["fasttext", "predict", model, path], check=True, capture_output=True, text=True).stdout
        return [line.strip().replace("__label__", "") for line in out.splitlines()]


class SklearnTfidf:
    name = "sklearn TF-IDF + LogisticRegression"

    def __init__(self, held_texts, held_topics, held_risks):
        self.held = {"topic": (held_texts, held_topics), "risk": (held_texts, held_risks)}

    def pipeline(self, c):
        features = make_union(
            TfidfVectorizer(sublinear_tf=True, ngram_range=(1, 2), preprocessor=tokens, token_pattern=r"\S+"),
            TfidfVectorizer(sublinear_tf=True, analyzer="char_wb", ngram_range=(3, 5), preprocessor=tokens))
        return make_pipeline(features, LogisticRegression(C=c, max_iter=2000, class_weight="balanced"))

    def fit(self, texts, labels, head):
        # C chosen by held-out log-loss, as our model's L2 is.
        held_texts, held_labels = self.held[head]
        best = None
        for c in (1, 10, 100):
            model = self.pipeline(c).fit(texts, labels)
            loss = log_loss(held_labels, model.predict_proba(held_texts), labels=model.classes_)
            if best is None or loss < best[0]:
                best = (loss, model)
        return best[1]

    def predict(self, model, texts):
        return list(model.predict(texts))


def main():
    training_dir, eval_file, work = sys.argv[1:4]
    os.makedirs(work, exist_ok=True)
    corpus = [row for path in sorted(glob.glob(os.path.join(training_dir, "*.jsonl"))) for row in read(path)]
    train = [r for r in corpus if fnv1a(str(r["id"])) % 10 != 0]
    held = [r for r in corpus if fnv1a(str(r["id"])) % 10 == 0]
    evaluation = read(eval_file)
    texts = [r["text"] for r in train]
    for model_kind in (FastText(work), SklearnTfidf([r["text"] for r in held], [r["topic"] for r in held], [r["risk"] for r in held])):
        started = time.perf_counter()
        topic_model = model_kind.fit(texts, [r["topic"] for r in train], "topic")
        risk_model = model_kind.fit(texts, [r["risk"] for r in train], "risk")
        training_seconds = time.perf_counter() - started
        for set_name, rows in (("held-out", held), ("news-dev", evaluation)):
            for diacritics in (True, False):
                inputs = [r["text"] if diacritics else strip(r["text"]) for r in rows]
                pred = list(zip(model_kind.predict(topic_model, inputs), model_kind.predict(risk_model, inputs)))
                result = {"model": model_kind.name, "data": set_name, "diacritics": diacritics,
                          "trainingSeconds": round(training_seconds, 1), **metrics([(r["topic"], r["risk"]) for r in rows], pred)}
                print(json.dumps(result), flush=True)
        if isinstance(model_kind, SklearnTfidf):
            # Throughput on one core: both heads, texts already in memory.
            os.sched_setaffinity(0, {0})
            big = [r["text"] for r in corpus] * 6
            started = time.perf_counter()
            topic_model.predict(big)
            risk_model.predict(big)
            print(json.dumps({"model": model_kind.name, "throughputTextsPerSecond": round(len(big) / (time.perf_counter() - started))}), flush=True)


if __name__ == "__main__":
    main()
