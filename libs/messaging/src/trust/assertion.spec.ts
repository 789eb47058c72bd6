import { payloadDigest } from './assertion';

describe('payloadDigest', () => {
  it('is the same for a payload and the payload parsed back from the JSON that travelled', () => {
    // The sender hashes what it sends; the receiver hashes what it parsed. Both stringify.
    const payloads: unknown[] = [
      { caseId: '0193a5b0-2222-7000-8000-000000000002', limit: 20 },
      { '10': 'integer-like keys come first', b: 1, a: [1, 2, { c: null }] },
      { text: 'Örebro län – “citat” \u0000 \u2028 😀', lone: '\ud800' },
      { numbers: [0, -0, 1e21, 1.5e-7, 2 ** 53 + 2], flag: false },
      { skipped: undefined, nested: { deeper: { deepest: [] } } },
      {},
    ];
    for (const payload of payloads) expect(payloadDigest(JSON.parse(JSON.stringify(payload)))).toBe(payloadDigest(payload));
  });

  it('differs when anything in the payload differs', () => {
    expect(payloadDigest({ caseId: 'a', purpose: 'referral' })).not.toBe(payloadDigest({ caseId: 'a', purpose: 'coordination' }));
    expect(payloadDigest({ a: 1 })).not.toBe(payloadDigest({ a: '1' }));
  });
});
