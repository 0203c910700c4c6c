from django.apps import AppConfig


class AttendanceConfig(AppConfig):
    name = "attendance"
    verbose_name = "Attendance"

    def ready(self):
        from django.db.models.signals import post_migrate, post_save

        from attendance import signal_handlers
        from attendance.models import Attendance

        post_migrate.connect(
            signal_handlers.grant_attendance_permissions,
            dispatch_uid="attendance-permissions",
        )
        post_save.connect(
            signal_handlers.check_completion_on_attendance,
            sender=Attendance,
            dispatch_uid="attendance-completion",
        )
