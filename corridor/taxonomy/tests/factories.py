"""Factories for the vocabulary.

The data migration loads the real vocabulary into every test database, so these get the existing
row for a natural key that exists (objective 3, area 2, country "NA") and create only new ones.
Codes they invent stay clear of the real ones: M49 900-998, ISO numeric 900-999.
"""

import factory

from corridor.taxonomy.models import (
    Country,
    GuidingPrinciple,
    Objective,
    Region,
    SdgTarget,
    ThematicArea,
    Theme,
)
from corridor.taxonomy.vocabulary import sdg_sort_key


class ObjectiveFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Objective
        django_get_or_create = ("number",)

    number = factory.Sequence(lambda n: (n % 23) + 1)
    short_name = factory.LazyAttribute(lambda o: f"Objective {o.number}")
    title = factory.LazyAttribute(lambda o: f"Full title of objective {o.number}")


class ThematicAreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ThematicArea
        django_get_or_create = ("number",)

    number = factory.Sequence(lambda n: (n % 5) + 1)
    name = factory.LazyAttribute(lambda o: f"Thematic area {o.number}")


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"theme-{n}")
    name = factory.Sequence(lambda n: f"Theme {n}")


class RegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Region
        django_get_or_create = ("m49",)

    m49 = factory.Sequence(lambda n: f"{900 + (n % 99):03d}")
    name = factory.Sequence(lambda n: f"Region {n}")
    level = Region.Level.REGION


class CountryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Country
        django_get_or_create = ("code",)

    code = "NA"
    alpha3 = factory.LazyAttribute(lambda o: f"{o.code}X")
    numeric = factory.Sequence(lambda n: f"{900 + n % 100:03d}")
    name = factory.LazyAttribute(lambda o: f"Country {o.code}")


class GuidingPrincipleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GuidingPrinciple
        django_get_or_create = ("number",)

    number = factory.Sequence(lambda n: (n % 10) + 1)
    name = factory.LazyAttribute(lambda o: f"Principle {o.number}")


class SdgTargetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SdgTarget
        django_get_or_create = ("code",)

    code = "10.7"
    title = factory.LazyAttribute(lambda o: f"SDG target {o.code}")
    sort_key = factory.LazyAttribute(lambda o: sdg_sort_key(o.code))
