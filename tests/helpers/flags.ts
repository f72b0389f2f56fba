// Invented people only. CANARY values let tests search raw files for leaked plaintext.
export const CANARY = {
  name: 'Zubeida Canarywala',
  phone: '+91 90000 13579',
  excerpt: 'CANARY-EXCERPT-7f3a synthetic training text',
};

let counter = 0;

export function makeFlag(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  counter++;
  return {
    id: `fl_test_${counter.toString(36)}`,
    revision: 1,
    status: 'active',
    flagged_at: '2026-11-25T10:14:51+05:30',
    platform: 'instagram',
    category: 'suicide',
    risk: 'high',
    subject: {
      account_id: `1784140000${counter}`,
      display_name: CANARY.name,
      handle: 'canary_handle',
      age: 17,
      phone: CANARY.phone,
      email: 'canary@example.invalid',
    },
    content: { excerpt: CANARY.excerpt, language: 'en', posted_at: '2026-11-25T10:12:30+05:30' },
    location: { district: 'Kota', city: 'Kota', pincode: '324005', source: 'profile' },
    institution: 'Synthetic Coaching Institute 1',
    ...overrides,
  };
}
