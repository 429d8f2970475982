"""Admin pages that show records without letting anyone change them there.

Writes must go through the actions (validated, atomic, attributed with a channel); the admin is
for looking things up and reading their history.
"""

from simple_history.admin import SimpleHistoryAdmin


class ReadOnlyHistoryAdmin(SimpleHistoryAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
