"""The subject access pages add no new record arguments: the withholding page takes the
family's id (`family_id`, already in the matrix)."""

OBJECT_IDS: dict = {}
