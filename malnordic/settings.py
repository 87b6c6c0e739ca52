"""Settings for MAL Nordic, driven by environment variables.

SQLite unless DATABASE_URL is set. DEBUG is off unless DEBUG=true; with DEBUG off the
site refuses to start without a real SECRET_KEY.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name, "").strip().lower()
    if not value:
        return default
    if value in ("1", "true", "yes", "on"):
        return True
    if value in ("0", "false", "no", "off"):
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}.")


def env_int(name, default=0):
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}.") from None


def env_list(name, default=()):
    value = os.environ.get(name, "")
    return [item.strip() for item in value.split(",") if item.strip()] or list(default)


DEBUG = env_bool("DEBUG")

DEV_SECRET_KEY = "dev-only-insecure-key-never-use-in-production"
SECRET_KEY = os.environ.get("SECRET_KEY", DEV_SECRET_KEY if DEBUG else "")
if not DEBUG and (len(SECRET_KEY) < 50 or SECRET_KEY == DEV_SECRET_KEY):
    raise ImproperlyConfigured(
        "Set SECRET_KEY to a long random value (50+ characters), or DEBUG=true for development."
    )

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.postgres",
    "django.contrib.sitemaps",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_filters",
    "taggit",
    "simple_history",
    "axes",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "publishing",
    "networks",
    "cases",
    "glossary",
    "feedback",
    "community",
    "api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Compresses what the middleware below it returns, cached pages included.
    "django.middleware.gzip.GZipMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    # Permissions-Policy, and a Vary header that names only what a response varies by:
    # above LocaleMiddleware, so that it sees the headers that one adds.
    "malnordic.headers.ResponseHeadersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "publishing.redirects.OldSlugRedirectMiddleware",
    # Whole anonymous pages under the content version, and conditional requests answered
    # before any view runs (publishing/pagecache.py).
    "publishing.pagecache.PageCacheMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as axes asks: it turns a refused sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "malnordic.urls"
WSGI_APPLICATION = "malnordic.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "malnordic.context_processors.language_links",
                # The admin's templates put the CSP nonce on their few inline elements.
                "django.template.context_processors.csp",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}", conn_max_age=60, conn_health_checks=True
    )
}
# On PostgreSQL, the queries a page runs with their SQL compiled once (publishing/prefetch.py)
# are bound on the server, and prepared once a connection has run one
# DATABASE_PREPARE_THRESHOLD times (default 5): planning was most of the database's work
# for a case page's small queries. 0 prepares none, as a pgbouncer in transaction mode
# older than 1.21 needs. Other queries are bound in the client, as Django does by default.
if DATABASES["default"].get("ENGINE") == "django.db.backends.postgresql":
    if prepare_threshold := env_int("DATABASE_PREPARE_THRESHOLD", 5):
        DATABASES["default"].setdefault("OPTIONS", {})["prepare_threshold"] = prepare_threshold
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The cache: Redis when REDIS_URL is set, shared by every app server (the page cache, rate
# limits and the API's throttle then hold across servers); otherwise memory in each process.
# Everything derived from content is kept under the content version, so a change saved
# through any server is seen at once through all of them (publishing/pagecache.py).
REDIS_URL = os.environ.get("REDIS_URL", "").strip()
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "malnordic"),
    }
    if REDIS_URL
    else {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "OPTIONS": {"MAX_ENTRIES": 5000},
    }
}
# PAGE_CACHE=false turns the page cache off (the benchmark compares both). PAGE_MAX_AGE is
# how long browsers and CDNs may reuse an anonymous page without asking again: 0, so a
# change is seen at once; they revalidate with the ETag, which costs no rendering.
PAGE_CACHE = env_bool("PAGE_CACHE", True)
PAGE_MAX_AGE = env_int("PAGE_MAX_AGE", 0)

# axes first: it refuses a locked-out sign-in before ModelBackend spends a password hash on it.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Finnish first and unprefixed; Swedish under /sv/, English under /en/.
LANGUAGE_CODE = "fi"
LANGUAGES = [("fi", _("Finnish")), ("sv", _("Swedish")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Dates as Finland writes them in Swedish, and unambiguous in English (malnordic/formats/).
FORMAT_MODULE_PATH = ["malnordic.formats"]
TIME_ZONE = "Europe/Helsinki"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Security: on in production, off only where DEBUG says this is a developer's machine.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_HSTS_SECONDS = 0 if DEBUG else 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD")
# The preload directive is a commitment that is slow to undo (the domain stays in browsers'
# built-in lists for months, subdomains included), so it stays opt-in. While it is off,
# the deploy check's reminder that preloading is possible is not a fault to fix.
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Nothing from elsewhere and no inline code. Public pages need no nonce: they are cached
# whole, and a nonce in a stored page would not match the next response's header. Only
# the admin's templates use one, for scripts (the header names a nonce only where a
# template asked for it). Their one inline style, on a change list, is shown only when a
# ModelAdmin turns off both action bars, which none here does. data: images are Swagger
# UI's icons on the API documentation page.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
# Django's own CSRF failure page has an inline style; ours has the site's look and says
# what to do.
CSRF_FAILURE_VIEW = "malnordic.views.csrf_failure"
# In production the cookies are bound to this host exactly: the __Host- prefix makes the
# browser refuse them unless Secure, for path / and with no Domain, so neither a
# subdomain nor a plain-http page can set or overwrite them.
SESSION_COOKIE_NAME = "sessionid" if DEBUG else "__Host-sessionid"
CSRF_COOKIE_NAME = "csrftoken" if DEBUG else "__Host-csrftoken"
MESSAGES_COOKIE_NAME = "messages" if DEBUG else "__Host-messages"
MESSAGE_STORAGE = "malnordic.messages.MessageStorage"
# A curator's session ends after a working day without activity: every request saves the
# session (in the database, shared by the app servers) and so starts the 8 hours again.
# Only requests with a session pay for that; anonymous visitors have none.
SESSION_COOKIE_AGE = 8 * 60 * 60
SESSION_SAVE_EVERY_REQUEST = True

# Sign-in lockout (django-axes, with malnordic/lockout.py). Five failures for one username
# from one address, or LOGIN_ADDRESS_FAILURE_LIMIT from one address across usernames, lock
# that out for AXES_COOLOFF_TIME; each attempt while locked starts the wait over.
AXES_FAILURE_LIMIT = 5
LOGIN_ADDRESS_FAILURE_LIMIT = 20
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = True
AXES_ENABLE_ACCESS_FAILURE_LOG = True
AXES_HANDLER = "malnordic.lockout.LoginLockoutHandler"
AXES_LOCKOUT_CALLABLE = "malnordic.lockout.lockout_response"
AXES_CLIENT_IP_CALLABLE = "malnordic.lockout.client_ip"
# How many reverse proxies in front of the site append to X-Forwarded-For. With none, the
# connection's own address is the client's; the header is then the client's to forge.
PROXY_COUNT = env_int("PROXY_COUNT")
if PROXY_COUNT < 0:
    raise ImproperlyConfigured("PROXY_COUNT must be 0 or more.")

# E-mail (the feedback form's messages to the coordinator) over SMTP to EMAIL_HOST, or to a
# mail server on this machine. On a developer's machine (DEBUG) without EMAIL_HOST, e-mails
# are printed to the console instead; production refuses that (the deploy check, mail.E001).
# Django 6.1 configures mailers in MAILERS: the EMAIL_* environment variables keep their
# familiar names, but are not settings of their own.
_email_host = os.environ.get("EMAIL_HOST", "").strip()
MAILERS = {
    "default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}
    if DEBUG and not _email_host
    else {
        "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "OPTIONS": {
            "host": _email_host or "localhost",
            "port": env_int("EMAIL_PORT", 587),
            "username": os.environ.get("EMAIL_HOST_USER", ""),
            "password": os.environ.get("EMAIL_HOST_PASSWORD", ""),
            "use_tls": env_bool("EMAIL_USE_TLS", True),
            # Seconds: a stuck mail server must not hold the sender's request for long.
            "timeout": 10,
        },
    }
}
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "webmaster@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}

TAGGIT_CASE_INSENSITIVE = True

# The content `make run` loads into an empty database, and `make fixture` writes.
STARTER_FIXTURE = BASE_DIR / "fixtures" / "starter.json"


# Rate limits per client address (as PROXY_COUNT finds it), counted in the cache above, so
# with Redis across every app server (publishing/ratelimit.py): "<number>/<second, minute,
# hour or day>". FORM_RATE: proposals and follow requests, each form on its own (the
# feedback form has its own limits, feedback/ratelimit.py; the admin's sign-in, axes');
# LINK_RATE: the buttons of e-mailed confirm and leave links (generous: one-click leave
# requests from a mail provider share its few addresses); EXPORT_RATE: CSV, XLSX, JSON,
# report and brief, all together.
def env_rate(name, default):
    value = os.environ.get(name, "").strip() or default
    number, _slash, unit = value.partition("/")
    if not number.isdigit() or unit not in ("second", "minute", "hour", "day"):
        raise ImproperlyConfigured(f"{name} must look like 30/minute, not {value!r}.")
    return value


FORM_RATE = env_rate("FORM_RATE", "5/hour")
LINK_RATE = env_rate("LINK_RATE", "120/minute")
EXPORT_RATE = env_rate("EXPORT_RATE", "30/minute")

# The read-only open-data API at /api/v1/ (api/): JSON only, anonymous, and limited per
# client address (API_ANON_RATE, e.g. "120/minute"; the address as PROXY_COUNT finds it).
REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "UNAUTHENTICATED_USER": None,
    "DEFAULT_THROTTLE_CLASSES": ["api.base.AnonymousThrottle"],
    "DEFAULT_THROTTLE_RATES": {"anon": os.environ.get("API_ANON_RATE", "120/minute")},
    "NUM_PROXIES": PROXY_COUNT,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "MAL Nordic open-data API",
    "DESCRIPTION": "Read-only access to the published content of MAL Nordic: Nordic cases "
    "of land use, housing and transport planned together in city regions, their networks, "
    "city regions, climate goals, themes and glossary. Every translated text is given in "
    "Finnish, Swedish and English. Content licence: CC BY 4.0 "
    "(https://creativecommons.org/licenses/by/4.0/).",
    "VERSION": "1",
    "LICENSE": {"name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/"},
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PUBLIC": True,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.AllowAny"],
    "SERVE_AUTHENTICATION": [],
    "SCHEMA_PATH_PREFIX": "/api/v1/",
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    # One name for each choice set that several fields share.
    "ENUM_NAME_OVERRIDES": {
        "CountryEnum": "networks.models.Country",
        "CaseCountryEnum": "api.serializers.CASE_COUNTRY_CHOICES",
        "PartyEnum": "cases.models.money.Party",
        "ThemeEnum": "cases.models.vocabulary.Theme.Slug",
    },
}
