# Read-only: units and indicators change through their loaders (ansinh units/indicators …).
from django.contrib import admin
from ansinh.core.admin_policies import ReadOnlyHistoryAdmin

from ansinh.indicators.models import DataElement, Indicator


@admin.register(DataElement)
class DataElementAdmin(ReadOnlyHistoryAdmin):
    list_display = ("code", "name", "unit_label", "period_type", "collection_level")
    list_filter = ("collection_level", "period_type")
    search_fields = ("code", "name")


@admin.register(Indicator)
class IndicatorAdmin(ReadOnlyHistoryAdmin):
    list_display = ("code", "name", "kind", "factor", "direction")
    list_filter = ("kind", "direction")
    search_fields = ("code", "name")
