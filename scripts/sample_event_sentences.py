#!/usr/bin/env python3
"""Draws the second batch of held-out event sentences from the cleaned Tehran Times corpus.

Usage: scripts/sample_event_sentences.py CORPUS.jsonl.gz LABELLED.jsonl > candidates.jsonl

CORPUS is the output of `vigil corpus tehran-times`; LABELLED is the existing labelled set, whose
sentences are skipped. Paragraphs are split into sentences at ". " before a capital; sentences of
50-350 characters that are not questions are candidates. With the fixed seed 20261123, 110 are
drawn from the candidates that contain a security keyword and 50 from all candidates (so events
and non-events come as they come), duplicates dropped. The labels were written by hand before the
extractor was run on them.
"""
import gzip
import json
import random
import re
import sys

KEY = re.compile(r"\b(attack|kill|dead|bomb|blast|explo|strike|shell|missile|rocket|clash|arrest"
                 r"|detain|seiz|smuggl|drug|border|kidnap|abduct|hostage|talks|meet|visit|summit"
                 r"|aid|earthquake|flood|quake|fire|crash|protest|sanction|warn|threat|deni|accus"
                 r"|claim|cooperat|exercise|wound|injur|militant|terror|troops|forces)", re.I)


def main(corpus, labelled):
    have = {json.loads(line)["text"] for line in open(labelled, encoding="utf-8")}
    sents = []
    for line in gzip.open(corpus, "rt", encoding="utf-8"):
        article = json.loads(line)
        for para in article["text"].split("\n"):
            for s in re.split(r'(?<=[.!?”"])\s+(?=[A-Z“"])', para.strip()):
                s = s.strip()
                if 50 <= len(s) <= 350 and s not in have and not s.endswith("?"):
                    sents.append((article["id"], s))
    rng = random.Random(20261123)
    keyed = [x for x in sents if KEY.search(x[1])]
    seen = set()
    for n, (aid, s) in enumerate(rng.sample(keyed, 110) + rng.sample(sents, 50)):
        if s not in seen:
            seen.add(s)
            print(json.dumps({"n": n, "article": aid, "text": s}, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
