import { auditChange, auditValue, isPersonalField } from './audit-masking';

describe('audit masking', () => {
  it('masks phone numbers, keeping the country code and the last four digits', () => {
    expect(auditChange('phone', '+8613800138000', '+85291234567')).toEqual({ field: 'phone', from: '+86*******8000', to: '+85*****4567' });
  });

  it('masks names, keeping the first character', () => {
    expect(auditValue('name', '陳大文')).toBe('陳**');
    expect(auditValue('name', 'Alice Chan')).toBe('A*********');
  });

  it('shows of a birthday only that it is there and whether it has a year', () => {
    expect(auditChange('birthday', undefined, { month: 5, day: 12 })).toEqual({ field: 'birthday', from: null, to: '**-**' });
    expect(auditValue('birthday', { month: 5, day: 12, year: 1990 })).toBe('****-**-**');
    expect(JSON.stringify(auditChange('birthday', { month: 5, day: 12, year: 1990 }, null))).not.toMatch(/1990|12|05/);
  });

  it('shows other fields as they are, and a cleared value as null', () => {
    expect(auditChange('preferredLanguage', 'zh-Hans', 'en')).toEqual({ field: 'preferredLanguage', from: 'zh-Hans', to: 'en' });
    expect(auditChange('tags', ['vip'], ['vip', 'parking'])).toEqual({ field: 'tags', from: ['vip'], to: ['vip', 'parking'] });
    expect(auditChange('district', '天河區', undefined)).toEqual({ field: 'district', from: '天河區', to: null });
    expect(auditValue('granted', false)).toBe(false);
  });

  it('knows which fields are personal', () => {
    expect(['phone', 'name', 'birthday'].every(isPersonalField)).toBe(true);
    expect(['district', 'tags', 'preferredLanguage'].some(isPersonalField)).toBe(false);
  });
});
