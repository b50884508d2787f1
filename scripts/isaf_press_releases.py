#!/usr/bin/env python3
"""Builds src/test/resources/events/isaf-press-releases.jsonl from the ISAF press releases test split.

Source: data/templatefree_isaf_press_releases_ft_test.jsonl in github.com/strickvl/isafpr_finetune
(the test split of huggingface.co/datasets/strickvl/isafpressreleases by Alex Strick van
Linschoten, CC BY-SA 4.0). Each record there holds a fixed prompt, the release text after
"PRESS RELEASE TEXT: " and the label JSON.

Input: either that file as published (its {"segments": [...]} lines; the record's position is its
line number), or transcriptions of it, one line per record, {"n": position in the test file
(1-based), "t": the text segment, "l": the label fields we use} (how the committed fixture was
made: the machine has no network, so records 1-400 of the file's ~700 were read page by page
through a file-reading tool). Several input files are read in order; --limit N keeps records
1..N. The committed fixture is
  python3 scripts/isaf_press_releases.py --limit 400 templatefree_isaf_press_releases_ft_test.jsonl

Output, one release per line: id, split, ref (release number when the text has one), published
(the release date read from the text, see below), publishedFrom, text (the release text as
published, without the "PRESS RELEASE TEXT: " prompt prefix), startDate, eventTypes, provinces
(dataset names), provinceCodes (ISO 3166-2, to compare with the gazetteer's admin1),
minKilled, minCaptured. Province names are the dataset's, written as the labels write them
("sar-e pul" as well as "sar_e_pul"); a name outside the dataset's province list ("??", used
when the text names none) gets no code, and the release is not scored on province.

Release date: the dateline "(Jan. 25, 2013)" or a title "Update, Jan. 10, 2011" / "Dec. 6:"; a
missing year comes from the release number (2011-07-S-003) and, failing that, from the gold
start date's year (publishedFrom "dateline+label-year"); no day and month at all: published is
null and the release's date is not scored.

Split: odd n is dev, even n is heldout (the test file's order is the dataset's shuffle).
"""
import json
import re
import sys

MONTHS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
          "sep": 9, "oct": 10, "nov": 11, "dec": 12}
MONTH = r"(Jan|Feb|March|Mar|April|Apr|May|June|Jun|July|Jul|August|Aug|Sept|Sep|Oct|Nov|Dec)[a-z]*\.?"
DATELINE = re.compile(r"\(" + MONTH + r" (\d{1,2})(?:, (\d{4}))?\)")
TITLE = re.compile(r"(?:Update,? |^)" + MONTH + r" (\d{1,2})(?:, (\d{4})|:)")
REF = re.compile(r"\b(20\d\d)-(\d\d)-(?:S|CA)\s*[-\u2013]\s*\d{3}")
ISO = {"badakhshan": "BDS", "badghis": "BDG", "baghlan": "BGL", "balkh": "BAL", "bamyan": "BAM",
       "day_kundi": "DAY", "farah": "FRA", "faryab": "FYB", "ghazni": "GHA", "ghor": "GHO",
       "helmand": "HEL", "herat": "HER", "jowzjan": "JOW", "kabul": "KAB", "kandahar": "KAN",
       "kapisa": "KAP", "khost": "KHO", "kunar": "KNR", "kunduz": "KDZ", "laghman": "LAG",
       "logar": "LOG", "nangarhar": "NAN", "nimroz": "NIM", "nuristan": "NUR", "paktya": "PIA",
       "paktika": "PKA", "panjshir": "PAN", "parwan": "PAR", "samangan": "SAM",
       "sar_e_pul": "SAR", "takhar": "TAK", "uruzgan": "URU", "wardak": "WAR", "zabul": "ZAB"}


def province_code(name):
    key = re.sub(r"[-\s]+", "_", name.strip().lower())
    return "AF-" + ISO[key] if key in ISO else None


def release_date(text, gold_start):
    m = DATELINE.search(text) or TITLE.search(text)
    if not m:
        return None, None
    month, day, year = MONTHS[m.group(1)[:3].lower()], int(m.group(2)), m.group(3)
    source = "dateline"
    if not year:
        ref = REF.search(text)
        if ref:
            year = ref.group(1)
            source = "dateline+release-number"
        else:
            year = gold_start[:4]
            source = "dateline+label-year"
    return "%s-%02d-%02d" % (year, month, day), source


def records(paths):
    """(position, text segment, label) of every record of the input files, in order."""
    for path in paths:
        for number, line in enumerate(open(path, encoding="utf-8"), 1):
            if not line.strip():
                continue
            r = json.loads(line)
            if "segments" in r:
                segments = r["segments"]
                label = json.loads(segments[-1]["text"].removesuffix("</s>"))
                yield number, segments[1]["text"], label
            else:
                yield r["n"], r["t"], r["l"]


def main(args):
    limit = None
    if args[:1] == ["--limit"]:
        limit, args = int(args[1]), args[2:]
    for n, segment, label in records(args):
        if limit is None or n <= limit:
            text = segment.removeprefix("PRESS RELEASE TEXT: ")
            published, source = release_date(text, label["start_date"])
            ref = REF.search(text)
            out = {
                "id": "isaf-test-%03d" % n,
                "split": "dev" if n % 2 else "heldout",
                "ref": ref.group(0) if ref else None,
                "published": published,
                "publishedFrom": source,
                "text": text,
                "startDate": label["start_date"],
                "eventTypes": label["event_type"],
                "provinces": label["province"],
                "provinceCodes": [c for c in map(province_code, label["province"]) if c],
                "minKilled": label["min_killed"],
                "minCaptured": label["min_captured"],
            }
            print(json.dumps(out, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1:])
