from django.db import migrations, models

from supportfirst.families.council_column import with_family_council


class Migration(migrations.Migration):
    dependencies = [
        ("councils", "0001_initial"),
        ("families", "0001_initial"),
    ]

    operations = [
        migrations.AddConstraint(
            model_name="family",
            constraint=models.UniqueConstraint(
                fields=("id", "council"), name="family_with_its_council"
            ),
        ),
        *with_family_council("child", "families_child"),
    ]
