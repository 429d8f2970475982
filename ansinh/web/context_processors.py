from ansinh.datavalues.selectors import has_sample_data


def sample_data_flag(request):
    """Pages show a "Dữ liệu mẫu" banner while any sample value is stored."""
    return {"shows_sample_data": has_sample_data()}
