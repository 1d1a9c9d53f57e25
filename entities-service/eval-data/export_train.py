#!/usr/bin/env python3
"""Exports the training splits of the second-model experiment (docs/extraction.md, "Second model") from the same git
snapshots as export.py, never a document of an evaluation set:

    export_train.py BTC_REPO WNUT_REPO GUM_REPO OUT_DIR

writes OUT_DIR/train.conll: Broad Twitter Corpus sections A, B, E, F, H (section G is the evaluation set), WNUT-17
train and dev (test is the evaluation set; creative works and products left out, the experiment learns PER/ORG/LOC),
and the GUM documents whose texts are CC BY (academic, court, interview; the news documents are the evaluation set),
read with export.py's proper-noun rule. Everything CC BY 4.0 (GUM's texts CC BY 2.5 and 4.0).
"""
import re
import subprocess
import sys

import export

BTC_TRAIN = ["a.conll", "b.conll", "e.conll", "f.conll", "h.conll"]
WNUT_TRAIN = ["wnut17train.conll", "emerging.dev.conll"]
# GUM genres whose texts are CC BY (LICENSE.txt of the corpus); the others are BY-SA, BY-NC-SA or not free
GUM_TRAIN = re.compile(r"/GUM_(academic|court|interview)_.*\.conllu$")


def btc(repo):
    return [[s] for f in BTC_TRAIN for s in export.conll_sentences(export.show(repo, f))]


def wnut(repo):
    docs = []
    for f in WNUT_TRAIN:
        for sentence in export.conll_sentences(export.show(repo, f)):
            tagged = []
            for token, tag in sentence:
                kind = tag.split("-", 1)[1] if tag != "O" else None
                label = export.WNUT_TYPES.get(kind) if kind else None
                tagged.append((token, "O" if label in (None, "MISC") else tag[0] + "-" + label))
            docs.append([tagged])
    return docs


def main():
    btc_repo, wnut_repo, gum_repo, out = sys.argv[1:5]
    gum = export.gum(gum_repo, GUM_TRAIN)
    export.write(out + "/train.conll", btc(btc_repo) + wnut(wnut_repo) + gum)


if __name__ == "__main__":
    main()
