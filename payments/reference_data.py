"""Currency and country codes accepted on payments, from pycountry's ISO tables."""
import re

import pycountry

# ISO 4217 codes that are not money a merchant is paid in: precious metals,
# bond-market units, the SDR, the testing code and "no currency".
_NON_CURRENCY_CODES = {"XAG", "XAU", "XBA", "XBB", "XBC", "XBD", "XDR", "XPD", "XPT", "XSU", "XTS", "XUA", "XXX"}

ACTIVE_CURRENCIES = frozenset(currency.alpha_3 for currency in pycountry.currencies) - _NON_CURRENCY_CODES

# UK is not the ISO code for the United Kingdom (GB is), but is in common use.
COUNTRY_CODES = frozenset(country.alpha_2 for country in pycountry.countries) | {"UK"}

REGION_PATTERN = re.compile(r"^[A-Za-z0-9-]{2,16}$")
