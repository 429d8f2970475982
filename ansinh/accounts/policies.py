"""The one permission policy: "may this user do this to this object?" (docs/permissions.md).

Used by the web views, the CLI and the data actions alike; views never read roles directly.
A role applies to its scope unit and every unit under it. Pure functions of the user's role
assignments (loaded once per user) and the unit chain.
"""

from __future__ import annotations

from dataclasses import dataclass

from ansinh.accounts.models import Role, RoleAssignment
from ansinh.orgunits.models import OrgUnit
from ansinh.orgunits.selectors import chain_ids


@dataclass(frozen=True)
class Grant:
    role: str
    unit_id: int | None
    agency: str
    body_id: int | None = None


def grants_of(user) -> list[Grant]:
    if user is None or not user.is_authenticated:
        return []
    cached = getattr(user, "_ansinh_grants", None)
    if cached is None:
        cached = [Grant(r.role, r.unit_id, r.agency, r.body_id) for r in RoleAssignment.objects.filter(user=user)]
        if user.is_superuser:
            cached.append(Grant(Role.SYSTEM_ADMIN, None, ""))
        user._ansinh_grants = cached
    return cached


def _covers(grant: Grant, unit: OrgUnit) -> bool:
    return grant.unit_id is None or grant.unit_id in chain_ids(unit)


def is_system_admin(user) -> bool:
    return any(g.role == Role.SYSTEM_ADMIN for g in grants_of(user))


def can_enter(user, data_set, unit: OrgUnit) -> bool:
    """Enter and submit `data_set` for `unit`: its commune office, or the agency that owns the data set."""
    for grant in grants_of(user):
        if grant.role == Role.SYSTEM_ADMIN:
            return True
        if grant.role == Role.COMMUNE_OFFICER and data_set.level == "commune" and _is_commune_office_form(data_set):
            if grant.unit_id == unit.pk:
                return True
        if grant.role == Role.AGENCY_OFFICER and grant.agency and grant.agency in data_set.collected_by and _covers(grant, unit):
            return True
    return False


def _is_commune_office_form(data_set) -> bool:
    return data_set.collected_by.startswith("UBND xã")


def can_approve(user, unit: OrgUnit) -> bool:
    """Approve, return, excuse, re-open reports of `unit` (and of the units under it)."""
    return any(g.role == Role.SYSTEM_ADMIN or (g.role == Role.APPROVER and _covers(g, unit)) for g in grants_of(user))


def can_view(user) -> bool:
    return bool(grants_of(user))


def bodies_of(user) -> set[int]:
    """The bodies the user works for."""
    return {g.body_id for g in grants_of(user) if g.body_id}


def can_report_for(user, body) -> bool:
    """File and change the task reports of `body`."""
    return is_system_admin(user) or body.pk in bodies_of(user)


def can_review_task(user, task_lead) -> bool:
    """Return reports of a task for more detail: users of its lead body, and administrators."""
    return is_system_admin(user) or (task_lead is not None and task_lead.pk in bodies_of(user))


def can_comment_as_overseer(user) -> bool:
    """Write oversight remarks on targets and tasks (HĐND, Mặt trận: the supervisor role)."""
    return any(g.role in (Role.SYSTEM_ADMIN, Role.SUPERVISOR) for g in grants_of(user))


def can_edit_programs(user) -> bool:
    """Load, import and change program files."""
    return any(g.role in (Role.SYSTEM_ADMIN, Role.PROGRAM_ADMIN) for g in grants_of(user))


# Roles whose mistakes or stolen passwords reach everyone else's figures: with
# ANSINH_TWO_FACTOR_REQUIRED they must use a second factor (docs/security.md).
TWO_FACTOR_ROLES = frozenset({Role.SYSTEM_ADMIN, Role.PROGRAM_ADMIN, Role.APPROVER})


def must_use_two_factor(user) -> bool:
    """Whether this user may not work without a confirmed TOTP device (the setting is on and he
    holds one of TWO_FACTOR_ROLES; staff of the admin site count as administrators)."""
    from django.conf import settings

    if not settings.ANSINH_TWO_FACTOR_REQUIRED or not user.is_authenticated:
        return False
    return user.is_staff or any(g.role in TWO_FACTOR_ROLES for g in grants_of(user))
