import { describe, expect, it } from 'vitest';
import { BAND_COLOURS } from '../../../src/core/journey-map/health-band';
import { ACCENT } from '../../../src/core/journey-map/svg-palette';
import { journeyMapSvg } from '../../../src/core/journey-map/map-svg';
import { MAP_LANES } from '../../../src/core/journey-map/map-view';
import { addAnnotation, addResponse, addSession, addSignal, addVisit, emptyRecords, mapOf, sampleRecords } from './fixture';
import { allText, findAll, parseXml } from './xml-check';

const HOSTILE = '<script>alert("x")</script> & \'quotes\' ]]> \u0001\u0008 \uD800 end';

describe('the journey map as SVG', () => {
  it('is a well-formed SVG document with its size and namespace', () => {
    const svg = journeyMapSvg(mapOf(sampleRecords()));
    const root = parseXml(svg);
    expect(root.name).toBe('svg');
    expect(root.attributes.xmlns).toBe('http://www.w3.org/2000/svg');
    const width = Number(root.attributes.width);
    const height = Number(root.attributes.height);
    expect(width).toBeGreaterThan(1000);
    expect(height).toBeGreaterThan(400);
    expect(root.attributes.viewBox).toBe(`0 0 ${width} ${height}`);
    expect(findAll(root, (e) => e.name === 'title')[0]?.text).toContain('Demo shop');
  });

  it('draws one column per stage, in journey order, left to right', () => {
    const map = mapOf(sampleRecords());
    const root = parseXml(journeyMapSvg(map));
    const columns = findAll(root, (e) => e.name === 'g' && 'data-stage-id' in e.attributes);
    expect(columns.map((g) => g.attributes['data-stage-id'])).toEqual(map.study.stages.map((s) => s.id));
    const xs = columns.map((g) => Number(g.children[0]!.attributes.x));
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    expect(new Set(xs).size).toBe(xs.length);
    columns.forEach((g, i) => expect(g.children[0]!.text).toBe(map.study.stages[i]!.name));
  });

  it('draws the Untagged column after the stages, and the Paths figure under the map', () => {
    const r = sampleRecords();
    const s = addSession(r);
    const home = addVisit(r, s, 0, '/', Date.UTC(2025, 0, 6, 9));
    const lost = addVisit(r, s, null, '/nope', home.enteredAt + 5_000);
    addSignal(r, lost, 'dead_end');
    const root = parseXml(journeyMapSvg(mapOf(r), { untagged: 'Sans étape' }));
    const columns = findAll(root, (e) => e.name === 'g' && 'data-stage-id' in e.attributes);
    expect(columns.map((g) => g.attributes['data-stage-id'])).toEqual([...r.study.stages.map((st) => st.id), 'untagged']);
    expect(columns.at(-1)!.children[0]!.text).toBe('Sans étape');
    const paths = findAll(root, (e) => e.name === 'g' && e.attributes['data-section'] === 'paths');
    expect(paths).toHaveLength(1);
    expect(findAll(paths[0]!, (e) => 'data-transition' in e.attributes).length).toBeGreaterThan(0);
  });

  it('has every lane, labelled', () => {
    const root = parseXml(journeyMapSvg(mapOf(sampleRecords()), { lanes: { touchpoints: 'TP', actions: 'AC', thoughts: 'TF', emotion: 'EM', painPoints: 'PP', opportunities: 'OP', metrics: 'ME' } }));
    expect(findAll(root, (e) => 'data-lane' in e.attributes).map((g) => g.attributes['data-lane'])).toEqual([...MAP_LANES]);
    const text = allText(root);
    for (const label of ['TP', 'AC', 'TF', 'EM', 'PP', 'OP', 'ME']) expect(text).toContain(label);
  });

  it('draws touchpoint cards with a channel icon, the name, and health as a band in colour and pattern with its words; low confidence is a ring, said once in the legend', () => {
    const root = parseXml(journeyMapSvg(mapOf(sampleRecords())));
    const lane = findAll(root, (e) => e.attributes['data-lane'] === 'touchpoints')[0]!;
    const cards = findAll(lane, (e) => e.name === 'g' && 'data-touchpoint' in e.attributes);
    expect(cards.length).toBeGreaterThan(0);
    for (const card of cards) {
      const band = card.attributes['data-band']!;
      const stripe = card.children.find((e) => e.name === 'rect' && e.attributes['data-band'] === band)!;
      // Good is solid; the other bands are patterns, so colour is never the only carrier.
      expect(stripe.attributes.fill).toBe(band === 'good' ? BAND_COLOURS.good.stroke : `url(#jl-band-${band})`);
      expect(card.children.some((e) => e.name === 'path')).toBe(true); // the channel icon
      expect(allText(card)).toMatch(/\d+/);
      expect(allText(card)).toMatch(/Good|Fair|Poor/);
      expect(findAll(card, (e) => e.attributes['data-low-confidence'] === 'true')).toHaveLength(1); // two walks: every score is low confidence
    }
    expect(new Set(cards.map((c) => c.attributes['data-band']))).toEqual(new Set(['good', 'poor']));
    for (const band of ['fair', 'poor', 'none']) expect(findAll(root, (e) => e.name === 'pattern' && e.attributes.id === `jl-band-${band}`)).toHaveLength(1);
    const text = allText(lane);
    expect(text).not.toMatch(/low confidence/i);
    expect(text).toContain('/product/:id');
    const legend = findAll(root, (e) => e.attributes['data-section'] === 'legend')[0]!;
    expect(allText(legend)).toMatch(/low confidence/);
    expect(findAll(legend, (e) => e.attributes['data-low-confidence'] === 'true')).toHaveLength(1);
  });

  it('lists pain points worst first, each with its severity bars', () => {
    const r = emptyRecords();
    const s = addSession(r);
    const v = addVisit(r, s, 2, '/cart', s.startedAt + 10);
    for (let i = 0; i < 3; i++) addSignal(r, v, 'slow_click', 'Pay');
    for (let i = 0; i < 2; i++) addSignal(r, v, 'dead_click', 'Apply coupon');
    addSignal(r, v, 'rage_click', 'Apply coupon');
    const lane = findAll(parseXml(journeyMapSvg(mapOf(r))), (e) => e.attributes['data-lane'] === 'painPoints')[0]!;
    const text = allText(lane);
    // The slow clicks happened most often, but a rage click is the most severe and a dead click the next.
    expect(text.indexOf('Rage click')).toBeLessThan(text.indexOf('Dead click'));
    expect(text.indexOf('Dead click')).toBeLessThan(text.indexOf('Slow click'));
    const bars = lane.children.filter((e) => e.name === 'rect');
    expect(bars.map((b) => b.attributes.fill === BAND_COLOURS.poor.text)).toEqual([true, true, true, true, true, false, true, false, false]);
  });

  it('escapes hostile text everywhere people or pages could put it', () => {
    const r = emptyRecords();
    r.study = { ...r.study, name: HOSTILE, stages: r.study.stages.map((s, i) => (i === 0 ? { ...s, name: HOSTILE, customerGoal: HOSTILE, desiredExperience: HOSTILE } : s)) };
    const s = addSession(r);
    const v = addVisit(r, s, 0, `/p/${HOSTILE}`, s.startedAt + 10);
    addSignal(r, v, 'rage_click', HOSTILE);
    addResponse(r, v, 'open_text', null, HOSTILE);
    addAnnotation(r, v, 'pain_point', HOSTILE);
    addAnnotation(r, v, 'opportunity', HOSTILE);
    const svg = journeyMapSvg(mapOf(r), { title: HOSTILE });
    expect(() => parseXml(svg)).not.toThrow();
    expect(svg).not.toContain('<script');
    expect(svg).toContain('&lt;script&gt;');
    expect(svg).not.toMatch(/[\u0001\u0008]/);
    expect(svg).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    // The stage name survives as text, decoded back to what was typed (minus what XML cannot hold).
    const root = parseXml(svg);
    const first = findAll(root, (e) => e.name === 'g' && 'data-stage-id' in e.attributes)[0]!;
    expect(first.children[0]!.text.startsWith('<script>alert("x")')).toBe(true);
  });

  it('draws the emotion curve with a point per rated stage and gaps where nobody answered', () => {
    const map = mapOf(sampleRecords());
    const root = parseXml(journeyMapSvg(map));
    const lane = findAll(root, (e) => e.attributes['data-lane'] === 'emotion')[0]!;
    const faces = lane.children.filter((e) => e.name === 'g' && 'data-face' in e.attributes);
    expect(faces.map((g) => g.attributes['data-face'])).toEqual(['1', '-1', '2']); // Awareness, Consideration, Purchase
    const lines = lane.children.filter((e) => e.name === 'line' && e.attributes.stroke === ACCENT);
    expect(lines).toHaveLength(2); // 0–1 and 1–2; nothing across the unrated Retention and Advocacy
    const labels = lane.children.filter((e) => e.name === 'text').map((e) => e.text);
    expect(labels).toEqual(['+2', '0', '\u22122', 'Sentiment of what people wrote', '+1.0', '\u22121.0', '+2.0', 'no answers', 'no answers']);
  });

  it('stays well-formed for a study with no records at all', () => {
    expect(() => parseXml(journeyMapSvg(mapOf(emptyRecords())))).not.toThrow();
  });
});
