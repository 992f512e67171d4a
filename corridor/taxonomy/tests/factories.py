import factory

from corridor.taxonomy.models import Country, Objective, Region, ThematicArea, Theme


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
    numeric = factory.Sequence(lambda n: f"{n % 1000:03d}")
    name = factory.LazyAttribute(lambda o: f"Country {o.code}")
