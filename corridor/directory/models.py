from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from corridor.core.models import TimeStampedModel
from corridor.taxonomy.models import Country


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class Role(models.TextChoices):
    """Platform-wide roles, held as Django auth groups of the same name (see ``roles.py``)."""

    REQUESTER = "requester", _("Requester")
    EXPERT = "expert", _("Expert")
    REVIEWER = "reviewer", _("Reviewer")
    SECRETARIAT = "secretariat", _("Secretariat")
    FUND_MANAGER = "fund_manager", _("Fund manager")


class User(AbstractUser):
    """A person with an account. Signs in with an email address.

    ``pseudonym``: when set, it is the only name anyone but the secretariat sees (people with lived
    experience of exploitation take part safely this way); ``public_name`` applies that rule.
    """

    username = None
    first_name = None
    last_name = None
    email = models.EmailField(_("email address"), unique=True)
    full_name = models.CharField(_("full name"), max_length=150, blank=True)
    pseudonym = models.CharField(
        _("pseudonym"),
        max_length=80,
        blank=True,
        help_text=_(
            "If set, this is the only name other people see. Only the secretariat sees your real name."
        ),
    )
    job_title = models.CharField(_("job title"), max_length=150, blank=True)
    bio = models.TextField(_("about"), blank=True)
    country = models.ForeignKey(
        Country, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    preferred_language = models.CharField(_("preferred language"), max_length=10, blank=True)
    is_profile_public = models.BooleanField(
        _("public profile"),
        default=False,
        help_text=_("Show your profile in the public directory."),
    )

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = UserManager()

    class Meta:
        ordering = ["full_name", "email"]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self):
        return self.public_name

    @property
    def public_name(self) -> str:
        """The name shown to anyone who is not the secretariat."""
        if self.pseudonym:
            return self.pseudonym
        return self.full_name or gettext("Unnamed member")

    def get_absolute_url(self):
        return reverse("directory:person_detail", args=[self.pk])


class Organisation(TimeStampedModel):
    class Type(models.TextChoices):
        UN_ENTITY = "un_entity", _("UN entity")
        MEMBER_STATE = "member_state", _("Member State")
        CIVIL_SOCIETY = "civil_society", _("Civil society")
        TRADE_UNION = "trade_union", _("Trade union")
        EMPLOYERS = "employers", _("Employers' organisation")
        ACADEMIA = "academia", _("Academia")
        PRIVATE_SECTOR = "private_sector", _("Private sector")
        NHRI = "nhri", _("National human rights institution")
        INTERGOVERNMENTAL = "intergovernmental", _("Intergovernmental")
        DONOR = "donor", _("Donor")

    name = models.CharField(_("name"), max_length=200, unique=True)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    slug = models.SlugField(_("web address"), max_length=80, unique=True)
    type = models.CharField(_("type"), max_length=20, choices=Type.choices, db_index=True)
    country = models.ForeignKey(
        Country,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="organisations",
        help_text=_("Headquarters, or the State itself for a Member State."),
    )
    website = models.URLField(_("website"), blank=True)
    logo = models.ImageField(_("logo"), upload_to="organisations/logos/", blank=True)
    description = models.TextField(_("description"), blank=True)
    member_since = models.DateField(_("member since"), null=True, blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self):
        return self.short_label

    @property
    def short_label(self) -> str:
        return self.acronym or self.name

    def get_absolute_url(self):
        return reverse("directory:organisation_detail", args=[self.slug])


class Affiliation(TimeStampedModel):
    """A person's place in a member organisation."""

    class Role(models.TextChoices):
        FOCAL_POINT = "focal_point", _("Focal point")
        MEMBER = "member", _("Member")

    person = models.ForeignKey(User, on_delete=models.CASCADE, related_name="affiliations")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="affiliations"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    title = models.CharField(_("position"), max_length=150, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["person", "organisation"], name="unique_affiliation")
        ]
        verbose_name = _("affiliation")
        verbose_name_plural = _("affiliations")

    def __str__(self):
        return f"{self.person} — {self.organisation} ({self.get_role_display()})"


class Group(TimeStampedModel):
    """The Network, its committees, the Alliance 8.7 and its action groups, working groups."""

    class Kind(models.TextChoices):
        NETWORK = "network", _("Network")
        COMMITTEE = "committee", _("Committee")
        ALLIANCE = "alliance", _("Alliance")
        ACTION_GROUP = "action_group", _("Action group")
        WORKING_GROUP = "working_group", _("Working group")

    name = models.CharField(_("name"), max_length=200, unique=True)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    slug = models.SlugField(_("web address"), max_length=80, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, db_index=True)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="subgroups"
    )
    description = models.TextField(_("description"), blank=True)
    established = models.DateField(_("established"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("group")
        verbose_name_plural = _("groups")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("directory:group_detail", args=[self.slug])


class GroupMembership(TimeStampedModel):
    """An organisation's or a person's place in a group, with its role."""

    class Role(models.TextChoices):
        CHAIR = "chair", _("Chair")
        CO_CHAIR = "co_chair", _("Co-chair")
        CO_LEAD = "co_lead", _("Co-lead")
        FOCAL_POINT = "focal_point", _("Focal point")
        MEMBER = "member", _("Member")

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="group_memberships",
    )
    person = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.CASCADE, related_name="group_memberships"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    since = models.DateField(_("since"), null=True, blank=True)

    class Meta:
        ordering = ["group", "role", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(organisation__isnull=False, person__isnull=True))
                | (Q(organisation__isnull=True, person__isnull=False)),
                name="membership_is_organisation_xor_person",
            ),
            models.UniqueConstraint(
                fields=["group", "organisation"],
                condition=Q(organisation__isnull=False),
                name="unique_organisation_in_group",
            ),
            models.UniqueConstraint(
                fields=["group", "person"],
                condition=Q(person__isnull=False),
                name="unique_person_in_group",
            ),
        ]
        verbose_name = _("group membership")
        verbose_name_plural = _("group memberships")

    def __str__(self):
        return f"{self.organisation or self.person} in {self.group} ({self.get_role_display()})"
