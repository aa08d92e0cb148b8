import { describe, expect, it } from 'vitest';
import { emotionSegments, emotionY } from '../../../src/core/journey-map/emotion-curve';
import { formatDuration, formatEmotion, formatSigned } from '../../../src/core/journey-map/format';
import { healthBand } from '../../../src/core/journey-map/health-band';
import { escapeXml, textUnits, truncate, wrapText } from '../../../src/core/journey-map/svg-text';

describe('SVG text', () => {
  it('escapes markup and drops what XML cannot hold', () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
    expect(escapeXml('a\u0000b\u001Fc\uFFFEd\uD800e')).toBe('abcde');
    expect(escapeXml('😀 한국어')).toBe('😀 한국어');
  });

  it('wraps words into lines of a width, breaking long words and cutting the last line', () => {
    expect(wrapText('the quick brown fox jumps', 10)).toEqual(['the quick', 'brown fox', 'jumps']);
    expect(wrapText('abcdefghijkl', 5)).toEqual(['abcde', 'fghij', 'kl']);
    expect(wrapText('one two three four five six', 9, 2)).toEqual(['one two', 'three fo…']);
    expect(wrapText('   ', 10)).toEqual([]);
  });

  it('counts wide characters twice', () => {
    expect(textUnits('한국')).toBe(4);
    expect(truncate('한국어 텍스트', 7)).toBe('한국어…');
    expect(truncate('short', 10)).toBe('short');
  });
});

describe('shared figures', () => {
  it('formats emotion, signed numbers and durations', () => {
    expect(formatEmotion(1.26)).toBe('+1.3');
    expect(formatEmotion(-0.5)).toBe('\u22120.5');
    expect(formatEmotion(0.01)).toBe('0.0');
    expect(formatSigned(-15)).toBe('\u221215');
    expect(formatDuration(75_000)).toBe('1:15');
    expect(formatDuration(3_725_000)).toBe('1:02:05');
  });

  it('bands health scores', () => {
    expect([100, 80, 79, 60, 59, 0, null].map(healthBand)).toEqual(['good', 'good', 'fair', 'fair', 'poor', 'poor', 'none']);
  });

  it('places emotion on its scale and leaves gaps unjoined', () => {
    expect(emotionY(2, 10, 100)).toBe(10);
    expect(emotionY(-2, 10, 100)).toBe(110);
    expect(emotionY(0, 10, 100)).toBe(60);
    expect(emotionY(9, 10, 100)).toBe(10);
    expect(emotionSegments([1, null, 0, 1, null])).toEqual([[2, 3]]);
  });
});
