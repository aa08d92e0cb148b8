// A long study as an import file (src/core/exchange/study-export.ts): the demo study with `events` recorded events
// (visits, signals and survey answers) spread over many sessions, personas and stages. Deterministic for a seed.
//
//   import { seedExport } from './seed.mjs';
//   const file = seedExport({ study, origin: 'http://127.0.0.1:4310', events: 100_000 });
//
//   node bench/seed.mjs study.json http://127.0.0.1:4310 100000 > big.json   (study.json: a stored Study)

import { readFileSync } from 'node:fs';

/** Per session: 50 visits, 190 signals, 10 answers — 250 events. */
const VISITS_PER_SESSION = 50;
const SIGNALS_PER_SESSION = 190;
const RESPONSES_PER_SESSION = 10;
const PER_SESSION = VISITS_PER_SESSION + SIGNALS_PER_SESSION + RESPONSES_PER_SESSION;

const SIGNAL_KINDS = ['rage_click', 'dead_click', 'slow_click', 'dead_end', 'exit', 'quick_back', 'form_abandonment', 'error', 'error_click', 'slow_page', 'excessive_scroll'];
const CLICK_KINDS = new Set(['rage_click', 'dead_click', 'slow_click', 'error_click', 'form_abandonment']);
const ELEMENTS = [
  { tag: 'button', id: 'apply-coupon', classes: ['btn', 'btn-ghost'], role: null, name: 'Apply coupon', selector: '#apply-coupon' },
  { tag: 'button', id: 'check-stock', classes: ['btn'], role: null, name: 'Check store stock', selector: '#check-stock' },
  { tag: 'button', id: 'track-order', classes: ['btn'], role: null, name: 'Track order', selector: '#track-order' },
  { tag: 'p', id: null, classes: ['lede'], role: null, name: null, selector: 'main#main > p.lede' },
  { tag: 'input', id: 'reg-phone', classes: [], role: null, name: 'Phone', selector: '#reg-phone' },
  { tag: 'img', id: null, classes: ['hero-img'], role: null, name: 'Aurora X', selector: 'main#main img.hero-img' },
];
const TEXTS = ['Could not find the delivery cost before checkout.', 'Coupon button does nothing.', 'Quick and easy.', 'Which phone has the better camera?'];

/** A small deterministic PRNG (mulberry32), so two runs import the same file. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function uuidFrom(rand) {
  const hex = [];
  for (let i = 0; i < 16; i++) hex.push(Math.floor(rand() * 256));
  hex[6] = (hex[6] & 0x0f) | 0x40;
  hex[8] = (hex[8] & 0x3f) | 0x80;
  const h = hex.map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Touchpoints of the demo shop: a URL path, its page key and the stage the study's rules give it. */
function touchpoints(study) {
  const concrete = (pattern) =>
    pattern
      .replace('#/article/:slug', '#/article/returns')
      .replace(':slug', 'phones')
      .replace(':id', '3')
      .replace('/*', '/shipping')
      .replace('/**', '/choosing-a-phone');
  const points = study.rules
    .filter((rule) => rule.kind === 'path' || rule.kind === 'glob')
    .map((rule) => ({ path: concrete(rule.pattern), pageKey: rule.pattern, stageId: rule.stageId, ruleId: rule.id }));
  // A few untagged pages: their key is the generalised path.
  points.push({ path: '/newsletter/thanks', pageKey: '/newsletter/thanks', stageId: null, ruleId: null });
  points.push({ path: '/order/:id', pageKey: '/order/:id', stageId: null, ruleId: null });
  return points;
}

/**
 * @param {{ study: object, origin: string, events?: number, seed?: number, now?: number }} options
 * `study` is the stored study (ids of stages and rules are reused); two survey rules are added to it so the
 * answers belong to real surveys (an import appends surveys only the file has).
 */
