# Read-only: units and indicators change through their loaders (ansinh units/indicators …).
from django.contrib import admin
from ansinh.core.admin_policies import ReadOnlyHistoryAdmin

from ansinh.orgunits.models import OrgUnit, UnitSuccession


@admin.register(OrgUnit)
class OrgUnitAdmin(ReadOnlyHistoryAdmin):
    list_display = ("code", "name", "kind", "level", "valid_from", "valid_to", "parent")
    list_filter = ("level", "kind")
    search_fields = ("code", "name")
    raw_id_fields = ("parent",)


@admin.register(UnitSuccession)
class UnitSuccessionAdmin(ReadOnlyHistoryAdmin):
    list_display = ("predecessor", "successor", "effective_on", "kind", "whole", "legal_basis")
    raw_id_fields = ("predecessor", "successor")
