"""What the standard zipfile module raises on a damaged or forged zip held in memory.

Uploaded .xlsx, .zip and .docx files are all zips. Opening or reading one that is broken can
raise any of these, and each means the same thing to the user: "this file cannot be read".
Catching exactly this set, in one place, keeps every reader refusing such files with its
Vietnamese message instead of failing with a traceback.
"""

from __future__ import annotations

import zipfile
import zlib

DAMAGED_ZIP_ERRORS: tuple[type[BaseException], ...] = (
    zipfile.BadZipFile,  # not a zip, bad directory, CRC mismatch
    zipfile.LargeZipFile,  # ZIP64 records where they are not allowed
    zlib.error,  # corrupt deflate stream
    EOFError,  # member shorter than its header says
    OSError,  # truncated or inconsistent headers (the bytes are in memory, so never a disk error)
    ValueError,  # negative offsets, sizes that do not parse
    NotImplementedError,  # a compression method zipfile does not support
    RuntimeError,  # an encrypted member (password required)
)
