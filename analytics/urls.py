from django.urls import re_path

from analytics import views

urlpatterns = [
    re_path(r"^analytics/volume/?$", views.VolumeView.as_view(), name="analytics-volume"),
    re_path(r"^analytics/provider-latency/?$", views.ProviderLatencyView.as_view(), name="analytics-provider-latency"),
    re_path(r"^analytics/status/?$", views.StatusView.as_view(), name="analytics-status"),
]
