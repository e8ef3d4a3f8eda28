#!/usr/bin/env python3
"""Writes ../80-phoenix-*.actors: the PETRARCH-2 Phoenix actor dictionaries
(MIT) converted by `dyad dict import`, without their country headwords (our
own country table covers those) and without one-word names that are
ordinary English words ("Country", "Youth"), which would fire on any
capitalized sentence start. Run from this folder:

    python3 make_phoenix.py DYAD_BINARY /path/to/shared/data

The common-word test uses the lower-case word counts of the UD English EWT
treebank (a filter only: nothing of it is copied).
"""
import collections
import glob
import subprocess
import sys

# Source file -> (output, id prefix); ids must be unique across files.
FILES = {"Countries": ("80-phoenix-countries.actors", "phxc-"),
         "International": ("81-phoenix-international.actors", "phxi-"),
         "MilNonState": ("82-phoenix-nonstate.actors", "phxn-")}


def common_words(shared):
    counts = collections.Counter()
    for path in glob.glob(shared + "/ud-english-ewt/*.conllu"):
        for line in open(path, encoding="utf-8"):
            parts = line.split("\t")
            if len(parts) > 3 and parts[0].isdigit() and parts[1].islower():
                counts[parts[1]] += 1
    return {w for w, n in counts.items() if n >= 3}


def main():
    dyad, shared = sys.argv[1], sys.argv[2]
    common = common_words(shared)
    for name, (out, prefix) in FILES.items():
        src = f"{shared}/petrarch2/dictionaries/Phoenix.{name}.actors.txt"
        text = subprocess.run([dyad, "dict", "import", "--from", "petrarch2",
                               "--skip-country-names", "--id-prefix", prefix, src],
                              check=True, capture_output=True, text=True).stdout
        text = text.replace(src, "Phoenix." + name + ".actors.txt")
        lines = []
        dropped = 0
        for line in text.splitlines():
            if line.startswith("names: "):
                names = line[len("names: "):].split(" | ")
                keep = [n for n in names
                        if " " in n or "-" in n or n.isupper() or n.lower() not in common]
                dropped += len(names) - len(keep)
                if not keep:
                    continue
                line = "names: " + " | ".join(keep)
            lines.append(line)
        header = (f"# PETRARCH-2 {src.split('/')[-1]} (MIT, (c) 2014 Open Event Data\n"
                  f"# Alliance), converted by sources/make_phoenix.py; {dropped} one-word\n"
                  "# names that are common English words left out.\n")
        with open("../" + out, "w", encoding="utf-8") as f:
            f.write(header + "\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
