"""The cube no longer stores commune-level cells: readers build them from the values
(analytics/cube.py, analytics/selectors.py). The rows stored before are deleted."""

from django.db import migrations

COMMUNE_LEVEL = 3


def drop_commune_cells(apps, schema_editor):
    ElementAggregate = apps.get_model("analytics", "ElementAggregate")
    ElementAggregate.objects.filter(unit__level=COMMUNE_LEVEL).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("analytics", "0001_initial"),
        ("orgunits", "0001_initial"),
    ]

    # Going back needs the commune cells again: `ansinh analytics refresh` rebuilds them.
    operations = [migrations.RunPython(drop_commune_cells, migrations.RunPython.noop)]