export function seedExport({ study, origin, events = 100_000, seed = 42, now = Date.now() }) {
  const rand = random(seed);
  const id = () => uuidFrom(rand);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const csat = { id: id(), instrument: 'csat', trigger: { kind: 'stage_enter', stageId: study.stages[study.stages.length > 2 ? 2 : 0].id }, question: null, schedule: 'once_per_session', enabled: true };
  const text = { id: id(), instrument: 'open_text', trigger: { kind: 'signal', signalKind: 'rage_click' }, question: null, schedule: 'once_per_session', enabled: true };
  const surveys = [...(study.surveys ?? []).filter((s) => s.id !== csat.id && s.id !== text.id), csat, text];
  const fileStudy = { ...study, surveys, updatedAt: Math.max(study.updatedAt, now - 1) };

  const personas = Array.from({ length: 6 }, (_, i) => ({
    id: id(),
    name: `Persona ${i + 1}`,
    age: 20 + i * 9,
    job: '',
    description: '',
    goals: ['Buy a phone'],
    needs: [],
    painPoints: [],
    values: [],
    createdAt: now - 40 * 86_400_000,
    updatedAt: now - 40 * 86_400_000,
  }));
  const points = touchpoints(study);
  const sessions = [];
  const visits = [];
  const signals = [];
  const responses = [];
  const sessionCount = Math.max(1, Math.round(events / PER_SESSION));
  let remaining = events;
  for (let s = 0; s < sessionCount; s++) {
    const share = s === sessionCount - 1 ? remaining : Math.min(remaining, PER_SESSION);
    remaining -= share;
    const nVisits = Math.max(1, Math.round((share * VISITS_PER_SESSION) / PER_SESSION));
    const nResponses = Math.round((share * RESPONSES_PER_SESSION) / PER_SESSION);
    const nSignals = share - nVisits - nResponses;
    const startedAt = now - 30 * 86_400_000 + Math.floor((s / sessionCount) * 29 * 86_400_000);
    const session = {
      id: id(),
      studyId: study.id,
      personaId: pick(personas).id,
      goal: 'Buy a phone',
      role: pick(['researcher', 'pm', 'tester']),
      startedAt,
      endedAt: startedAt + nVisits * 20_000 + 5_000,
      outcome: pick(['goal_reached', 'abandoned', 'unknown']),
    };
    sessions.push(session);
    const sessionVisits = [];
    for (let v = 0; v < nVisits; v++) {
      const point = pick(points);
      const enteredAt = startedAt + v * 20_000;
      const visit = {
        id: id(),
        studyId: study.id,
        sessionId: session.id,
        tabId: 1 + (s % 7),
        url: `${origin}${point.path.replace('/order/:id', '/order/1234')}`,
        title: `${point.pageKey} – Northwind Phones`,
        pageKey: point.pageKey,
        stageId: point.stageId,
        ruleId: point.ruleId,
        arrival: v === 0 ? 'session_start' : pick(['navigate', 'navigate', 'route_change', 'back_forward']),
        enteredAt,
        leftAt: enteredAt + 19_000,
        maxScrollDepth: Math.round(rand() * 100) / 100,
        endedBy: v === nVisits - 1 ? 'session_stopped' : pick(['link', 'navigation', 'back_forward', 'route_change']),
      };
      visits.push(visit);
      sessionVisits.push(visit);
    }
    const context = (visit) => ({ studyId: study.id, sessionId: session.id, visitId: visit.id, pageKey: visit.pageKey, stageId: visit.stageId });
    for (let g = 0; g < nSignals; g++) {
      const visit = pick(sessionVisits);
      const kind = pick(SIGNAL_KINDS);
      signals.push({
        id: id(),
        ...context(visit),
        kind,
        at: visit.enteredAt + Math.floor(rand() * 18_000),
        element: CLICK_KINDS.has(kind) ? pick(ELEMENTS) : null,
        detail: kind === 'rage_click' ? { clicks: 3 + Math.floor(rand() * 8) } : kind === 'slow_page' ? { lcpMs: 4000 + Math.floor(rand() * 3000) } : {},
      });
    }
    for (let r = 0; r < nResponses; r++) {
      const visit = pick(sessionVisits);
      const open = rand() < 0.3;
      const dismissed = rand() < 0.15;
      responses.push({
        id: id(),
        ...context(visit),
        surveyId: open ? text.id : csat.id,
        instrument: open ? 'open_text' : 'csat',
        trigger: open ? 'signal' : 'stage_enter',
        signalId: null,
        value: open || dismissed ? null : 1 + Math.floor(rand() * 5),
        text: open && !dismissed ? pick(TEXTS) : null,
        dismissed,
        at: visit.enteredAt + 5_000,
      });
    }
  }
  return {
    format: 'journey-lens/study',
    version: 1,
    exportedAt: now,
    study: fileStudy,
    personas,
    sessions,
    visits,
    signals,
    responses,
    annotations: [],
    feedback: [],
    offsite: [],
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [studyFile, origin, events] = process.argv.slice(2);
  if (!studyFile || !origin) {
    console.error('usage: node bench/seed.mjs <study.json> <origin> [events]');
    process.exit(2);
  }
  const study = JSON.parse(readFileSync(studyFile, 'utf8'));
  process.stdout.write(JSON.stringify(seedExport({ study, origin, events: Number(events ?? 100_000) })));
}
