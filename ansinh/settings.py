"""The one settings module of ansinh.

Every value comes from an environment variable (see `.env.example` and docs/configuration.md)
with a safe development default. `ANSINH_ENV=production` turns the defaults strict: the
development secret key and DEBUG are refused there.
"""

from datetime import timedelta
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
env = environ.Env()

ANSINH_ENV = env.str("ANSINH_ENV", default="development")
PRODUCTION = ANSINH_ENV == "production"
DEV_SECRET_KEY = "dev-only-insecure-key-do-not-use-in-production"  # noqa: S105 - refused in production

SECRET_KEY = env.str("ANSINH_SECRET_KEY", default=DEV_SECRET_KEY)
DEBUG = env.bool("ANSINH_DEBUG", default=not PRODUCTION)
ALLOWED_HOSTS = env.list("ANSINH_ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]", "testserver"])

if PRODUCTION and (SECRET_KEY == DEV_SECRET_KEY or len(SECRET_KEY) < 32 or DEBUG):
    raise ImproperlyConfigured(
        "ANSINH_ENV=production cần ANSINH_SECRET_KEY riêng (ít nhất 32 ký tự) và ANSINH_DEBUG=false "
        "(production needs its own ANSINH_SECRET_KEY of 32+ characters and DEBUG off)."
    )

VAR_DIR = Path(env.str("ANSINH_VAR_DIR", default=str(BASE_DIR / "var")))

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "simple_history",
    "ansinh.core",
    "ansinh.accounts",
    "ansinh.orgunits",
    "ansinh.indicators",
    "ansinh.programs",
    "ansinh.datavalues",
    "ansinh.analytics",
    "ansinh.tasks",
    "ansinh.reports",
    "ansinh.api",
    "ninja",  # serves the API documentation's scripts and styles itself (no CDN)
    "axes",  # login throttling (docs/security.md)
    "django_otp",  # optional second factor at login (ADR 0013)
    "django_otp.plugins.otp_totp",
    "ansinh.web",
]

MIDDLEWARE = [
    "ansinh.core.server_timing.ServerTimingMiddleware",  # outermost: times the whole request
    "django.middleware.security.SecurityMiddleware",
    "ansinh.core.content_security.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "ansinh.core.language_middleware.ChosenLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "ansinh.web.null_characters.NullCharacterMiddleware",  # text with NUL: 400 before any view
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",  # request.user.is_verified(): the second factor passed
    "ansinh.web.two_factor_gate.TwoFactorGateMiddleware",  # asks for it before anything else
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",  # last: turns a locked-out login into the lockout page
]

# Login throttling (django-axes): after AXES_FAILURE_LIMIT wrong passwords for one user name from
# one address, that pair is locked out for the cool-off time; a success resets the count.
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
# The public page of approved figures, without login (docs/dashboard.md); false removes it.
ANSINH_PUBLIC_PAGE = env.bool("ANSINH_PUBLIC_PAGE", default=True)

AXES_FAILURE_LIMIT = env.int("ANSINH_LOGIN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("ANSINH_LOGIN_LOCKOUT_MINUTES", default=30))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_VERBOSE = False

# Second factor (TOTP, docs/security.md): anyone may turn it on for his account; when required,
# administrators and approvers cannot work until they have. The issuer names the entry in the app.
ANSINH_TWO_FACTOR_REQUIRED = env.bool("ANSINH_TWO_FACTOR_REQUIRED", default=False)
OTP_TOTP_ISSUER = env.str("ANSINH_TWO_FACTOR_ISSUER", default="ansinh")
OTP_ADMIN_HIDE_SENSITIVE_DATA = True  # the admin lists devices, never their secrets or QR codes

ROOT_URLCONF = "ansinh.urls"
WSGI_APPLICATION = "ansinh.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "ansinh.web.context_processors.sample_data_flag",
                "ansinh.web.context_processors.admin_flag",
            ],
        },
    },
]

