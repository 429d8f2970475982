import gc

import pytest

from ansinh.core.gc_pause import no_cycle_collection


def test_the_cycle_collector_is_off_inside_and_back_as_it_was_after_even_on_error():
    assert gc.isenabled()
    with pytest.raises(ValueError):
        with no_cycle_collection():
            assert not gc.isenabled()
            raise ValueError
    assert gc.isenabled()
    gc.disable()
    try:
        with no_cycle_collection():
            pass
        assert not gc.isenabled()  # a caller that had it off keeps it off
    finally:
        gc.enable()
