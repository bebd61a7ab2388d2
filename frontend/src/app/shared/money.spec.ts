import { currencyDigits, formatMinorAmount, minorToInput, minorToMajor, parseMajorAmount } from './money';

describe('currencyDigits', () => {
  it('uses each currency minor unit', () => {
    expect(currencyDigits('JPY')).toBe(0);
    expect(currencyDigits('GBP')).toBe(2);
    expect(currencyDigits('KWD')).toBe(3);
  });

  it('accepts lower-case codes', () => {
    expect(currencyDigits('kwd')).toBe(3);
  });

  it('falls back to two decimals for a malformed code', () => {
    expect(currencyDigits('not-a-code')).toBe(2);
  });
});

describe('formatMinorAmount', () => {
  it('formats GBP with two decimals', () => {
    expect(formatMinorAmount(1299, 'GBP')).toBe('£12.99');
  });

  it('formats JPY without decimals', () => {
    expect(formatMinorAmount(1299, 'JPY')).toBe('JP¥1,299');
  });

  it('formats KWD with three decimals', () => {
    expect(formatMinorAmount(1299, 'KWD')).toBe('KWD\u00a01.299');
  });

  it('keeps trailing zeros', () => {
    expect(formatMinorAmount(1000, 'USD', 'en-US')).toBe('$10.00');
  });

  it('formats large amounts with grouping', () => {
    expect(formatMinorAmount(1_000_000_000_000, 'EUR', 'en-GB')).toBe('€10,000,000,000.00');
  });
});

describe('minorToMajor', () => {
  it('divides by the currency scale', () => {
    expect(minorToMajor(1299, 'GBP')).toBe(12.99);
    expect(minorToMajor(1299, 'JPY')).toBe(1299);
    expect(minorToMajor(1299, 'KWD')).toBe(1.299);
  });
});

describe('parseMajorAmount', () => {
  it('converts decimals to minor units', () => {
    expect(parseMajorAmount('12.99', 'GBP')).toBe(1299);
    expect(parseMajorAmount('12.9', 'GBP')).toBe(1290);
    expect(parseMajorAmount('12', 'GBP')).toBe(1200);
  });

  it('avoids floating-point rounding', () => {
    expect(parseMajorAmount('0.29', 'USD')).toBe(29);
    expect(parseMajorAmount('1.005', 'KWD')).toBe(1005);
  });

  it('rejects more decimals than the currency has', () => {
    expect(parseMajorAmount('12.5', 'JPY')).toBeNull();
    expect(parseMajorAmount('1.999', 'GBP')).toBeNull();
  });

  it('rejects text that is not a positive number', () => {
    expect(parseMajorAmount('', 'GBP')).toBeNull();
    expect(parseMajorAmount('-5', 'GBP')).toBeNull();
    expect(parseMajorAmount('1e3', 'GBP')).toBeNull();
    expect(parseMajorAmount('abc', 'GBP')).toBeNull();
  });

  it('ignores thousands separators', () => {
    expect(parseMajorAmount('1,234.50', 'GBP')).toBe(123450);
  });
});

describe('minorToInput', () => {
  it('round-trips with parseMajorAmount', () => {
    expect(minorToInput(1299, 'GBP')).toBe('12.99');
    expect(minorToInput(5, 'GBP')).toBe('0.05');
    expect(minorToInput(1299, 'JPY')).toBe('1299');
    expect(minorToInput(1299, 'KWD')).toBe('1.299');
  });
});
