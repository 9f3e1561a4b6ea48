from django.conf import settings
from django.http import HttpRequest


def council(request: HttpRequest) -> dict[str, object]:
    """The signed-in person's council and role, for the page header and navigation."""
    user = getattr(request, "user", None)
    membership = getattr(user, "membership", None) if user and user.is_authenticated else None
    return {
        "current_membership": membership,
        "current_council": membership.council if membership else None,
        "service_phase": settings.SERVICE_PHASE,
        "feedback_email": settings.FEEDBACK_EMAIL,
        "session_idle_minutes": settings.SESSION_COOKIE_AGE // 60,
        "session_idle_seconds": settings.SESSION_COOKIE_AGE,
        # Warn two minutes before an idle session ends (sooner for very short sessions).
        "session_warning_seconds": min(120, settings.SESSION_COOKIE_AGE // 2),
        "sign_in_lockout_minutes": int(settings.AXES_COOLOFF_TIME.total_seconds() // 60),
    }
