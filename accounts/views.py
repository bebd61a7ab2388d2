"""Authentication and account endpoints."""
from django.contrib.auth import authenticate
from django.contrib.auth.models import update_last_login
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.exceptions import AuthenticationFailed, PermissionDenied, ValidationError
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.views import APIView
from rest_framework_simplejwt.exceptions import TokenError

from accounts import services
from accounts.authentication import AnonymousBearer
from accounts.models import Role
from accounts.serializers import (
    LoginSerializer,
    PasswordChangeSerializer,
    RefreshSerializer,
    RegisterSerializer,
    UserSerializer,
)
from accounts.throttling import LoginClientThrottle, LoginEmailThrottle
from paygate.api.envelope import api_response
from paygate.api.schema import envelope_responses

INVALID_CREDENTIALS = "Invalid e-mail or password."


class LoginView(APIView):
    permission_classes = [AllowAny]
    authentication_classes = [AnonymousBearer]
    throttle_classes = [LoginClientThrottle, LoginEmailThrottle]

    @extend_schema(
        auth=[],
        request=LoginSerializer,
        responses=envelope_responses("LoginResult", {"email": str, "role": str, "token": str, "refresh": str}, 200, 400, 401, 429),
    )
    def post(self, request):
        serializer = LoginSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)

        # authenticate() rejects inactive accounts and, for an unknown e-mail,
        # still runs the hasher so timing does not reveal which e-mails exist.
        user = authenticate(request, username=serializer.validated_data["email"], password=serializer.validated_data["password"])
        if user is None:
            raise AuthenticationFailed(INVALID_CREDENTIALS)

        update_last_login(None, user)
        tokens = services.tokens_issue(user)
        data = {"email": user.email, "role": user.role, **tokens}
        return api_response(data, message="Login successful")


class TokenRefreshView(APIView):
    permission_classes = [AllowAny]
    authentication_classes = [AnonymousBearer]

    @extend_schema(
        auth=[],
        request=RefreshSerializer,
        responses=envelope_responses("TokenPair", {"token": str, "refresh": str}, 200, 400, 401),
    )
    def post(self, request):
        serializer = RefreshSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)

        tokens = services.tokens_refresh(refresh=serializer.validated_data["refresh"])
        return api_response(tokens, message="Token refreshed")


class LogoutView(APIView):
    @extend_schema(request=RefreshSerializer, responses=envelope_responses("Logout", None, 200, 400, 401))
    def post(self, request):
        serializer = RefreshSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)

        try:
            services.token_revoke(user=request.user, refresh=serializer.validated_data["refresh"])
        except TokenError as error:
            raise ValidationError({"refresh": [str(error)]}) from None
        return api_response(message="Logged out")


class RegisterView(APIView):
    permission_classes = [AllowAny]
    authentication_classes = [AnonymousBearer]

    @extend_schema(
        auth=[],
        request=RegisterSerializer,
        responses=envelope_responses("Registration", {"email": str, "role": str}, 201, 400, 409),
    )
    def post(self, request):
        serializer = RegisterSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)

        user = services.user_register(**{key: serializer.validated_data[key] for key in ("email", "password")})
        data = {"email": user.email, "role": user.role}
        return api_response(data, message="User registered", status=status.HTTP_201_CREATED)


class MeView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(responses=envelope_responses("Me", UserSerializer, 200, 401))
    def get(self, request):
        return api_response(UserSerializer(request.user).data)

    @extend_schema(responses=envelope_responses("AccountDeleted", None, 200, 401, 403))
    def delete(self, request):
        if request.user.role != Role.MERCHANT:
            raise PermissionDenied("Only merchant accounts can be deleted here; admins use the Django admin.")

        services.account_delete(user=request.user)
        return api_response(message="Account deleted")


class PasswordChangeView(APIView):
    @extend_schema(request=PasswordChangeSerializer, responses=envelope_responses("PasswordChanged", None, 200, 400, 401))
    def post(self, request):
        serializer = PasswordChangeSerializer(data=request.data, context={"user": request.user})
        serializer.is_valid(raise_exception=True)

        services.password_change(user=request.user, new_password=serializer.validated_data["new_password"])
        return api_response(message="Password changed")
