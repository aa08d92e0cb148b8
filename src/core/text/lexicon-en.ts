/**
 * The English sentiment lexicon: cue words and phrases with a weight from −3 to +3, written for Journey Lens in the
 * register of survey answers about websites (checkout, delivery, search, prices, sign-in, speed, support). It is
 * the project's own work, under the repository's licence; no public lexicon was copied (docs/sentiment.md).
 * Entries are stemmed when loaded, so one entry covers its plurals and inflections.
 */
export const EN_WORDS: Record<string, number> = {
  // satisfied
  good: 2, great: 3, excellent: 3, awesome: 3, amazing: 3, fantastic: 3, wonderful: 3, superb: 3, brilliant: 3,
  perfect: 3, perfectly: 3, love: 3, loved: 3, lovely: 2.5, nice: 2, nicely: 2, cool: 1.5, neat: 1.5, best: 2.5,
  better: 1.5, easier: 1.5, faster: 1.5, cheaper: 1, fine: 0.5, okay: 0.5, ok: 0.5, alright: 0.5, decent: 1,
  easy: 2, easily: 2, simple: 1.5, simply: 0.5, effortless: 2.5, painless: 2, straightforward: 2, intuitive: 2,
  clear: 1.5, clearly: 1.5, clean: 1.5, tidy: 1.5, fast: 2, quick: 2, quickly: 2, speedy: 2, prompt: 2,
  promptly: 2, instant: 1.5, instantly: 1.5, smooth: 2, smoothly: 2, seamless: 2.5, responsive: 1.5, snappy: 2,
  helpful: 2, useful: 2, handy: 1.5, convenient: 2, friendly: 2, polite: 2, kind: 1.5, patient: 1.5,
  reliable: 2, accurate: 1.5, precise: 1.5, detailed: 1, informative: 1.5, relevant: 1, affordable: 2,
  reasonable: 1.5, fair: 1, cheap: 1, bargain: 2, free: 1, happy: 2, glad: 2, pleased: 2, satisfied: 2,
  enjoy: 2, enjoyed: 2, impressed: 2.5, impressive: 2.5, recommend: 2, thanks: 1.5, thank: 1.5, appreciate: 2,
  solved: 1.5, resolved: 1.5, fixed: 1, secure: 1.5, safe: 1, pleasant: 2, welcome: 1, well: 1, wow: 1.5, quicker: 1.5, simpler: 1.5, clearer: 1.5, improved: 1.5, beautiful: 2.5, attractive: 2,
  // dissatisfied
  bad: -2.5, terrible: -3, awful: -3, horrible: -3, dreadful: -3, poor: -2, poorly: -2, worst: -3, worse: -2,
  hate: -3, hated: -3, slow: -2, slowly: -2, slower: -2, sluggish: -2, laggy: -2, lag: -1.5, lags: -1.5,
  broken: -2.5, broke: -2, bug: -2, buggy: -2.5, glitch: -2, glitchy: -2, error: -2, crash: -2.5, crashed: -2.5,
  freeze: -2, froze: -2, frozen: -2, fail: -2, failed: -2, failure: -2, failing: -2, timeout: -2,
  confusing: -2, confused: -1.5, confuse: -1.5, unclear: -1.5, misleading: -2, frustrating: -2.5,
  frustrated: -2.5, annoying: -2, annoyed: -2, irritating: -2, tedious: -2, cumbersome: -2, clunky: -2,
  awkward: -1.5, messy: -1.5, mess: -2, cluttered: -1.5, outdated: -1.5, hard: -1.5, difficult: -1.5,
  complicated: -1.5, impossible: -2, unable: -1.5, expensive: -1.5, overpriced: -2, pricey: -1, costly: -1.5,
  late: -1.5, delayed: -1.5, delay: -1.5, wrong: -2, missing: -1.5, lost: -1.5, stuck: -2, problem: -1.5,
  issue: -1.5, trouble: -1.5, disappointed: -2.5, disappointing: -2.5, unhelpful: -2, useless: -2.5, rude: -2.5,
  unreliable: -2, unresponsive: -2, unfortunately: -1.5, sadly: -1, ugh: -2, waste: -2, wasted: -2, spam: -1.5,
  irrelevant: -1.5, hidden: -1, pushy: -1.5, intrusive: -1.5, declined: -1.5, rejected: -1.5, denied: -1.5,
  cancelled: -1, canceled: -1, damaged: -2, worried: -1.5, worry: -1, scary: -2, suspicious: -1.5, angry: -2.5,
  upset: -2, unacceptable: -2.5, ridiculous: -2.5, nightmare: -3, painful: -2, struggle: -1.5, struggled: -1.5,
  blank: -1, tiny: -1, unusable: -3, inconsistent: -1.5, incorrect: -2, unexpected: -1, forgot: -0.5, hassle: -2,
  longer: -1.5, limited: -1.5, dishonest: -2.5, fake: -2, ignore: -2, ignored: -2, wait: -1, sooner: 1.5, locked: -1.5, ages: -1.5,
  early: 1, earlier: 1, answered: 1, helped: 1.5,
};

