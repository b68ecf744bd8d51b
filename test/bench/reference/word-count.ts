import { DuckDBInstance } from '@duckdb/node-api';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

// `node --import tsx test/bench/reference/word-count.ts FILE`: the floor of the hospital bench
// (hospital.bench.ts), what an analyst's bare script does with a hospital's complaints in this
// stack: read the CSV (DuckDB's read_csv), cut every text with jieba's own dictionary, count the
// words of two characters or more and print the most frequent. No checks, no redaction, no
// warehouse, no site. Its last stdout line: the records read, the distinct words, the top 20.
const file = process.argv[2] ?? '';
const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
const reader = await connection.runAndReadAll('select text from read_csv($file, header = true, all_varchar = true)', { file });
const jieba = Jieba.withDict(dict);
const counts = new Map<string, number>();
let records = 0;
for (const [text] of reader.getRows()) {
  records++;
  for (const word of jieba.cut(String(text ?? ''), false)) {
    if (word.trim().length > 1) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
}
const top = [...counts].sort((a, b) => b[1] - a[1]).slice(0, 20);
process.stdout.write(`${JSON.stringify({ records, words: counts.size, top })}\n`);
