"""The analyst's script of the hospital bench (hospital.bench.ts): pandas reads the CSV, jieba cuts
every text, a Counter counts the words of two characters or more, the 20 most frequent printed.
`python3 test/bench/reference/word_count.py FILE`; Debian's python3-pandas and python3-jieba."""
import collections
import json
import sys

import jieba
import pandas as pd

jieba.setLogLevel(60)
frame = pd.read_csv(sys.argv[1], dtype=str, keep_default_na=False)
counts = collections.Counter()
for text in frame["text"]:
    counts.update(word for word in jieba.cut(text) if len(word.strip()) > 1)
print(json.dumps({"records": len(frame), "words": len(counts), "top": counts.most_common(20)}, ensure_ascii=False))