/** Cues no negation turns: "I don't understand why …" is still a complaint. */
export const EN_UNNEGATED: Record<string, number> = { why: -1 };

/** Verbs that put right what the cue before them names ("solved my billing problem", "fixed the issue"). */
export const EN_REMEDIES = new Set(['solve', 'solved', 'resolve', 'resolved', 'fix', 'fixed', 'sorted', 'replaced', 'refunded']);

/** Multi-word cues, matched before single words; their words are then not scored again. */
export const EN_PHRASES: Array<[string, number]> = [
  ['took forever', -2.5], ['takes forever', -2.5], ['too long', -2], ['too many', -1.5], ['too much', -1.5],
  ['too small', -1.5], ['had to', -1], ['have to', -0.5], ['gave up', -2.5], ['give up', -2], ['no way to', -2],
  ['out of stock', -1.5], ['could be better', -1.5], ['could have been better', -1.5], ['over and over', -1.5],
  ['again and again', -1.5], ['waste of time', -2.5], ['on time', 1.5], ['as expected', 1], ['as described', 1],
  ['user friendly', 2], ['no problem', 1.5], ['no problems', 1.5], ['no issues', 1.5], ['no issue', 1.5],
  ['in seconds', 1.5], ['right away', 1.5], ['sold out', -1.5], ['does the job', 1.5], ['did the job', 1.5],
  ['no idea', -1.5], ['not sure', -1], ['logged me out', -2], ['kicked me out', -2], ['signed me out', -2],
  ['spot on', 2], ['sorted it out', 1.5], ['sorted out', 1.5], ['takes ages', -2], ['took ages', -2],
  ['for ages', -2], ['went up', -1], ['goes up', -1], ['too high', -2], ['what i needed', 1.5],
  ['everything i needed', 1.5], ['in one go', 1.5], ["couldnt be happier", 3], ['could not be happier', 3],
  ['order again', 2], ['shop again', 2], ['buy again', 2], ['shop here again', 2], ['come back', 1],
  ['for the trouble', 0], ['sorry for', 0], ['in the way', -1.5], ['in my way', -1.5], ['in circles', -2],
  ['nothing to do with', -2], ['hung up', -2.5], ['on hold', -1.5], ['timed out', -2], ['every time', -1],
  ['every single time', -1.5], ['copy and paste', -1.5],
  ['charged twice', -2.5], ['never arrived', -2.5], ['as well', 0], ['kind of', 0], ['sort of', 0],
  // a wish names what is missing without judging what is there: "it would be nice if …" is a suggestion
  ['would be nice', 0], ['would be great', 0], ['would be good', 0], ['would be better', 0], ['would love', 0],
  ['would like', 0], ['would help', 0], ['wish', 0],
];

/** Words that turn the next cues within three words around ("not easy", "never arrived", "didn't load"). */
export const EN_NEGATORS = new Set([
  'not', 'no', 'never', 'nothing', 'none', 'nobody', 'nowhere', 'neither', 'nor', 'cannot', 'without', 'hardly',
  'barely', 'dont', 'doesnt', 'didnt', 'isnt', 'wasnt', 'arent', 'werent', 'cant', 'couldnt', 'wont', 'wouldnt',
  'havent', 'hasnt', 'hadnt', 'shouldnt',
]);

/** Verbs that say a thing did its job: negated, they are a complaint ("it doesn't load", "couldn't find it"). */
export const EN_FUNCTION_VERBS = new Set([
  'work', 'load', 'find', 'show', 'open', 'arrive', 'respond', 'accept', 'save', 'help', 'answer', 'get', 'come',
  'see', 'let', 'go', 'update', 'apply', 'send', 'receive', 'recognize', 'reply', 'match', 'appear', 'finish',
  'understand', 'tell', 'explain', 'submit', 'pay', 'log', 'sign', 'click', 'fit', 'refresh', 'move', 'scroll',
  'offer', 'available',
]);

/** Words that strengthen (positive) or soften (negative) the next cue. */
export const EN_BOOSTERS: Record<string, number> = {
  very: 0.3, really: 0.3, so: 0.3, extremely: 0.5, super: 0.4, incredibly: 0.5, totally: 0.3, absolutely: 0.4,
  too: 0.3, quite: 0.15, pretty: 0.15, truly: 0.3, especially: 0.2, most: 0.2, highly: 0.3, completely: 0.4,
  bit: -0.3, slightly: -0.3, somewhat: -0.3, little: -0.3, kinda: -0.3, fairly: -0.15, mostly: -0.2, rather: -0.1,
};

/** Words after which the clause that follows weighs more than the one before ("fast, but the box was damaged"). */
export const EN_CONTRAST = new Set(['but', 'however', 'except', 'although', 'though']);
