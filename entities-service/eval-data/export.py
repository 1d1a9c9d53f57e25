#!/usr/bin/env python3
"""Exports the news-domain NER evaluation sets from git snapshots into the CoNLL shape EvalCommand reads.

One token and its IOB tag (PER, ORG, LOC, MISC) per line, blank lines between sentences, -DOCSTART- between
documents. Usage:

    export.py BTC_REPO WNUT_REPO GUM_REPO OUT_DIR

where each *_REPO is a git directory (bare or not) of GateNLP/broad_twitter_corpus, leondz/emerging_entities_17 and
amir-zeldes/gum. Writes OUT_DIR/btc-g.conll (Broad Twitter Corpus section G, mainstream news accounts; each tweet a
document), OUT_DIR/wnut17-test.conll (WNUT-17 test set; each post a document) and OUT_DIR/gum-news.conll (the
Wikinews documents of GUM; named mentions only, see gum()). All three are CC BY 4.0 (GUM's texts CC BY 2.5).
"""
import re
import subprocess
import sys


def show(repo, path):
    return subprocess.run(["git", "--git-dir", repo, "show", "HEAD:" + path], check=True,
                          capture_output=True).stdout.decode("utf-8")


def write(path, documents):
    with open(path, "w", encoding="utf-8") as out:
        for sentences in documents:
            out.write("-DOCSTART- O\n\n")
            for sentence in sentences:
                for token, tag in sentence:
                    out.write(f"{token} {tag}\n")
                out.write("\n")


def conll_sentences(text):
    sentence = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            if sentence:
                yield sentence
            sentence = []
            continue
        cols = line.split()
        if len(cols) >= 2:
            sentence.append((cols[0], cols[-1]))
    if sentence:
        yield sentence


def btc(repo):
    """Section G: every tweet its own document; PER/ORG/LOC as given."""
    return [[s] for s in conll_sentences(show(repo, "g.conll"))]


WNUT_TYPES = {"person": "PER", "location": "LOC", "corporation": "ORG", "group": "ORG",
              "creative-work": "MISC", "product": "MISC"}


def wnut(repo):
    docs = []
    for sentence in conll_sentences(show(repo, "emerging.test.annotated")):
        tagged = []
        for token, tag in sentence:
            if tag == "O":
                tagged.append((token, "O"))
            else:
                prefix, kind = tag.split("-", 1)
                tagged.append((token, prefix + "-" + WNUT_TYPES[kind]))
        docs.append([tagged])
    return docs


GUM_TYPES = {"person": "PER", "organization": "ORG", "place": "LOC"}
NAME_INSIDE = {"of", "the", "and", "de", "for", "-", "&", "'s", "."}
TITLES = {"president", "minister", "prime", "king", "queen", "pope", "senator", "governor", "mayor", "chairman",
          "secretary", "general", "prince", "princess", "chancellor", "premier", "mr.", "mrs.", "ms.", "dr."}


def gum(repo, documents=re.compile(r"/GUM_news_.*\.conllu$")):
    """GUM marks every mention (common nouns and pronouns too); a name is a person, organisation or place mention
    whose words are proper nouns (a leading determiner left out, "of"/"the"/"and" allowed inside), innermost first
    when mentions nest inside one another."""
    files = subprocess.run(["git", "--git-dir", repo, "ls-tree", "--name-only", "HEAD", "dep/"], check=True,
                           capture_output=True).stdout.decode().split()
    docs = []
    for f in sorted(x for x in files if documents.search(x)):
        sentences = []
        for block in show(repo, f).split("\n\n"):
            rows = [l.split("\t") for l in block.splitlines() if l and not l.startswith("#")]
            rows = [r for r in rows if re.fullmatch(r"\d+", r[0])]
            if not rows:
                continue
            open_mentions = {}
            mentions = []
            for i, r in enumerate(rows):
                misc = dict(kv.split("=", 1) for kv in r[9].split("|") if "=" in kv)
                ent = misc.get("Entity", "")
                for m in re.finditer(r"\((\d+)-([a-z]+)[^()]*?(\))?(?=\(|\)|$)|(\d+)\)", ent):
                    if m.group(1):
                        if m.group(3):
                            mentions.append((i, i, m.group(2)))
                        else:
                            open_mentions.setdefault(m.group(1), []).append((i, m.group(2)))
                    else:
                        stack = open_mentions.get(m.group(4))
                        if stack:
                            start, kind = stack.pop()
                            mentions.append((start, i, kind))
            tags = ["O"] * len(rows)
            # innermost (shortest) first, so "President Donald Trump" leaves the name to "Donald Trump" if marked
            for start, end, kind in sorted(mentions, key=lambda m: m[1] - m[0]):
                if kind not in GUM_TYPES:
                    continue
                while start <= end and rows[start][3] == "DET":
                    start += 1
                if start > end:
                    continue
                words = rows[start:end + 1]
                if rows[start][3] != "PROPN" or rows[end][3] != "PROPN":
                    continue
                if not all(w[3] == "PROPN" or w[1].lower() in NAME_INSIDE for w in words):
                    continue
                if all(w[1].lower() in TITLES for w in words):
                    continue  # "the President": a title, not a name
                if any(t != "O" for t in tags[start:end + 1]):
                    continue
                label = GUM_TYPES[kind]
                for k in range(start, end + 1):
                    tags[k] = ("B-" if k == start else "I-") + label
            sentences.append([(r[1], t) for r, t in zip(rows, tags)])
        docs.append(sentences)
    return docs


def main():
    btc_repo, wnut_repo, gum_repo, out = sys.argv[1:5]
    write(out + "/btc-g.conll", btc(btc_repo))
    write(out + "/wnut17-test.conll", wnut(wnut_repo))
    write(out + "/gum-news.conll", gum(gum_repo))


if __name__ == "__main__":
    main()
