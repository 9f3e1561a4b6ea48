"""The accounts entries in the isolation matrix: the invitation link is public (it is how a new
member of staff first arrives); a link that is not real says so, and shows nothing."""

PUBLIC = {"accounts:invitation"}
PUBLIC_ARGUMENTS = {"invite_token": "not-a-real-link"}
