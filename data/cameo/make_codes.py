#!/usr/bin/env python3
"""Builds data/cameo/codes.tsv from three permissively licensed tables.

  labels     text_to_CAMEO/CAMEO_codefile.txt      MIT (c) 2014 Philip Schrodt
  Goldstein  icews/cameo-codes.csv                 MIT (andybega/icews)
  PLOVER     plover/CAMEO2PLOVER-2021.txt          CC BY-SA 4.0 (openeventdata/PLOVER)

Usage: make_codes.py SHARED_DATA_DIR > codes.tsv
(SHARED_DATA_DIR is the folder holding cameo/ and plover/.) The output is
deterministic: rows sorted by code as strings. See README.md for the rules.
"""
import csv
import io
import re
import sys

# PLOVER types the annotation guide fixes where the tables disagree
# (ANNOTATION.md, "Conventions settled after the first annotation rounds").
PLOVER_OVERRIDES = {"163": "SANCTION", "175": "COERCE", "191": "ASSAULT",
                    "192": "ASSAULT", "057": "AGREE"}
# Whole roots the PLOVER table leaves unmapped.
PLOVER_ROOT_DEFAULTS = {"01": "OTHER", "02": "REQUEST"}


def quad_of(root):
    r = int(root)
    return 1 if r <= 5 else 2 if r <= 8 else 3 if r <= 13 else 4


def read_labels(path):
    labels, variant, roots = {}, {}, {}
    for line in open(path, encoding="ascii"):
        m = re.match(r"//(\d\d)[:=]\s*(.+)", line)
        if m:
            roots[m.group(1)] = m.group(2).strip()
            continue
        m = re.match(r"LABEL(i?):\s*(\d+)\s*=\s*(.+)", line)
        if not m:
            continue
        # The last LABEL of a code wins: repeated LABEL lines correct a
        # typo ("commment") or refine the wording. LABELi (ICEWS variant)
        # is used only for a code without a plain LABEL.
        (variant if m.group(1) else labels)[m.group(2)] = m.group(3).strip()
    for code, label in variant.items():
        labels.setdefault(code, label)
    return labels, roots


def read_goldstein(path):
    # Not valid UTF-8 in places (mis-encoded quotes in the text columns);
    # the columns we read are ASCII, so latin-1 is a safe byte decoding.
    text = open(path, "rb").read().decode("latin-1")
    return {row["code"]: float(row["goldstein"])
            for row in csv.DictReader(io.StringIO(text))}


def read_plover(path):
    plover = {}
    for line in open(path, encoding="utf-8"):
        line = line.split("#", 1)[0].strip()
        m = re.match(r"(\d+):\s*([A-Z]+)", line)
        if m and m.group(1) not in plover:   # 08 has two headers: keep CONCEDE
            plover[m.group(1)] = m.group(2)
    return plover


def fmt(x):
    return ("%g" % x)


def main():
    base = sys.argv[1].rstrip("/")
    labels, root_names = read_labels(base + "/cameo/text_to_CAMEO/CAMEO_codefile.txt")
    goldstein = read_goldstein(base + "/cameo/icews/cameo-codes.csv")
    plover = read_plover(base + "/plover/CAMEO2PLOVER-2021.txt")

    rows = {}
    for root, name in root_names.items():
        rows[root] = name
    rows.update(labels)
    out = []
    for code in sorted(rows):
        root = code[:2]
        # Goldstein: ICEWS; a code ICEWS lacks (1214, 1951, 1952) takes its
        # parent's value (the 3-digit code).
        g = goldstein.get(code, goldstein.get(code[:3]))
        # PLOVER: guide overrides, then the 2021 table, then the parent
        # 3-digit code (1951, 1952), then the root's default; a 2-digit
        # root takes the type of its X0 code.
        key = code + "0" if len(code) == 2 else code
        p = (PLOVER_OVERRIDES.get(key) or PLOVER_ROOT_DEFAULTS.get(root)
             or plover.get(key) or plover.get(key[:3]))
        if g is None or p is None:
            sys.exit("no Goldstein or PLOVER for " + code)
        out.append("\t".join([code, rows[code], fmt(g), p, str(quad_of(root))]))
    sys.stdout.write("# CAMEO event codes: code, label, Goldstein, PLOVER, quad class.\n"
                     "# Made by make_codes.py; sources and licence in README.md (CC BY-SA 4.0).\n")
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
