// Synthetic flags for the simulator, the demo and the tests. Every person here is invented: names
// are random pairs from short lists, phone numbers use the 90000 0xxxx block, e-mail and URLs use
// the reserved .invalid domain. Excerpts are neutral training text, not real posts.
import { DISTRICTS } from '../../../../shared/geo/districts';
import type { Risk } from '../../../../shared/domain';

export type Random = () => number;

/** A small seeded PRNG (mulberry32) so a seed reproduces a run exactly. */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST_EN = ['Aarav', 'Diya', 'Kabir', 'Meera', 'Rohan', 'Ananya', 'Vihaan', 'Ishita', 'Arjun', 'Sanya'];
const LAST_EN = ['Testwal', 'Demoria', 'Samplekar', 'Fictora', 'Mockwani', 'Kalpanik'];
const FIRST_HI = ['आरव', 'दिया', 'कबीर', 'मीरा', 'रोहन', 'अनन्या'];
const LAST_HI = ['काल्पनिक', 'नमूना', 'अभ्यास'];
const EXCERPTS = [
  { language: 'en', text: '[TRAINING] Synthetic post: I feel like giving up on everything.' },
  { language: 'en', text: '[TRAINING] Synthetic post: nobody would notice if I was gone.' },
  { language: 'hi', text: '[अभ्यास] काल्पनिक पोस्ट: अब और सहन नहीं होता।' },
  { language: 'hi', text: '[अभ्यास] काल्पनिक पोस्ट: सब कुछ छोड़ देना चाहता हूँ।' },
];
const OUTSIDE = [
  { district: 'Indore', city: 'Indore', pincode: '452001' },
  { district: 'Patna', city: 'Patna', pincode: '800001' },
];

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

function pickRisk(random: Random): Risk {
  const r = random();
  return r < 0.25 ? 'imminent' : r < 0.65 ? 'high' : 'elevated';
}

/** A district-level location as feeds send it: often partial, sometimes in Hindi, sometimes absent. */
function pickLocation(random: Random): Record<string, unknown> | undefined {
  const shape = random();
  if (shape < 0.05) return undefined;
  if (shape < 0.08) return { source: 'none' };
  if (shape < 0.11) return { ...pick(random, OUTSIDE), source: 'ip' };
  const district = random() < 0.45 ? DISTRICTS.find((d) => d.key === 'kota')! : pick(random, DISTRICTS);
  const jitter = () => (random() - 0.5) * 0.1;
  const location: Record<string, unknown> = { source: pick(random, ['profile', 'post', 'ip'] as const) };
  if (shape < 0.2) {
    location.lat = Number((district.hq[0] + jitter()).toFixed(4));
    location.lon = Number((district.hq[1] + jitter()).toFixed(4));
    location.accuracy_m = 2000;
  } else {
    location.district = random() < 0.3 ? district.hi : district.en;
    if (random() < 0.5) location.city = district.en;
  }
  return location;
}

export interface SyntheticFlag extends Record<string, unknown> {
  id: string;
  revision: number;
  status: 'active' | 'withdrawn';
  risk: Risk;
}

export function syntheticFlag(random: Random, serial: number, now: Date, runId = 'r'): SyntheticFlag {
  const hindi = random() < 0.4;
  const name = hindi
    ? `${pick(random, FIRST_HI)} ${pick(random, LAST_HI)}`
    : `${pick(random, FIRST_EN)} ${pick(random, LAST_EN)}`;
  const handle = `synthetic_${serial.toString(36)}_${Math.floor(random() * 1e4)}`;
  const excerpt = pick(
    random,
    EXCERPTS.filter((e) => (hindi ? e.language === 'hi' : e.language === 'en')),
  );
  const platform = random() < 0.6 ? 'instagram' : 'facebook';
  const flaggedAt = toIstIso(now);
  const flag: SyntheticFlag = {
    id: `sim_${runId}_${serial.toString(36).padStart(5, '0')}`,
    revision: 1,
    status: 'active',
    flagged_at: flaggedAt,
    platform,
    category: random() < 0.6 ? 'suicide' : 'self_harm',
    risk: pickRisk(random),
    subject: {
      account_id: String(17_841_400_000_000_000 + serial),
      display_name: name,
      handle,
      profile_url: `https://${platform}.invalid/${handle}`,
      age: 15 + Math.floor(random() * 8),
      phone: `+91 90000 ${String(Math.floor(random() * 1e5)).padStart(5, '0')}`,
      email: `${handle}@example.invalid`,
    },
    content: {
      excerpt: excerpt.text,
      language: excerpt.language,
      post_url: `https://${platform}.invalid/p/${serial.toString(36)}`,
      posted_at: toIstIso(new Date(now.getTime() - 60_000)),
    },
    institution: random() < 0.5 ? `Synthetic Coaching Institute ${1 + Math.floor(random() * 9)}` : undefined,
  };
  const location = pickLocation(random);
  if (location) flag.location = location;
  if (flag.institution === undefined) delete flag.institution;
  return flag;
}

/** ISO-8601 in India Standard Time (+05:30), as the platform sends it. */
export function toIstIso(date: Date): string {
  const ist = new Date(date.getTime() + 5.5 * 3600_000);
  return ist.toISOString().replace(/\.\d{3}Z$/, '+05:30');
}
