#!/usr/bin/env python3
"""How often the ISAF labels agree with the day the release's own words give.

For each labelled release with a start date, the first day word of the body (today, tonight,
this morning, yesterday, last night, or a weekday) is read against the release's dateline:
today -> the release date, yesterday -> the day before, a weekday -> the last such day on or
before the release date. "overnight" is left out (it names either day), as are releases with
no day word. The share of the rest whose label is that day is a ceiling for any reader that
takes the text at its word; it uses no output of Vigil.

Usage: scripts/isaf_label_days.py [src/test/resources/events/isaf-press-releases.jsonl]
"""
import datetime
import json
import re
import sys
from collections import Counter

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
DAY_WORD = re.compile(r"\b(yesterday|today|last night|overnight|tonight|this morning|"
                      + "|".join(WEEKDAYS) + r")\b", re.IGNORECASE)
DATELINE = re.compile(r"KABUL, Afghanistan \([^)]*\)")


def text_day(word, published):
    word = word.lower()
    if word in ("today", "tonight", "this morning"):
        return published
    if word in ("yesterday", "last night"):
        return published - datetime.timedelta(days=1)
    if word in WEEKDAYS:
        back = (published.weekday() - WEEKDAYS.index(word)) % 7
        return published - datetime.timedelta(days=back)
    return None  # overnight


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else \
        "src/test/resources/events/isaf-press-releases.jsonl"
    tally = {}
    for line in open(path, encoding="utf-8"):
        r = json.loads(line)
        if not r.get("startDate") or not r.get("published"):
            continue
        t = tally.setdefault(r["split"], Counter())
        text = r["text"]
        dateline = DATELINE.search(text)
        body = text[dateline.end():] if dateline else text
        m = DAY_WORD.search(body)
        if not m:
            t["no day word"] += 1
            continue
        published = datetime.date.fromisoformat(r["published"])
        day = text_day(m.group(1), published)
        if day is None:
            t["overnight"] += 1
            continue
        label = datetime.date.fromisoformat(r["startDate"])
        t["read"] += 1
        if label == day:
            t["agree"] += 1
        else:
            t["label %+d days" % (label - day).days] += 1
    for split, t in sorted(tally.items()):
        share = t["agree"] / t["read"] if t["read"] else 0
        others = ", ".join(f"{k} {v}" for k, v in sorted(t.items())
                           if k not in ("read", "agree"))
        print(f"{split}: label = the text's day in {t['agree']}/{t['read']} releases "
              f"({share:.3f}); {others}")


if __name__ == "__main__":
    main()
