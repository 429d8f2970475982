from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from ansinh.indicators.models import DataElement, Indicator


@admin.register(DataElement)
class DataElementAdmin(SimpleHistoryAdmin):
    list_display = ("code", "name", "unit_label", "period_type", "collection_level")
    list_filter = ("collection_level", "period_type")
    search_fields = ("code", "name")


@admin.register(Indicator)
class IndicatorAdmin(SimpleHistoryAdmin):
    list_display = ("code", "name", "kind", "factor", "direction")
    list_filter = ("kind", "direction")
    search_fields = ("code", "name")
