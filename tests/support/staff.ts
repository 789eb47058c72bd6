import type { StaffMemberView } from '@samverkan/contracts';
import type TestAgent from 'supertest/lib/agent';

export interface SignedInStaff {
  token: string;
  member: StaffMemberView;
  auth: { authorization: string };
}

/** Signs in as a seeded staff member, found by display name, with a development token. */
export async function signIn(http: TestAgent, displayName: string): Promise<SignedInStaff> {
  let member: StaffMemberView | undefined;
  for (let after: string | null | undefined; !member && after !== null;) {
    const page = await http
      .get('/api/v1/auth/dev-staff')
      .query({ limit: 100, ...(after ? { after } : {}) })
      .expect(200);
    member = (page.body.items as StaffMemberView[]).find((candidate) => candidate.displayName === displayName);
    after = page.body.nextCursor as string | null;
  }
  if (!member) throw new Error(`no seeded staff member called ${displayName}`);
  const issued = await http.post('/api/v1/auth/dev-tokens').send({ staffId: member.id }).expect(200);
  const token = issued.body.accessToken as string;
  return { token, member, auth: { authorization: `Bearer ${token}` } };
}
