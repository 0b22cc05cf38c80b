// Demo data for `npm start`, loaded through the gateway like a person would: a desk and a
// finance user, a few members, and a few tenants in the merchant-discount service's directory
// (the points service learns them from its events, so their sales earn). Idempotent: what exists already (409) is left alone.

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

const DEMO_TENANTS = [
  { tenantId: 'T-0105', brand: '星巴克 Starbucks', legalName: '星巴克企業管理(中國)有限公司', unitNumber: 'L1-05', floor: 'L1', zone: 'North', category: 'dining', openingHours: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], opens: '07:30', closes: '22:00' }] },
  { tenantId: 'T-0212', brand: 'UNIQLO 優衣庫', legalName: '迅銷(中國)商貿有限公司', unitNumber: 'L2-12', floor: 'L2', category: 'fashion' },
  { tenantId: 'T-0301', brand: '玩具反斗城 Toys"R"Us', legalName: '玩具反斗城(中國)商貿有限公司', unitNumber: 'L3-01', floor: 'L3', category: 'kids' },
  { tenantId: 'T-B108', brand: '莎莎 Sasa', legalName: '莎莎化妝品(中國)有限公司', unitNumber: 'B1-08', floor: 'B1', category: 'beauty' },
  { tenantId: 'T-0401', brand: '百老匯影城 Broadway Cinema', legalName: '百老匯院線管理有限公司', unitNumber: 'L4-01', floor: 'L4', category: 'entertainment', status: 'fitting-out', statusDates: { fittingOutFrom: '2026-11-01' } },
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
  for (const tenant of DEMO_TENANTS) await call(`${gateway}/api/merchant-discount/tenants`, 'POST', accessToken, tenant);
  return { staff: DEMO_STAFF, members: DEMO_MEMBERS.length, tenants: DEMO_TENANTS.length };
}
