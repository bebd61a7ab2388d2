"""Writes on accounts and their tokens."""
import logging

from django.db import IntegrityError, transaction
from rest_framework_simplejwt.exceptions import InvalidToken, TokenError
from rest_framework_simplejwt.serializers import TokenRefreshSerializer
from rest_framework_simplejwt.token_blacklist.models import BlacklistedToken, OutstandingToken
from rest_framework_simplejwt.tokens import RefreshToken

from accounts.models import Role, User
from paygate.api.exceptions import Conflict
from payments.models import Payment

logger = logging.getLogger(__name__)


def user_register(*, email: str, password: str) -> User:
    """Create a merchant account; a taken e-mail (in any case) is a Conflict."""
    if User.objects.filter(email__iexact=email).exists():
        raise Conflict("This e-mail address is already registered.")

    try:
        # The savepoint keeps the caller's transaction usable after a lost race
        # on the unique e-mail constraint.
        with transaction.atomic():
            user = User.objects.create_user(email, password, role=Role.MERCHANT)
    except IntegrityError:
        raise Conflict("This e-mail address is already registered.") from None

    logger.info("user_registered user_id=%s role=%s", user.pk, user.role)
    return user


def tokens_issue(user: User) -> dict[str, str]:
    refresh = RefreshToken.for_user(user)
    return {"token": str(refresh.access_token), "refresh": str(refresh)}


def tokens_refresh(*, refresh: str) -> dict[str, str]:
    """Rotate a refresh token: return a new pair and revoke the one given."""
    serializer = TokenRefreshSerializer(data={"refresh": refresh})
    try:
        serializer.is_valid(raise_exception=True)
    except TokenError as error:
        raise InvalidToken(str(error)) from None
    except User.DoesNotExist:
        # simplejwt looks the user up without catching this; the account was deleted.
        raise InvalidToken("The account of this token no longer exists.") from None

    return {"token": serializer.validated_data["access"], "refresh": serializer.validated_data["refresh"]}


def token_revoke(*, user: User, refresh: str) -> None:
    """Revoke one of the user's refresh tokens; raise TokenError if it is not a valid one of theirs."""
    token = RefreshToken(refresh)
    if str(token.get("user_id")) != str(user.pk):
        raise TokenError("The refresh token belongs to another account.")
    token.blacklist()


def tokens_revoke_all(*, user: User) -> int:
    """Blacklist every outstanding refresh token of the user; return how many were revoked."""
    outstanding = OutstandingToken.objects.filter(user=user).exclude(blacklistedtoken__isnull=False)
    revoked = [BlacklistedToken(token=token) for token in outstanding]
    BlacklistedToken.objects.bulk_create(revoked, ignore_conflicts=True)
    return len(revoked)


@transaction.atomic
def password_change(*, user: User, new_password: str) -> None:
    """Set a new password and end every session of the account.

    Refresh tokens are blacklisted here; access tokens carry a digest of the old
    password hash (simplejwt's CHECK_REVOKE_TOKEN), so they stop working too.
    """
    user.set_password(new_password)
    user.save(update_fields=["password"])
    revoked = tokens_revoke_all(user=user)
    logger.info("password_changed user_id=%s refresh_tokens_revoked=%d", user.pk, revoked)


@transaction.atomic
def account_delete(*, user: User) -> int:
    """Delete a merchant account and every payment it created; return the payment count."""
    user_id = user.pk
    tokens_revoke_all(user=user)
    _, deleted = Payment.objects.filter(created_by=user).delete()
    payment_count = deleted.get("payments.Payment", 0)
    user.delete()
    logger.info("account_deleted user_id=%s payments_deleted=%d", user_id, payment_count)
    return payment_count
