from django.db import migrations

from supportfirst.families.council_column import with_family_council


class Migration(migrations.Migration):
    dependencies = [
        ("councils", "0001_initial"),
        ("families", "0002_child_keeps_its_familys_council"),
        ("pathway", "0007_versions"),
    ]

    operations = with_family_council("supportrequest", "pathway_supportrequest")
