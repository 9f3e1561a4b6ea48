"""The council's statutory returns from the service's own records: what the returns need and the
records do not hold elsewhere (recorded on pages a worker fills in), the Children in Need census
export and its pre-export check. The writers and code lists are plain Python in rules/returns."""
