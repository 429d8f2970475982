# Programs are edited as program files (docs/program-file.md) and loaded with
# `ansinh program load`; the admin shows them read-only so the file stays the source of truth.
from django.contrib import admin

from ansinh.core.admin_policies import ReadOnlyHistoryAdmin
from ansinh.programs.models import Body, Program, Target, TaskGroup


@admin.register(Program)
class ProgramAdmin(ReadOnlyHistoryAdmin):
    list_display = ("code", "doc_type", "number", "issuing_body", "scope_unit", "start_year", "end_year")


@admin.register(Target)
class TargetAdmin(ReadOnlyHistoryAdmin):
    list_display = ("program", "code", "name", "comparator", "value", "low", "high", "unit_label", "year")
    list_filter = ("program", "comparator")


@admin.register(TaskGroup)
class TaskGroupAdmin(ReadOnlyHistoryAdmin):
    list_display = ("program", "number", "title", "timeline_kind")
    list_filter = ("program", "section")


@admin.register(Body)
class BodyAdmin(ReadOnlyHistoryAdmin):
    list_display = ("code", "name", "kind")
