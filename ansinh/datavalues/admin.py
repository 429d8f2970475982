# Data values change only through the data-collection actions (audited, validated); the admin
# lists them read-only with their history.
from django.contrib import admin
from ansinh.core.admin_policies import ReadOnlyHistoryAdmin
from ansinh.datavalues.models import DataValue


@admin.register(DataValue)
class DataValueAdmin(ReadOnlyHistoryAdmin):
    list_display = ("data_element", "unit", "period", "category", "value", "is_sample", "updated_at")
    list_filter = ("is_sample", "period")
    raw_id_fields = ("unit",)
