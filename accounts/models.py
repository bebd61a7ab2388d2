"""Paygate accounts: an e-mail login and one role."""
from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone


class Role(models.TextChoices):
    """The role of an account, which decides what it may do.

    admin: platform operators; see every payment, create, edit, review and delete
        payments, and use the Django admin.
    finance: review staff; see every payment, change only status and provider attempts.
    merchant: self-registered; see and create only their own payments.
    """

    ADMIN = "admin", "Admin"
    FINANCE = "finance", "Finance"
    MERCHANT = "merchant", "Merchant"


class UserManager(BaseUserManager):
    use_in_migrations = True

    def get_by_natural_key(self, username):
        return self.get(email__iexact=username)

    def create_user(self, email, password=None, *, role=Role.MERCHANT, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=normalize_email(email), role=role, **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields["role"] = Role.ADMIN
        return self.create_user(email, password, **extra_fields)


def normalize_email(email: str) -> str:
    """Lower-case the whole address, so that lookups and uniqueness agree."""
    return email.strip().lower()


class User(AbstractBaseUser):
    # Stored lower-case; the constraint on Lower(email) also guards rows written
    # around the manager, such as raw SQL.
    email = models.EmailField(max_length=254, unique=True)
    role = models.CharField(max_length=16, choices=Role.choices, default=Role.MERCHANT)
    is_active = models.BooleanField(default=True)
    date_joined = models.DateTimeField(default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = []

    class Meta:
        constraints = [
            models.UniqueConstraint(Lower("email"), name="accounts_user_email_ci_unique"),
            models.CheckConstraint(condition=models.Q(role__in=Role.values), name="accounts_user_role_valid"),
        ]

    def __str__(self):
        return self.email

    # The Django admin reads these. Only admins may use it, and within it they
    # may do everything, so permissions follow the role instead of per-model grants.
    @property
    def is_staff(self) -> bool:
        return self.role == Role.ADMIN

    @property
    def is_superuser(self) -> bool:
        return self.role == Role.ADMIN

    def has_perm(self, perm, obj=None) -> bool:
        return self.is_active and self.role == Role.ADMIN

    def has_perms(self, perm_list, obj=None) -> bool:
        return all(self.has_perm(perm, obj) for perm in perm_list)

    def has_module_perms(self, app_label) -> bool:
        return self.is_active and self.role == Role.ADMIN
