from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

from ansinh.api.main import api

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
    path("api/schema/", RedirectView.as_view(url="/api/v1/openapi.json", permanent=False)),
    path("api/docs/", RedirectView.as_view(url="/api/v1/docs", permanent=False)),
    path("accounts/", include("django.contrib.auth.urls")),
    path("", include("ansinh.web.urls")),
]

# A database outage answers 503 "try again" instead of a bare server error (docs/operations.md).
handler500 = "ansinh.web.error_pages.server_error"
