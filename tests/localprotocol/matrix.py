"""The local assessment protocol in the isolation matrix: its public pages, and the staff pages
of a version, a section and a comment of the family's council."""

from tests.localprotocol.factories import matrix_comment_id, matrix_section_id, matrix_version_id

PUBLIC = {"public_protocol:index", "public_protocol:council", "public_protocol:version"}

# "no-such-council" (the asking app's) is no council: its protocol's addresses go to the list
# of every council's protocol.
PUBLIC_ARGUMENTS = {"protocol_version": 1}
PUBLIC_REDIRECTS = {
    "public_protocol:council": "/protocol/",
    "public_protocol:version": "/protocol/",
}

OBJECT_IDS = {
    "version_id": matrix_version_id,
    "section_id": matrix_section_id,
    "comment_id": matrix_comment_id,
}
