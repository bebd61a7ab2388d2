"""Create an account of any role, for operators (finance and admin accounts)."""
import getpass

from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email

from accounts.models import Role, User, normalize_email


class Command(BaseCommand):
    help = "Create a Paygate account with the given role. Prompts for the password unless --password is given."

    def add_arguments(self, parser):
        parser.add_argument("email", help="The account's e-mail address, used to log in.")
        parser.add_argument("--role", required=True, choices=Role.values, help="The account's role.")
        parser.add_argument(
            "--password",
            help="The password. Omit it to be prompted, which keeps it out of the shell history.",
        )

    def handle(self, *args, email, role, password, **options):
        email = normalize_email(email)
        try:
            validate_email(email)
        except ValidationError:
            raise CommandError(f"'{email}' is not a valid e-mail address.") from None
        if User.objects.filter(email__iexact=email).exists():
            raise CommandError(f"An account with the e-mail {email} already exists.")

        if password is None:
            password = self._prompt_password()

        candidate = User(email=email, role=role)
        try:
            password_validation.validate_password(password, candidate)
        except ValidationError as error:
            raise CommandError("The password is too weak: " + " ".join(error.messages)) from None

        User.objects.create_user(email, password, role=role)
        self.stdout.write(self.style.SUCCESS(f"Created {role} account {email}."))

    def _prompt_password(self) -> str:
        password = getpass.getpass("Password: ")
        if password != getpass.getpass("Password (again): "):
            raise CommandError("The passwords do not match.")
        return password
