# Programs are edited as program files (docs/program-file.md) and loaded with
# `ansinh program load`; the admin shows them read-only so the file stays the source of truth.
from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from ansinh.programs.models import Body, Program, Target, TaskGroup


class ReadOnlyAdmin(SimpleHistoryAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Program)
class ProgramAdmin(ReadOnlyAdmin):
    list_display = ("code", "doc_type", "number", "issuing_body", "scope_unit", "start_year", "end_year")


@admin.register(Target)
class TargetAdmin(ReadOnlyAdmin):
    list_display = ("program", "code", "name", "comparator", "value", "low", "high", "unit_label", "year")
    list_filter = ("program", "comparator")


@admin.register(TaskGroup)
class TaskGroupAdmin(ReadOnlyAdmin):
    list_display = ("program", "number", "title", "timeline_kind")
    list_filter = ("program", "section")


@admin.register(Body)
class BodyAdmin(ReadOnlyAdmin):
    list_display = ("code", "name", "kind")
