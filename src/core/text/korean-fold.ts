import { FINAL, MEDIAL, isSyllable, join, lastFinal, split, withFinal } from './hangul';

/**
 * Korean folding by suffix stripping (docs/sentiment.md): no morphological analyser that fits in an extension page
 * ships on npm, so words are folded by rules that use the final consonant of the syllable before a suffix.
 *
 * Nouns: a particle is taken off when the syllable before it allows it (이/은/을/과/으로 follow a final consonant,
 * 가/는/를/와/로 a vowel): 배송이 / 배송은 / 배송 → 배송, while 나이 or 사이 keep their 이. A one-syllable stem keeps
 * a vowel-class particle (추가 is a word, not 추 + 가).
 *
 * Predicates: a lexicon lemma (느리다) is expanded to the stems its inflected forms start with (느리, 느린, 느림,
 * 느려, 느렸), with the contractions and the ㅂ, 르 and ㅡ irregulars, and a word matches when it starts with one.
 */

type ParticleClass = 'C' | 'V' | 'A';
/** Particles and copula endings on a noun, with the class of syllable they follow. */
const PARTICLES: Array<[string, ParticleClass]> = (
  [
    ['이었어요', 'C'], ['이었는데', 'C'], ['이라서', 'C'], ['이라고', 'C'], ['이에요', 'C'], ['이지만', 'C'], ['이네요', 'C'],
    ['이랑', 'C'], ['이나', 'C'], ['이요', 'C'], ['이고', 'C'], ['인데', 'C'], ['으로', 'C'], ['이', 'C'], ['은', 'C'],
    ['을', 'C'], ['과', 'C'],
    ['였어요', 'V'], ['였는데', 'V'], ['라서', 'V'], ['라고', 'V'], ['예요', 'V'], ['지만', 'V'], ['네요', 'V'],
    ['랑', 'V'], ['가', 'V'], ['는', 'V'], ['를', 'V'], ['와', 'V'], ['로', 'V'], ['나', 'V'],
    ['에서는', 'A'], ['에서도', 'A'], ['에서', 'A'], ['에게', 'A'], ['에는', 'A'], ['에도', 'A'], ['한테', 'A'],
    ['까지', 'A'], ['부터', 'A'], ['보다', 'A'], ['처럼', 'A'], ['마다', 'A'], ['밖에', 'A'], ['만큼', 'A'],
    ['입니다', 'A'], ['인가요', 'A'], ['의', 'A'], ['에', 'A'], ['도', 'A'], ['만', 'A'],
  ] as Array<[string, ParticleClass]>
).sort((a, b) => b[0].length - a[0].length);

/** Particles that may leave a one-syllable stem (앱이, 앱은): the consonant-class ones only. */
const fits = (stem: string, cls: ParticleClass): boolean => {
  const syllables = [...stem].length;
  if (!syllables || !isSyllable(stem.slice(-1))) return cls === 'A' || cls === 'V' ? syllables > 0 : false;
  const final = lastFinal(stem);
  if (cls === 'C') return final !== FINAL.none;
  if (cls === 'V') return syllables >= 2 && (final === FINAL.none || final === FINAL.l);
  return syllables >= 2;
};

/** A noun with its particle or copula ending taken off, or undefined when none fits. */
export function stripParticle(word: string): string | undefined {
  for (const [particle, cls] of PARTICLES) {
    if (word.length > particle.length && word.endsWith(particle)) {
      const stem = word.slice(0, -particle.length);
      if (fits(stem, cls)) return stem;
    }
  }
  return undefined;
}

/** The syllables that start the inflections of 하다 and 되다 after a verbal noun (결제했어요, 배송되는). */
const VERBAL = /^(하|해|했|한|할|함|합|되|돼|됐|된|될|됨|됩)/;

/** A verbal noun with its 하다 / 되다 ending taken off (결제했는데 → 결제), or undefined. */
export function stripVerbalNoun(word: string): string | undefined {
  const chars = [...word];
  for (let i = 2; i < chars.length; i++) {
    if (VERBAL.test(chars[i]!)) return chars.slice(0, i).join('');
  }
  return undefined;
}

/** ㅂ-final stems that conjugate regularly (좁아, 잡아); the other ㅂ-final adjectives are irregular (어려워). */
const REGULAR_B = new Set(['좁', '잡', '입', '씹', '뽑', '넓']);
const BRIGHT = new Set<number>([MEDIAL.a, MEDIAL.o, MEDIAL.ya]);

/** The 아/어 form of a stem (느리 → 느려, 좋 → 좋아, 어렵 → 어려워, 빠르 → 빨라, 바쁘 → 바빠, 편하 → 편해). */
function infinitive(stem: string): string {
  const chars = [...stem];
  const last = split(chars.at(-1)!);
  if (!last) return stem;
  const head = chars.slice(0, -1).join('');
  const prev = chars.length > 1 ? split(chars.at(-2)!) : undefined;
  const bright = (s: { medial: number } | undefined) => s !== undefined && BRIGHT.has(s.medial);
  if (chars.at(-1) === '하') return `${head}해`;
  if (last.final === FINAL.none) {
    if (chars.at(-1) === '르' && prev) {
      return withFinal(head, FINAL.l) + (bright(prev) ? '라' : '러');
    }
    const contracted: Record<number, number> = {
      [MEDIAL.eu]: bright(prev) ? MEDIAL.a : MEDIAL.eo,
      [MEDIAL.i]: MEDIAL.yeo,
      [MEDIAL.o]: MEDIAL.wa,
      [MEDIAL.u]: MEDIAL.wo,
      [MEDIAL.oe]: MEDIAL.wae,
    };
    const medial = contracted[last.medial];
    if (medial !== undefined) return head + join({ ...last, medial });
    return stem;
  }
  if (last.final === FINAL.b && !REGULAR_B.has(chars.at(-1)!)) return `${head}${join({ ...last, final: FINAL.none })}워`;
  return stem + (bright(last) ? '아' : '어');
}

/**
 * The stems that the inflected forms of a lemma start with. 느리다 → 느리, 느린, 느릴, 느림, 느립, 느려, 느렸;
 * 어렵다 → 어렵, 어려우, 어려운, 어려울, 어려움, 어려워, 어려웠. A word that is not a lemma (a noun such as 불편,
 * which starts 불편해요 and 불편함 alike) is its own and only form.
 */
export function predicateForms(lemma: string): string[] {
  if (!lemma.endsWith('다') || lemma.length < 2) return [lemma];
  const stem = lemma.slice(0, -1);
  const forms = new Set([stem]);
  const adnominal = (base: string) => {
    for (const f of [FINAL.n, FINAL.l, FINAL.m, FINAL.b]) forms.add(withFinal(base, f));
  };
  const last = split(stem.slice(-1));
  if (last?.final === FINAL.none) adnominal(stem);
  if (last?.final === FINAL.b && !REGULAR_B.has(stem.slice(-1))) {
    const open = `${withFinal(stem, FINAL.none)}우`;
    forms.add(open);
    adnominal(open);
  }
  const inf = infinitive(stem);
  forms.add(inf);
  if (lastFinal(inf) === FINAL.none) forms.add(withFinal(inf, FINAL.ss));
  return [...forms];
}
