from django.urls import re_path

from accounts import views

# "/?$": the contract serves each path with or without a trailing slash, never redirecting.
urlpatterns = [
    re_path(r"^login/?$", views.LoginView.as_view(), name="login"),
    re_path(r"^token/refresh/?$", views.TokenRefreshView.as_view(), name="token-refresh"),
    re_path(r"^logout/?$", views.LogoutView.as_view(), name="logout"),
    re_path(r"^register/?$", views.RegisterView.as_view(), name="register"),
    re_path(r"^me/password/?$", views.PasswordChangeView.as_view(), name="me-password"),
    re_path(r"^me/?$", views.MeView.as_view(), name="me"),
]
