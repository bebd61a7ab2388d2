"""The JSON parser for every API request body."""
import json

from django.utils.http import parse_header_parameters
from rest_framework.exceptions import ParseError
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.parsers import JSONParser


class StrictJSONParser(JSONParser):
    """Parse `application/json` bodies, rejecting what PostgreSQL could not store.

    A JSON string may spell a lone UTF-16 surrogate (`"\\ud800"`), which Python
    decodes but cannot encode as UTF-8; letting it through would fail later, in
    the database driver, as a server error instead of a 400.
    """

    def parse(self, stream, media_type=None, parser_context=None):
        try:
            data = super().parse(stream, media_type, parser_context)
        except RecursionError:
            # json.loads raises RecursionError, not ValueError, on arrays or
            # objects nested thousands deep, which DRF's parser does not catch.
            raise ParseError("Malformed JSON: the body is nested too deeply.") from None
        except ParseError as error:
            # Python rejects integers of more than 4300 digits with a message that
            # suggests sys.set_int_max_str_digits, advice for the server, not the client.
            if "int_max_str_digits" in str(error.detail):
                raise ParseError("Malformed JSON: a number has more than 4300 digits.") from None
            raise

        try:
            json.dumps(data, ensure_ascii=False).encode("utf-8")
        except UnicodeEncodeError:
            raise ParseError("Malformed JSON: the body contains an invalid Unicode escape.") from None
        return data


class ExactContentNegotiation(DefaultContentNegotiation):
    """Select a parser only for the exact media type it declares.

    DRF's default also accepts wildcards such as `application/*` in a request's
    Content-Type, which names no real format; those get a 415 here. Django
    lower-cases the media type, so `Application/JSON` still matches.
    """

    def select_parser(self, request, parsers):
        content_type, _params = parse_header_parameters(request.content_type or "")
        for parser in parsers:
            if parser.media_type == content_type:
                return parser
        return None
