import { maskEmail, maskName, maskPersonalData, maskPhone } from './mask-personal-data';

describe('maskEmail', () => {
  it.each([
    ['li.na@example.com', 'l****@example.com'],
    ['write to ops+desk@atrium.example.cn today', 'write to o****@atrium.example.cn today'],
    ['no address @ here', 'no address @ here'],
  ])('masks %s as %s', (input, expected) => {
    expect(maskEmail(input)).toBe(expected);
  });

  it('masks contacts\' e-mail addresses and phones in logged objects', () => {
    expect(maskPersonalData({ contacts: [{ name: '李娜', email: 'li.na@example.com', phone: '+8613800138000' }] })).toEqual({
      contacts: [{ name: '李*', email: 'l****@example.com', phone: '+86*******8000' }],
    });
  });
});

describe('maskPhone', () => {
  it.each([
    ['+8613800138000', '+86*******8000'],
    ['call 138 0013 8000 now', 'call *******8000 now'],
    ['+852 9123 4567', '+85*****4567'],
    ['order 12345', 'order 12345'],
    ['member 3f9c2a1e-0b7d-4c55-9a8e-0d6f1b2c3d4e', 'member 3f9c2a1e-0b7d-4c55-9a8e-0d6f1b2c3d4e'],
  ])('masks %s as %s', (input, expected) => {
    expect(maskPhone(input)).toBe(expected);
  });
});

describe('maskName', () => {
  it('keeps only the first character', () => {
    expect(maskName('王小明')).toBe('王**');
    expect(maskName('Alice Chan')).toBe('A*********');
    expect(maskName('')).toBe('');
  });
});

describe('maskPersonalData', () => {
  it('masks names and phones at any depth and redacts secrets', () => {
    const masked = maskPersonalData({
      msg: 'registered +8613800138000',
      member: { name: '陳大文', phone: '+8613800138000', tier: 'gold' },
      body: { password: 'hunter2' },
      headers: { authorization: 'Bearer abc' },
    });
    expect(masked).toEqual({
      msg: 'registered +86*******8000',
      member: { name: '陳**', phone: '+86*******8000', tier: 'gold' },
      body: { password: '[redacted]' },
      headers: { authorization: '[redacted]' },
    });
  });
});
