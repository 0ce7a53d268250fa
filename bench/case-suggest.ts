/**
 * Accuracy of the category suggestion (naive Bayes over jieba tokens), on synthetic reports
 * composed from server/modules/cases/demo/phrases.ts. Two splits:
 *  - random: train and test share phrasings (an installation whose residents repeat themselves);
 *  - held-out phrasing: for each category one phrasing is never seen in training (new wording).
 * Baseline: always predicting the most frequent category.   Run: npx tsx bench/case-suggest.ts
 */
import { NaiveBayes } from '../server/modules/cases/suggest/naive-bayes.ts';
import { tokenize } from '../server/modules/cases/suggest/tokens.ts';
import { ADDENDA, PHRASES, PLACES } from '../server/modules/cases/demo/phrases.ts';
import { createRng } from '../server/seed/geo/prng.ts';

const rng = createRng(2026);
interface Item { text: string; label: string; phrase: number }
const items: Item[] = [];
for (const [label, phrases] of Object.entries(PHRASES)) {
  for (let i = 0; i < 120; i++) {
    const phrase = Math.floor(rng.next() * phrases.length);
    items.push({ label, phrase, text: `${rng.pick(PLACES)}${phrases[phrase]}，${rng.pick(ADDENDA)}` });
  }
}

function evaluate(train: Item[], test: Item[]) {
  const model = NaiveBayes.train(train.map((i) => ({ tokens: tokenize(i.text), label: i.label })));
  let top1 = 0, top3 = 0, group = 0;
  for (const t of test) {
    const p = model.predict(tokenize(t.text));
    if (p[0]?.label === t.label) top1++;
    if (p.slice(0, 3).some((x) => x.label === t.label)) top3++;
    if (p[0]?.label.slice(0, 2) === t.label.slice(0, 2)) group++;
  }
  const counts = new Map<string, number>();
  for (const i of train) counts.set(i.label, (counts.get(i.label) ?? 0) + 1);
  const majority = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
  const baseline = test.filter((t) => t.label === majority).length;
  const pct = (n: number) => `${((100 * n) / test.length).toFixed(1)}%`;
  return { train: train.length, test: test.length, top1: pct(top1), top3: pct(top3), group: pct(group), baseline: pct(baseline) };
}

const shuffled = items.map((i) => ({ i, k: rng.next() })).sort((a, b) => a.k - b.k).map((x) => x.i);
const cut = Math.floor(shuffled.length * 0.8);
console.log(`categories: ${Object.keys(PHRASES).length}, reports: ${items.length}`);
console.log('random split       ', evaluate(shuffled.slice(0, cut), shuffled.slice(cut)));
const heldOut = (i: Item) => i.phrase === PHRASES[i.label]!.length - 1 && PHRASES[i.label]!.length > 2;
console.log('held-out phrasing  ', evaluate(items.filter((i) => !heldOut(i)), items.filter(heldOut)));
