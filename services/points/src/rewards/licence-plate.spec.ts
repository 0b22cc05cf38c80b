import { parseLicencePlate } from './licence-plate';

describe('licence plates for parking rewards', () => {
  it.each([
    ['粤B12345', '粤B12345', 'mainland'],
    ['京A·8K88Q', '京A8K88Q', 'mainland'],
    [' 沪c 1234x ', '沪C1234X', 'mainland'],
    ['粤Z1234港', '粤Z1234港', 'mainland'],
    ['粤Z1234澳', '粤Z1234澳', 'mainland'],
    ['粵B12345', '粤B12345', 'mainland'],
    ['苏E1234学', '苏E1234学', 'mainland'],
    ['粤BD12345', '粤BD12345', 'mainland-new-energy'],
    ['沪AFA1234', '沪AFA1234', 'mainland-new-energy'],
    ['浙AK12345', '浙AK12345', 'mainland-new-energy'],
    ['粤B12345D', '粤B12345D', 'mainland-new-energy'],
    ['粤B12345F', '粤B12345F', 'mainland-new-energy'],
    ['AB1234', 'AB1234', 'hong-kong'],
    ['kt 8', 'KT8', 'hong-kong'],
    ['MA-12-34', 'MA-12-34', 'macau'],
    ['aa-01-99', 'AA-01-99', 'macau'],
  ])('accepts %s as %s (%s)', (text, plate, region) => {
    expect(parseLicencePlate(text)).toEqual({ plate, region });
  });

  it.each([
    ['', 'empty'],
    ['B12345', 'no province'],
    ['粤I12345', 'office letter I'],
    ['粤B1234O', 'letter O in the serial'],
    ['粤B1234', 'too short'],
    ['粤B123456', 'ordinary plate with 6 serial digits'],
    ['粤BL12345', 'new-energy class letter L'],
    ['粤B1234D5', 'large new-energy letter in the wrong place'],
    ['粤B12345E', 'large new-energy with E'],
    ['台A12345', 'not a mainland province'],
    ['WJ12345', 'armed police'],
    ['AB0123', 'Hong Kong number with a leading zero'],
    ['AB12345', 'Hong Kong number of 5 digits'],
    ['IO1234', 'Hong Kong letters I and O'],
    ['MA1234-', 'broken Macau dashes'],
    ['MA-123-4', 'Macau digits in the wrong pairs'],
    ['使123456', 'embassy'],
  ])('refuses %s (%s)', (text) => {
    expect(parseLicencePlate(text)).toBeUndefined();
  });
});
