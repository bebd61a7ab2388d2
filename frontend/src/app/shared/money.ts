/**
 * Amounts travel as integers in the currency's minor unit (cents, fils). These
 * helpers convert them for people, using the number of decimals that
 * `Intl.NumberFormat` reports for each ISO 4217 code (JPY 0, GBP 2, KWD 3).
 */

const DEFAULT_LOCALE = 'en-GB';

const digitsCache = new Map<string, number>();

/** Returns the number of minor-unit decimals of a currency, or 2 for a code Intl does not know. */
export function currencyDigits(currency: string): number {
  const code = currency.toUpperCase();
  const cached = digitsCache.get(code);
  if (cached !== undefined) {
    return cached;
  }

  let digits = 2;
  try {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions()
      .maximumFractionDigits ?? 2;
  } catch {
    // Intl throws a RangeError for a malformed code, and the caller still needs a usable figure.
  }

  digitsCache.set(code, digits);
  return digits;
}

/** Converts minor units to a major-unit number, for charts and arithmetic only. */
export function minorToMajor(amountMinor: number, currency: string): number {
  return amountMinor / 10 ** currencyDigits(currency);
}

/** Formats minor units as a currency amount, such as `£12.99`, `¥1,299` or `KWD 1.299`. */
export function formatMinorAmount(amountMinor: number, currency: string, locale = DEFAULT_LOCALE): string {
  const code = currency.toUpperCase();
  const digits = currencyDigits(code);
  const major = amountMinor / 10 ** digits;

  try {
    return new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: code,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    }).format(major);
  } catch {
    return `${major.toFixed(digits)} ${code}`;
  }
}

/**
 * Parses an amount typed in major units (`12.99`) into minor units (1299) without
 * floating-point arithmetic. Returns null when the text is not a positive decimal
 * number or has more decimals than the currency allows.
 */
export function parseMajorAmount(text: string, currency: string): number | null {
  const trimmed = text.trim().replace(/,/g, '');
  const match = /^(\d+)(?:\.(\d+))?$/.exec(trimmed);
  if (!match) {
    return null;
  }

  const digits = currencyDigits(currency);
  const whole = match[1];
  const fraction = match[2] ?? '';
  if (fraction.length > digits) {
    return null;
  }

  const minor = Number(whole + fraction.padEnd(digits, '0'));
  return Number.isSafeInteger(minor) ? minor : null;
}

/** Formats minor units as a plain major-unit number for an input field (`1299`, GBP → `12.99`). */
export function minorToInput(amountMinor: number, currency: string): string {
  const digits = currencyDigits(currency);
  if (digits === 0) {
    return String(amountMinor);
  }

  const text = String(amountMinor).padStart(digits + 1, '0');
  return `${text.slice(0, -digits)}.${text.slice(-digits)}`;
}
