import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

let jieba: Jieba | null = null;

// Words that appear in every kind of report and only add noise to the classifier.
const STOPWORDS = new Set([
  '的',
  '了',
  '在',
  '是',
  '有',
  '和',
  '也',
  '都',
  '很',
  '就',
  '我',
  '我们',
  '你',
  '他',
  '她',
  '这',
  '那',
  '这个',
  '那个',
  '一个',
  '没有',
  '还',
  '又',
  '被',
  '把',
  '让',
  '给',
  '请',
  '希望',
  '问题',
  '反映',
  '情况',
  '处理',
  '尽快',
  '谢谢',
  '麻烦',
  '一下',
  '已经',
  '现在',
  '每天',
  '一直',
  '附近',
  '旁边',
  '门口',
  '楼下',
  '小区',
  '社区',
  '居民',
]);

/** Chinese word segmentation (jieba, offline dictionary) with stopwords, digits and punctuation removed. */
export function tokenize(text: string): string[] {
  jieba ??= Jieba.withDict(dict);
  return jieba
    .cut(text, true)
    .map((t) => t.trim())
    .filter((t) => t.length > 0 && !STOPWORDS.has(t) && /[\u4e00-\u9fffA-Za-z]/.test(t));
}

/** Jaccard similarity of two token sets, 0–1. */
export function similarity(a: readonly string[], b: readonly string[]): number {
  const x = new Set(a);
  const y = new Set(b);
  if (!x.size || !y.size) return 0;
  let common = 0;
  for (const t of x) if (y.has(t)) common++;
  return common / (x.size + y.size - common);
}
