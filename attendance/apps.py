from django.apps import AppConfig

EDITOR_PERMISSIONS = ["add_attendance", "change_attendance", "delete_attendance", "view_attendance"]


class AttendanceConfig(AppConfig):
    name = "attendance"
    verbose_name = "Attendance"

    def ready(self):
        from django.db.models.signals import post_migrate, post_save

        from attendance import signal_handlers
        from attendance.models import Attendance
        from core.permissions import group_permissions_granter

        # Editors manage attendance in the admin; facilitators see their courses' rows.
        grants = {"Editors": EDITOR_PERMISSIONS, "Facilitators": ["view_attendance"]}
        post_migrate.connect(
            group_permissions_granter("attendance", grants),
            dispatch_uid="attendance-permissions",
            weak=False,
        )
        post_save.connect(
            signal_handlers.check_completion_on_attendance,
            sender=Attendance,
            dispatch_uid="attendance-completion",
        )
