"""Builds charfreq.txt: character and in-word character-bigram frequencies.

Derived from the jieba-rs word dictionary (dict.txt: word, frequency, tag): a word's
frequency is credited to each character and to each adjacent pair inside it.
Usage: python3 charfreq.py path/to/jieba-rs/src/data/dict.txt > charfreq.txt
"""
import collections, sys

uni, bi = collections.Counter(), collections.Counter()
for line in open(sys.argv[1], encoding="utf-8"):
    parts = line.split()
    if len(parts) < 2 or not parts[1].isdigit():
        continue
    word, freq = parts[0], int(parts[1])
    if not all("\u4e00" <= c <= "\u9fff" for c in word):
        continue
    for c in word:
        uni[c] += freq
    for a, b in zip(word, word[1:]):
        bi[a + b] += freq

print("# char and in-word bigram frequencies from the jieba-rs dictionary; see charfreq.py")
# Every character the dictionary has, and the pairs down to a frequency of about 40:
# enough for pairs such as 饭堂 or 并济 that a mojibake gap may hide.
for c, n in uni.most_common():
    print(f"{c}\t{n}")
for ab, n in bi.most_common(60000):
    print(f"{ab}\t{n}")
