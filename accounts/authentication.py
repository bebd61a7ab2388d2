from rest_framework.authentication import BaseAuthentication


class AnonymousBearer(BaseAuthentication):
    """Authenticate no one, but send `WWW-Authenticate: Bearer` with 401 responses.

    For the endpoints that take no access token (login, refresh, register). DRF
    turns a 401 into a 403 when a view has no authenticator that names a scheme,
    and an expired access token sent along by a client must not block a refresh.
    """

    def authenticate(self, request):
        return None

    def authenticate_header(self, request):
        return "Bearer"
