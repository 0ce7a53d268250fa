import { describe, expect, it } from 'vitest';
import { NaiveBayes } from './naive-bayes.ts';
import { similarity, tokenize } from './tokens.ts';

describe('tokenize', () => {
  it('segments a Chinese report into content words without stopwords or punctuation', () => {
    const tokens = tokenize('我们小区门口的垃圾桶已经满了，垃圾堆在路边！');
    expect(tokens).toContain('垃圾桶');
    expect(tokens).not.toContain('的');
    expect(tokens).not.toContain('，');
  });
});

describe('NaiveBayes', () => {
  const model = NaiveBayes.train([
    { tokens: tokenize('垃圾桶满了没人清运'), label: 'garbage' },
    { tokens: tokenize('楼下垃圾堆放发臭'), label: 'garbage' },
    { tokens: tokenize('楼上装修噪音很大'), label: 'noise' },
    { tokens: tokenize('半夜广场舞噪音扰民'), label: 'noise' },
  ]);
  it('ranks the category whose words a new report shares first, with probabilities summing to 1', () => {
    const p = model.predict(tokenize('垃圾没人清运，臭气熏天'));
    expect(p[0]!.label).toBe('garbage');
    expect(p.reduce((s, x) => s + x.probability, 0)).toBeCloseTo(1, 10);
    expect(model.predict(tokenize('晚上噪音吵得睡不着'))[0]!.label).toBe('noise');
  });
  it('predicts nothing before it has seen a sample', () => {
    expect(new NaiveBayes().predict(['x'])).toEqual([]);
  });
});

describe('similarity', () => {
  it('is 1 for the same words, 0 for disjoint ones', () => {
    expect(similarity(['a', 'b'], ['b', 'a'])).toBe(1);
    expect(similarity(['a'], ['b'])).toBe(0);
    expect(similarity(['a', 'b'], ['b', 'c'])).toBeCloseTo(1 / 3);
  });
});
