// Demo data for `npm start`, loaded through the gateway like a person would: a desk and a
// finance user, and a few members. Idempotent: what exists already (409) is left alone.

const DEMO_STAFF = [
  { username: 'desk', displayName: '服務台 Desk', password: 'atrium-desk-demo', roles: ['desk'] },
  { username: 'finance', displayName: '財務 Finance', password: 'atrium-finance-demo', roles: ['finance'] },
];

const DEMO_MEMBERS = [
  { phone: '13800138000', name: '陳大文' },
  { phone: '13900139000', name: '李小紅' },
  { phone: '+852 9123 4567', name: 'Alice Chan' },
  { phone: '13700137000', name: '王志明' },
  { phone: '13600136000', name: 'Wong Ka Ming' },
];

async function call(url, method, token, body) {
  const response = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!response.ok && response.status !== 409) {
    throw new Error(`${method} ${url} answered ${response.status}: ${await response.text()}`);
  }
  return response;
}

export async function seedDemoData(gateway, admin) {
  const login = await call(`${gateway}/api/auth/login`, 'POST', undefined, admin);
  const { accessToken } = await login.json();
  for (const staff of DEMO_STAFF) await call(`${gateway}/api/auth/staff`, 'POST', accessToken, staff);
  for (const member of DEMO_MEMBERS) await call(`${gateway}/api/member/members`, 'POST', accessToken, member);
  return { staff: DEMO_STAFF, members: DEMO_MEMBERS.length };
}
