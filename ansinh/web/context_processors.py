from ansinh.datavalues.selectors import has_sample_data


def sample_data_flag(request):
    """Pages show a "Dữ liệu mẫu" banner while any sample value is stored."""
    return {"shows_sample_data": has_sample_data()}


def admin_flag(request):
    """The header links the audit log for system administrators only."""
    from ansinh.accounts.policies import is_system_admin

    user = getattr(request, "user", None)
    return {"is_system_admin": bool(user and user.is_authenticated and is_system_admin(user))}
