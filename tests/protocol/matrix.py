"""The protocol audit's entries in the isolation matrix: its one page is public."""

PUBLIC = {"protocol_audit:audit"}
