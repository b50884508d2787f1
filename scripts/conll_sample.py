#!/usr/bin/env python3
"""Every k-th document of a CoNLL-2003 file, as TOKEN<TAB>TAG lines, for `vigil eval ner`.

CoNLL-2003 (Reuters newswire) is not redistributable, so Vigil ships no copy. With your own
copy of eng.testb this makes the sample the README's newswire figure was measured on:

    python3 scripts/conll_sample.py eng.testb --every 4 > testb.every4.txt            # held out
    python3 scripts/conll_sample.py eng.testb --every 4 --first 3 > testb.dev3.txt    # tuned on
    ./vigil eval ner testb.every4.txt

Documents are numbered from 1 in file order (a part before the first -DOCSTART- line counts
as document 1); documents f, f+k, f+2k, ... are kept (f = --first, default 1). Only the first (token) and last (NER
tag) columns are written; blank lines between sentences are kept as they are.
"""
import argparse
import sys


def documents(lines):
    doc = []
    for line in lines:
        if line.startswith("-DOCSTART-"):
            if any(l.strip() for l in doc):
                yield doc
            doc = []
        else:
            doc.append(line.rstrip("\n"))
    if any(l.strip() for l in doc):
        yield doc


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("file")
    p.add_argument("--every", type=int, default=4, help="keep every k-th document (default 4)")
    p.add_argument("--first", type=int, default=1, help="the first document kept (default 1)")
    a = p.parse_args()
    with open(a.file, encoding="utf-8") as f:
        docs = list(documents(f))
    out = sys.stdout
    kept = 0
    for n, doc in enumerate(docs):
        if n + 1 < a.first or (n + 1 - a.first) % a.every:
            continue
        kept += 1
        out.write("-DOCSTART-\tO\n\n")
        blank = True
        for line in doc:
            cols = line.split()
            if not cols:
                if not blank:
                    out.write("\n")
                blank = True
                continue
            out.write(f"{cols[0]}\t{cols[-1]}\n")
            blank = False
        if not blank:
            out.write("\n")
    print(f"{kept} of {len(docs)} documents", file=sys.stderr)


if __name__ == "__main__":
    main()