DATABASES = {
    "default": env.db_url("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'ansinh.sqlite3'}"),
}
# With persistent connections (`?conn_max_age=60` in DATABASE_URL), check a connection before
# reusing it: after a database restart the first request of each worker then reconnects instead
# of failing (tests/test_faults.py).
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets pages read while an import writes; a 64 MB page cache keeps index inserts of large
    # imports in memory; NORMAL sync is safe with WAL (a crash loses at most the last commit).
    options = DATABASES["default"].setdefault("OPTIONS", {})
    options["init_command"] = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-65536;"
    # Two writers at once (two gunicorn workers, two officers saving): a transaction that reads and
    # then writes cannot wait for the lock once another writer holds it, and fails at once with
    # "database is locked". IMMEDIATE takes the write lock at BEGIN, so the second writer waits
    # (up to `timeout` seconds) instead of failing (found by bench/api_load.py).
    options.setdefault("transaction_mode", "IMMEDIATE")
    options.setdefault("timeout", 30)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "web:home"
LOGOUT_REDIRECT_URL = "web:home"

# Vietnamese first; English only when chosen with the switcher (not from Accept-Language: ADR 0005).
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "ansinh" / "locale"]
USE_I18N = True
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_TZ = True
FORMAT_MODULE_PATH = ["ansinh.formats"]

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"

# Behind an HTTPS reverse proxy (nginx): the origins allowed to POST, and the header the proxy sets.
CSRF_TRUSTED_ORIGINS = env.list("ANSINH_CSRF_TRUSTED_ORIGINS", default=[])
if env.bool("ANSINH_BEHIND_HTTPS_PROXY", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Uploads: a zip of commune workbooks may reach 50 MB; larger requests are refused by Django.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

SESSION_COOKIE_SECURE = PRODUCTION
CSRF_COOKIE_SECURE = PRODUCTION
# Production is served over HTTPS only (docs/configuration.md): redirect plain HTTP and tell
# browsers to keep to HTTPS. An intranet without TLS sets ANSINH_HTTPS=false deliberately.
HTTPS_ONLY = env.bool("ANSINH_HTTPS", default=PRODUCTION)
SECURE_SSL_REDIRECT = HTTPS_ONLY
SECURE_HSTS_SECONDS = env.int("ANSINH_HSTS_SECONDS", default=31_536_000 if HTTPS_ONLY else 0)
# Subdomains and preload follow Django's deployment checklist; a domain whose other services are
# not all on HTTPS sets ANSINH_HSTS_SUBDOMAINS=false (and accepts check --deploy's warning).
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("ANSINH_HSTS_SUBDOMAINS", default=HTTPS_ONLY)
SECURE_HSTS_PRELOAD = env.bool("ANSINH_HSTS_PRELOAD", default=HTTPS_ONLY)
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"

# Uploaded evidence files: outside the web root, under generated names (docs/task-followup.md).
ANSINH_UPLOAD_DIR = Path(env.str("ANSINH_UPLOAD_DIR", default=str(VAR_DIR / "uploads")))
ANSINH_EVIDENCE_MAX_BYTES = env.int("ANSINH_EVIDENCE_MAX_BYTES", default=10 * 1024 * 1024)

# E-mail: printed to the console unless SMTP is configured (reminders, docs/configuration.md).
EMAIL_BACKEND = env.str("ANSINH_EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env.str("ANSINH_EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("ANSINH_EMAIL_PORT", default=25)
EMAIL_HOST_USER = env.str("ANSINH_EMAIL_USER", default="")
EMAIL_HOST_PASSWORD = env.str("ANSINH_EMAIL_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("ANSINH_EMAIL_TLS", default=False)
DEFAULT_FROM_EMAIL = env.str("ANSINH_EMAIL_FROM", default="ansinh@localhost")

# Pre-2025 administrative units: the vietnam-provinces 0.x wheel, read as a zip (see ADR 0003).
ANSINH_GSO_PRE2025_WHEEL = Path(
    env.str("ANSINH_GSO_PRE2025_WHEEL", default=str(VAR_DIR / "cache" / "vietnam_provinces-0.6.0-py3-none-any.whl"))
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("ANSINH_LOG_LEVEL", default="WARNING")},
}
