"""The front doors: the pages that gather what several apps hold for one audience.

The practitioner's My work and the manager's Team page (`staff_work`), the staff's family and
child pages and their home page (`staff_home`, `staff_family`), the forum member's home
(`forum`), the council administrator's home (`council_admin`), and the family's own pages
(`family`, reading through `family_record`). This package is on the top floor: it may import
any app, and no app imports it.
"""
