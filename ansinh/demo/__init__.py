"""Demo ("Dữ liệu mẫu"): the Đức Phổ program with deterministic sample values, built through
the real actions. Everything it writes is flagged `is_sample` and shown labelled as such."""
