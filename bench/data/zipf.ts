import type { Random } from '../../server/demo/prng.ts';

/**
 * Draws ranks 0..n-1 with probability proportional to 1/(rank+1)^exponent, in O(1) per draw
 * (Walker's alias method): message bodies take hundreds of millions of draws at full scale.
 */
export class ZipfSampler {
  readonly #prob: Float64Array;
  readonly #alias: Uint32Array;

  constructor(n: number, exponent = 1.07) {
    const weights = Float64Array.from({ length: n }, (_, r) => 1 / (r + 1) ** exponent);
    const total = weights.reduce((a, b) => a + b, 0);
    const scaled = weights.map((w) => (w * n) / total);
    this.#prob = new Float64Array(n);
    this.#alias = new Uint32Array(n);
    const small: number[] = [];
    const large: number[] = [];
    scaled.forEach((p, i) => (p < 1 ? small : large).push(i));
    while (small.length && large.length) {
      const s = small.pop() as number;
      const l = large.pop() as number;
      this.#prob[s] = scaled[s] as number;
      this.#alias[s] = l;
      scaled[l] = (scaled[l] as number) + (scaled[s] as number) - 1;
      ((scaled[l] as number) < 1 ? small : large).push(l);
    }
    for (const i of [...small, ...large]) this.#prob[i] = 1;
  }

  draw(random: Random): number {
    const u = random.next() * this.#prob.length;
    const column = Math.floor(u);
    return u - column < (this.#prob[column] as number) ? column : (this.#alias[column] as number);
  }
}
