"""Group permissions an app's models need, granted after every migrate."""

from django.contrib.auth.management import create_permissions


def group_permissions_granter(app_label, grants):
    """A post_migrate receiver that gives each named group (`{"Editors": [codename…]}`)
    those permissions of `app_label`'s models. Running after every migrate, it also
    repairs permissions someone removed; a group that does not exist is skipped."""

    def grant(sender, app_config=None, apps=None, **kwargs):
        if app_config is None or app_config.label != app_label or apps is None:
            return
        create_permissions(app_config, verbosity=0)
        permissions = apps.get_model("auth", "Permission").objects.filter(
            content_type__app_label=app_label
        )
        for name, codenames in grants.items():
            group = apps.get_model("auth", "Group").objects.filter(name=name).first()
            if group:
                group.permissions.add(*permissions.filter(codename__in=codenames))

    return grant
