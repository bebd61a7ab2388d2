"""Serve the Angular app's index.html for every client-side route."""
from django.conf import settings
from django.http import FileResponse, HttpResponse


def index(request, path=""):
    index_file = settings.FRONTEND_DIST / "index.html"
    if not index_file.is_file():
        return HttpResponse(
            "The web app is not built. Run `make run` with Node.js 20 and npm installed, "
            "or use the API at /api/docs.",
            status=503,
            content_type="text/plain; charset=utf-8",
        )
    return FileResponse(index_file.open("rb"), content_type="text/html; charset=utf-8")
