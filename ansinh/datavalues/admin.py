# Data values change only through the data-collection actions (audited, validated); the admin
# lists them read-only with their history.
from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from ansinh.datavalues.models import DataValue


@admin.register(DataValue)
class DataValueAdmin(SimpleHistoryAdmin):
    list_display = ("data_element", "unit", "period", "category", "value", "is_sample", "updated_at")
    list_filter = ("is_sample", "period")
    raw_id_fields = ("unit",)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
