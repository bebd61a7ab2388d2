from django.contrib import admin
from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from accounts.admin_login import throttle_login
from paygate import frontend
from paygate.api.errors import api_not_found, bad_request, server_error
from paygate.health import HealthView

api_patterns = [
    re_path(r"^health/?$", HealthView.as_view(), name="health"),
    re_path(r"^schema/?$", SpectacularAPIView.as_view(), name="schema"),
    re_path(r"^docs/?$", SpectacularSwaggerView.as_view(url_name="schema"), name="docs"),
    path("", include("accounts.urls")),
    path("", include("payments.urls")),
    path("", include("analytics.urls")),
    # Anything else under /api/ is a 404 in the envelope, never the app's index.html.
    re_path(r"^.*$", api_not_found),
]

admin.site.login = throttle_login(admin.site.login)

urlpatterns = [
    path("api/", include(api_patterns)),
    path("admin/", admin.site.urls),
    re_path(r"^(?!api/|admin/|static/)(?P<path>.*)$", frontend.index, name="frontend"),
]

handler400 = bad_request
handler500 = server_error
