import type { Random } from '../../server/demo/prng.ts';
import { vocabulary } from './vocabulary.ts';
import { ZipfSampler } from './zipf.ts';

/** Median words added to a reply or note, and the spread of the log-normal around it (long tail of long mails). */
const MEDIAN_WORDS = 40;
const SIGMA = 0.9;
const MAX_WORDS = 1500;

/**
 * The rest of a message after the demo's opening lines: Zipf-distributed words in sentences, of
 * log-normal length, so bodies have realistic lengths and term frequencies for search.
 */
export class MessageText {
  readonly #words = vocabulary();
  readonly #zipf = new ZipfSampler(this.#words.length);

  detail(random: Random): string {
    // Box-Muller: one standard normal from two uniforms.
    const z = Math.sqrt(-2 * Math.log(1 - random.next())) * Math.cos(2 * Math.PI * random.next());
    const count = Math.min(MAX_WORDS, Math.max(3, Math.round(MEDIAN_WORDS * Math.exp(SIGMA * z))));
    let text = '';
    let sentence = 0;
    for (let i = 0; i < count; i++) {
      const word = this.#words[this.#zipf.draw(random)] as string;
      if (sentence === 0) text += (i ? ' ' : '') + word[0]?.toUpperCase() + word.slice(1);
      else text += ` ${word}`;
      sentence = sentence >= 7 + (i % 9) || i === count - 1 ? 0 : sentence + 1;
      if (sentence === 0) text += '.';
    }
    return text;
  }
}
